/**
 * The models index's table as TanStack Table (v9) sees it, and the layout its live and static
 * renderings share: column widths, numeric columns, row height and cell styles.
 */
import type { ReactTable } from '@tanstack/react-table'
import {
  columnVisibilityFeature,
  createColumnHelper,
  createSortedRowModel,
  rowSelectionFeature,
  rowSortingFeature,
  tableFeatures,
} from '@tanstack/react-table'

import type { ColumnId, SortValue } from '@/lib/table/columns'
import { COLUMNS } from '@/lib/table/columns'
import type { ModelRow } from '@/lib/table/rows'
import { sortingOptions } from '@/lib/table/sort'
import { cn } from '@/lib/utils'

export const indexFeatures = tableFeatures({
  rowSortingFeature,
  columnVisibilityFeature,
  rowSelectionFeature,
  sortedRowModel: createSortedRowModel(),
})

export type IndexTable = ReactTable<typeof indexFeatures, ModelRow>

// Cells are rendered by ModelCell (the name cell also holds the row's checkbox), so the
// definitions carry identity, the sort value and sort policy only.
const helper = createColumnHelper<typeof indexFeatures, ModelRow>()
export const indexColumns = helper.columns(
  COLUMNS.map((spec) =>
    helper.accessor((row): SortValue => spec.value(row), {
      id: spec.id,
      header: spec.title,
      enableHiding: !spec.alwaysVisible,
      ...sortingOptions(spec),
    }),
  ),
)

export const getRowId = (r: ModelRow) => r.id

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
