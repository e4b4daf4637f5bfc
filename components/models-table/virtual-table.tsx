import { useEffect, useRef } from 'react'
import { useVirtualizer } from '@tanstack/react-virtual'

import { MAX_MODELS } from '@/lib/compare/limits'
import type { ColumnId } from '@/lib/table/columns'
import { COLUMN_BY_ID } from '@/lib/table/columns'
import { cn, plural } from '@/lib/utils'
import { SortHeader } from '@/components/ui/sort-header'

import { IndexNameCell, ModelCell } from './columns'
import type { IndexTable } from './index-table'
import { CELLS, NUMERIC, ROW_HEIGHT, WIDTHS } from './index-table'

/** The window the table assumes before it can measure its scroll box: 16 rows, a 75vh box on a 1,100 px tall screen. */
const FIRST_WINDOW = 16 * ROW_HEIGHT
const OVERSCAN = 6

/**
 * The index table: sortable headers and a checkbox per row. Until every row is here (`live`) it
 * holds the server's page of the view, each row in the DOM (the server HTML, and the table
 * readers without JavaScript use); live, its rows are virtualized (only those in view, plus a
 * few, are in the DOM; spacer rows keep the scroll height).
 */
export function VirtualTable({
  table,
  view,
  basis,
  onSorted,
  live,
  total,
  offset,
  startAt,
  waiting,
}: {
  table: IndexTable
  /** Changes when the rows or their order change (not on a tick): the table then scrolls back to its top. */
  view: unknown
  /** Where the prices come from (the cheapest provider, or the filtered providers), for the caption. */
  basis: string
  /** A sort was chosen: what to announce. */
  onSorted: (announcement: string) => void
  /** Every row of the view is in the table (else: one page of it, not virtualized). */
  live: boolean
  /** Rows in the whole view. */
  total: number
  /** Before live: the page's place in the view (for the rows' aria-rowindex). */
  offset: number
  /** Once live: the row to scroll to first (the first row of the page the URL named). */
  startAt: number
  /** A change waits for every row: the rows shown are about to change. */
  waiting: boolean
}) {
  const tableRows = table.getRowModel().rows
  const scrollRef = useRef<HTMLDivElement>(null)
  const virtualizer = useVirtualizer({
    count: tableRows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
    initialRect: { width: 0, height: FIRST_WINDOW },
  })

  // A new result or order starts at its top. Only when scrolled (the virtualizer knows, no DOM
  // read), and in the next frame: setting scrollTop right after the commit forces a layout.
  const scrolled = virtualizer.scrollOffset ?? 0
  const scrolledRef = useRef(scrolled)
  scrolledRef.current = scrolled
  const shownView = useRef(view)
  useEffect(() => {
    if (shownView.current === view) return
    shownView.current = view
    if (!scrolledRef.current) return
    const id = requestAnimationFrame(() => {
      if (scrollRef.current) scrollRef.current.scrollTop = 0
    })
    return () => cancelAnimationFrame(id)
  }, [view])

  // Gone live on a page past the first (a link or reload of `?page=N`): that page's first row at the top.
  const started = useRef(false)
  useEffect(() => {
    if (!live || started.current) return
    started.current = true
    if (startAt > 0) virtualizer.scrollToIndex(startAt, { align: 'start' })
  }, [live, startAt, virtualizer])

  const headers = table.getHeaderGroups()[0]?.headers ?? []
  const colSpan = headers.length
  const items = live ? virtualizer.getVirtualItems() : []
  const shown = live
    ? items.map((v) => ({ row: tableRows[v.index]!, index: v.index }))
    : tableRows.map((row, i) => ({ row, index: offset + i }))
  const padTop = items.length > 0 ? items[0]!.start : 0
  const padBottom = items.length > 0 ? virtualizer.getTotalSize() - items[items.length - 1]!.end : 0

  return (
    <div
      ref={scrollRef}
      data-testid="models-scroll"
      aria-busy={waiting || undefined}
      className={cn(
        'relative max-h-[75vh] overflow-auto rounded-lg border transition-opacity',
        waiting && 'opacity-50 delay-150',
      )}
    >
      <table
        className={cn('w-max min-w-full table-fixed border-separate border-spacing-0 text-sm', CELLS)}
        aria-rowcount={total + 1}
        data-testid="models-table"
      >
        <caption className="sr-only">
          Models, {plural(total, 'row')}
          {live || total <= tableRows.length ? '' : `, rows ${offset + 1} to ${offset + tableRows.length} shown`}.
          Prices in USD per 1M tokens at {basis}; context and max output in tokens. Column headers sort.
        </caption>
        <colgroup>
          {headers.map((h) => (
            <col key={h.id} className={WIDTHS[h.column.id as ColumnId]} />
          ))}
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            {headers.map((header) => {
              const id = header.column.id as ColumnId
              const spec = COLUMN_BY_ID[id]
              return (
                <SortHeader
                  key={header.id}
                  title={spec.title}
                  description={spec.unit ? `${spec.description}, ${spec.unit}` : spec.description}
                  direction={header.column.getIsSorted()}
                  align={NUMERIC.has(id) ? 'right' : 'left'}
                  onSort={() => {
                    const next = header.column.getNextSortingOrder()
                    header.column.toggleSorting()
                    if (next) onSorted(`Sorted by ${spec.title}, ${next === 'asc' ? 'ascending' : 'descending'}`)
                  }}
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
          {shown.map(({ row, index }) => {
            const m = row.original
            const selected = row.getIsSelected()
            return (
              <tr
                key={row.id}
                aria-rowindex={index + 2}
                data-model={m.id}
                data-selected={selected ? '' : undefined}
                style={{ height: ROW_HEIGHT }}
              >
                {row.getVisibleCells().map((cell) => {
                  const id = cell.column.id as ColumnId
                  if (id === 'name')
                    return (
                      <th key={cell.id} scope="row">
                        <span className="flex items-center gap-2.5">
                          <input
                            type="checkbox"
                            aria-label={`Select ${m.name} to compare`}
                            checked={selected}
                            disabled={!row.getCanSelect()}
                            title={row.getCanSelect() ? undefined : `Compare takes up to ${MAX_MODELS} models`}
                            onChange={row.getToggleSelectedHandler()}
                            className="size-4 shrink-0 accent-accent"
                          />
                          <IndexNameCell row={m} />
                        </span>
                      </th>
                    )
                  return (
                    <td key={cell.id} data-num={NUMERIC.has(id) ? '' : undefined}>
                      <ModelCell column={id} row={m} />
                    </td>
                  )
                })}
              </tr>
            )
          })}
          {padBottom > 0 ? (
            // biome-ignore lint/a11y/noAriaHiddenOnFocusable: a spacer row (no controls, not focusable), hidden so screen readers do not count an empty row
            <tr aria-hidden="true" style={{ height: padBottom }}>
              <td colSpan={colSpan} />
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  )
}
