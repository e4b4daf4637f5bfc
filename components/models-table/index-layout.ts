/**
 * The layout the models index's light table (hydrated at load) and its live table share:
 * column widths, numeric columns, row height and cell styles. Free of TanStack, so the page's
 * first script does not carry the table library.
 */
import type { ColumnId } from '@/lib/table/columns'
import { cn } from '@/lib/utils'

/** Fixed row height: the virtualizer needs no measuring, and rows never jump. */
export const ROW_HEIGHT = 52

export const WIDTHS: Record<ColumnId, string> = {
  // A phone: the name cell (with the key figures) is as wide as the screen; other columns scroll in.
  name: 'w-[calc(100vw-2rem-2px)] sm:w-[17rem]',
  vendor: 'w-36',
  context: 'w-28',
  maxOutput: 'w-28',
  input: 'w-24',
  output: 'w-24',
  cacheRead: 'w-28',
  priceChange: 'w-48',
  providers: 'w-28',
  modalities: 'w-44',
  capabilities: 'w-72',
  released: 'w-36',
  cutoff: 'w-40',
  status: 'w-32',
}

/** Right-aligned, tabular figures. */
export const NUMERIC = new Set<ColumnId>(['context', 'maxOutput', 'input', 'output', 'cacheRead', 'providers'])

// The name column stays in view while the table scrolls sideways, except on a phone, where it
// fills the screen and would hide every other column.
// Cell styles live on the table (one class list instead of one per cell): the server HTML of
// hundreds of rows stays a third of the size.
export const CELLS = cn(
  '[&_td]:overflow-hidden [&_td]:border-b [&_td]:px-3 [&_td]:text-ellipsis [&_td]:whitespace-nowrap',
  '[&_td[data-num]]:text-right [&_td[data-num]]:tabular-nums',
  'sm:[&_tbody_th]:sticky sm:[&_tbody_th]:left-0 [&_tbody_th]:z-[1] [&_tbody_th]:overflow-hidden [&_tbody_th]:border-b [&_tbody_th]:bg-card [&_tbody_th]:px-3 [&_tbody_th]:text-left [&_tbody_th]:font-normal',
  '[&_tbody_tr:hover>*]:bg-muted [&_tbody_tr[data-selected]>*]:bg-accent-soft',
)
