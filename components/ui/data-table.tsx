'use client'

import type { HTMLAttributes, ReactNode } from 'react'
import { useId, useState } from 'react'
import type { ColumnDef, RowData, SortingState } from '@tanstack/react-table'
import { createSortedRowModel, rowSortingFeature, tableFeatures, useTable } from '@tanstack/react-table'

import { cn } from '@/lib/utils'

import { SortHeader } from './sort-header'
import { Table, TableFrame } from './table'

/** Sorting only: what the small tables need, and no more JavaScript than that. */
const sortingFeatures = tableFeatures({ rowSortingFeature, sortedRowModel: createSortedRowModel() })
type SortingFeatures = typeof sortingFeatures

// The cell value type is `unknown`, what the table itself takes: TanStack's column definitions
// are invariant in it, so columns are written against this type (their accessors may return
// anything) rather than each with its own value type.
export type DataColumn<T extends RowData> = ColumnDef<SortingFeatures, T, unknown> & { id: string }

export interface DataTableProps<T extends RowData> {
  data: T[]
  columns: DataColumn<T>[]
  /** Screen-reader caption: what the table lists and its units. */
  caption: string
  getRowId: (row: T) => string
  /** Ids of right-aligned (numeric) columns. */
  numeric?: readonly string[]
  /** Header tooltips (units, meaning), by column id. */
  descriptions?: Readonly<Record<string, string | undefined>>
  /** Extra attributes per row (data-* hooks, a highlight class). */
  rowProps?: (row: T) => HTMLAttributes<HTMLTableRowElement> & Record<`data-${string}`, string | undefined>
  /** Keep the first column in view while the table scrolls sideways (phones). */
  stickyFirst?: boolean
  /** Show only this many rows until the reader asks for the rest. */
  foldAfter?: number
  /** The "show the rest" control's text, given the total. */
  foldLabel?: (total: number, hidden: number) => ReactNode
  initialSorting?: SortingState
}

const ARIA = { asc: 'ascending', desc: 'descending' } as const

/**
 * A small sortable table (TanStack Table v9, sorting feature only), server-rendered like any
 * client component: the HTML reads with JavaScript off, and sorting works once it hydrates. The
 * first column is a row header. Rows beyond `foldAfter` are hidden behind a checkbox that works
 * through CSS alone (`:has(:checked)`), so the fold opens with JavaScript off too.
 */
export function DataTable<T extends RowData>({
  data,
  columns,
  caption,
  getRowId,
  numeric = [],
  descriptions = {},
  rowProps,
  stickyFirst = false,
  foldAfter,
  foldLabel = (total) => `Show all ${total}`,
  initialSorting = [],
}: DataTableProps<T>) {
  const [sorting, setSorting] = useState<SortingState>(initialSorting)
  const [announce, setAnnounce] = useState('')
  const foldId = useId()
  const table = useTable({
    features: sortingFeatures,
    columns,
    data,
    getRowId,
    state: { sorting },
    onSortingChange: setSorting,
    enableSortingRemoval: false,
  })
  const rows = table.getRowModel().rows
  const folded = foldAfter !== undefined && rows.length > foldAfter + 1 ? rows.length - foldAfter : 0
  const right = (id: string) => numeric.includes(id)

  return (
    <div className="group/fold space-y-2">
      <TableFrame>
        <Table className="bg-card">
          <caption className="sr-only">{caption}</caption>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header, i) => {
                  const column = header.column
                  const dir = column.getIsSorted()
                  return (
                    <SortHeader
                      key={header.id}
                      title={<table.FlexRender header={header} />}
                      description={descriptions[column.id]}
                      direction={dir}
                      align={right(column.id) ? 'right' : 'left'}
                      onSort={
                        column.getCanSort()
                          ? (e) => {
                              const next = column.getNextSortingOrder()
                              column.toggleSorting(undefined, e.shiftKey)
                              const title =
                                typeof column.columnDef.header === 'string' ? column.columnDef.header : column.id
                              setAnnounce(next ? `Sorted by ${title}, ${ARIA[next]}` : '')
                            }
                          : undefined
                      }
                      className={cn(stickyFirst && i === 0 && 'sticky left-0 z-[1]')}
                    />
                  )
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {rows.map((row, index) => {
              const extra = rowProps?.(row.original) ?? {}
              const hidden = folded > 0 && index >= foldAfter!
              return (
                <tr
                  key={row.id}
                  {...extra}
                  data-folded={hidden ? '' : undefined}
                  className={cn(hidden && 'hidden group-has-[[data-fold]:checked]/fold:table-row', extra.className)}
                >
                  {row.getAllCells().map((cell, i) =>
                    i === 0 ? (
                      <th
                        key={cell.id}
                        scope="row"
                        className={cn(
                          'border-t px-3 py-2 text-left align-top font-normal whitespace-nowrap',
                          stickyFirst && 'sticky left-0 bg-card',
                        )}
                      >
                        <table.FlexRender cell={cell} />
                      </th>
                    ) : (
                      <td
                        key={cell.id}
                        className={cn(
                          'border-t px-3 py-2 align-top whitespace-nowrap',
                          right(cell.column.id) && 'text-right tabular-nums',
                        )}
                      >
                        <table.FlexRender cell={cell} />
                      </td>
                    ),
                  )}
                </tr>
              )
            })}
          </tbody>
        </Table>
      </TableFrame>
      {folded > 0 ? (
        <label
          htmlFor={foldId}
          className="inline-flex cursor-pointer items-center gap-2 text-sm font-medium text-accent"
        >
          <input id={foldId} type="checkbox" data-fold="" className="size-4 accent-accent" />
          {foldLabel(rows.length, folded)}
        </label>
      ) : null}
      <p role="status" className="sr-only">
        {announce}
      </p>
    </div>
  )
}
