import type { ChangeEvent } from 'react'

import { MAX_MODELS } from '@/lib/compare/limits'
import type { ColumnId } from '@/lib/table/columns'
import { COLUMN_BY_ID } from '@/lib/table/columns'
import type { ModelRow } from '@/lib/table/rows'
import { cn, plural } from '@/lib/utils'
import type { SortDirection } from '@/components/ui/sort-header'
import { SortHeader } from '@/components/ui/sort-header'

import { CELLS, NUMERIC, ROW_HEIGHT, WIDTHS } from './index-layout'
import { IndexNameCell, ModelCell } from './model-cell'

export interface IndexHeader {
  id: ColumnId
  direction: SortDirection
  onSort: () => void
}

export interface IndexBodyRow {
  row: ModelRow
  /** The row's place in the whole view (from 0). */
  index: number
  selected: boolean
  canSelect: boolean
  onToggle: (event: ChangeEvent<HTMLInputElement>) => void
}

/**
 * The index table's markup, one for both its renderings: the light table hydrated at load (the
 * server's page of the view) and the live, virtualized one (virtual-table.tsx). One markup keeps
 * the hydration exact and the swap from one to the other without a shift.
 */
export function IndexTableView({
  headers,
  rows,
  total,
  count,
  offset,
  live,
  basis,
  padTop = 0,
  padBottom = 0,
}: {
  headers: IndexHeader[]
  /** The rows in the DOM (all of the light table's; those in view, plus a few, of the live one). */
  rows: IndexBodyRow[]
  /** Rows in the whole view. */
  total: number
  /** Rows in the table (the page's before live; the whole view once live). */
  count: number
  /** Before live: the page's place in the view. */
  offset: number
  live: boolean
  /** Where the prices come from (the cheapest provider, or the filtered providers), for the caption. */
  basis: string
  /** Spacer heights above and below the rows in the DOM (virtualized). */
  padTop?: number
  padBottom?: number
}) {
  const colSpan = headers.length
  return (
    <table
      className={cn('w-max min-w-full table-fixed border-separate border-spacing-0 text-sm', CELLS)}
      aria-rowcount={total + 1}
      data-testid="models-table"
    >
      <caption className="sr-only">
        Models, {plural(total, 'row')}
        {live || total <= count ? '' : `, rows ${offset + 1} to ${offset + count} shown`}. Prices in USD per 1M tokens
        at {basis}; context and max output in tokens. Column headers sort.
      </caption>
      <colgroup>
        {headers.map((h) => (
          <col key={h.id} className={WIDTHS[h.id]} />
        ))}
      </colgroup>
      <thead>
        <tr aria-rowindex={1}>
          {headers.map(({ id, direction, onSort }) => {
            const spec = COLUMN_BY_ID[id]
            return (
              <SortHeader
                key={id}
                title={spec.title}
                description={spec.unit ? `${spec.description}, ${spec.unit}` : spec.description}
                direction={direction}
                align={NUMERIC.has(id) ? 'right' : 'left'}
                onSort={onSort}
                className={cn('sticky top-0 z-10 border-b', id === 'name' && 'z-20 sm:left-0')}
              />
            )
          })}
        </tr>
      </thead>
      <tbody>
        {padTop > 0 ? (
          // biome-ignore lint/a11y/noAriaHiddenOnFocusable: a spacer row (no controls, not focusable), hidden so screen readers do not count an empty row
          <tr aria-hidden="true" style={{ height: padTop }}>
            <td colSpan={colSpan} />
          </tr>
        ) : null}
        {rows.map(({ row: m, index, selected, canSelect, onToggle }) => (
          <tr
            key={m.id}
            aria-rowindex={index + 2}
            data-model={m.id}
            data-selected={selected ? '' : undefined}
            style={{ height: ROW_HEIGHT }}
          >
            {headers.map(({ id }) =>
              id === 'name' ? (
                <th key={id} scope="row">
                  <span className="flex items-center gap-2.5">
                    <input
                      type="checkbox"
                      aria-label={`Select ${m.name} to compare`}
                      checked={selected}
                      disabled={!canSelect}
                      title={canSelect ? undefined : `Compare takes up to ${MAX_MODELS} models`}
                      onChange={onToggle}
                      className="size-4 shrink-0 accent-accent"
                    />
                    <IndexNameCell row={m} />
                  </span>
                </th>
              ) : (
                <td key={id} data-num={NUMERIC.has(id) ? '' : undefined}>
                  <ModelCell column={id} row={m} />
                </td>
              ),
            )}
          </tr>
        ))}
        {padBottom > 0 ? (
          // biome-ignore lint/a11y/noAriaHiddenOnFocusable: a spacer row (no controls, not focusable), hidden so screen readers do not count an empty row
          <tr aria-hidden="true" style={{ height: padBottom }}>
            <td colSpan={colSpan} />
          </tr>
        ) : null}
      </tbody>
    </table>
  )
}
