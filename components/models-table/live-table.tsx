'use client'

import type { RefObject } from 'react'
import { useLayoutEffect, useMemo } from 'react'
import type { ColumnVisibilityState, RowSelectionState, SortingState, Updater } from '@tanstack/react-table'
import { functionalUpdate, useTable } from '@tanstack/react-table'

import { MAX_MODELS } from '@/lib/compare/limits'
import type { ColumnId } from '@/lib/table/columns'
import { COLUMN_IDS } from '@/lib/table/columns'
import type { ModelRow } from '@/lib/table/rows'
import type { IndexSort } from '@/lib/table/state'

import { getRowId, indexColumns, indexFeatures } from './index-table'
import { VirtualTable } from './virtual-table'

// The rest of what the index needs once every row is here, loaded in the same chunk: the search
// over every row and the exports (models-index.tsx imports this module when the rows are asked for).
export { toCsv, toJson } from '@/lib/table/export'
export { ModelSearch } from '@/lib/table/search'

/**
 * The live index table: one TanStack Table (v9) over every row of the view (already searched
 * and filtered by the index), sorting them, with row selection, virtualized. Its state is the
 * index's (the URL's): sort, visible columns, ticked rows.
 */
export function LiveTable({
  data,
  sort,
  visible,
  selected,
  onSortChange,
  onSelectedChange,
  viewRows,
  scrollRef,
  view,
  basis,
  onSorted,
  startAt,
}: {
  /** The view's rows, in search relevance or catalog order (the table sorts them). */
  data: ModelRow[]
  sort: IndexSort | undefined
  visible: readonly ColumnId[]
  /** Ticked ids, in the order ticked. */
  selected: readonly string[]
  onSortChange: (next: (sort: IndexSort | undefined) => IndexSort | undefined) => void
  onSelectedChange: (next: (ids: string[]) => string[]) => void
  /** Set to a function returning the view's rows in the table's order (for the exports). */
  viewRows: RefObject<(() => ModelRow[]) | null>
  scrollRef: RefObject<HTMLDivElement | null>
  view: unknown
  basis: string
  onSorted: (announcement: string) => void
  /** The row to scroll to first (the first row of the page the URL named). */
  startAt: number
}) {
  const sorting = useMemo<SortingState>(() => (sort ? [sort] : []), [sort])
  const columnVisibility = useMemo<ColumnVisibilityState>(
    () => Object.fromEntries(COLUMN_IDS.map((id) => [id, visible.includes(id)])),
    [visible],
  )
  const rowSelection = useMemo<RowSelectionState>(
    () => Object.fromEntries(selected.map((id) => [id, true])),
    [selected],
  )

  const table = useTable({
    features: indexFeatures,
    columns: indexColumns,
    data,
    getRowId,
    state: { sorting, columnVisibility, rowSelection },
    onSortingChange: (updater: Updater<SortingState>) =>
      onSortChange((current) => {
        const next = functionalUpdate(updater, current ? [current] : [])[0]
        return next ? { id: next.id as ColumnId, desc: next.desc } : undefined
      }),
    onRowSelectionChange: (updater: Updater<RowSelectionState>) =>
      onSelectedChange((ids) => {
        const next = functionalUpdate(updater, Object.fromEntries(ids.map((id) => [id, true])))
        return [...ids.filter((id) => next[id]), ...Object.keys(next).filter((id) => next[id] && !ids.includes(id))]
      }),
    enableSortingRemoval: false,
    enableMultiSort: false,
    enableRowSelection: (row) => selected.length < MAX_MODELS || Boolean(rowSelection[row.id]),
  })

  useLayoutEffect(() => {
    viewRows.current = () => table.getRowModel().rows.map((r) => r.original)
    return () => {
      viewRows.current = null
    }
  })

  return (
    <VirtualTable
      table={table}
      scrollRef={scrollRef}
      view={view}
      basis={basis}
      onSorted={onSorted}
      total={data.length}
      startAt={startAt}
    />
  )
}
