import { useMemo } from 'react'

import { MAX_MODELS } from '@/lib/compare/limits'
import type { ColumnId } from '@/lib/table/columns'
import { COLUMN_IDS } from '@/lib/table/columns'
import type { ModelRow } from '@/lib/table/rows'
import { sortRows } from '@/lib/table/sort'
import type { IndexSort } from '@/lib/table/state'

import type { IndexBodyRow, IndexHeader } from './index-table-view'
import { IndexTableView } from './index-table-view'

/**
 * The index table until every row is here: the server's page of the view (the server HTML, the
 * table readers without JavaScript use), hydrated without the table library. Its headers sort
 * and its checkboxes tick through the index's state, as the live table's do (lib/table/sort.ts
 * `nextSort`, lib/table/state.ts `tickRow`); a sort reorders the page's rows meanwhile, as the
 * live table's would.
 */
export function LightTable({
  rows,
  sort,
  visible,
  selected,
  onSort,
  onTick,
  total,
  offset,
  basis,
}: {
  /** The server's page of the view. */
  rows: readonly ModelRow[]
  sort: IndexSort | undefined
  visible: readonly ColumnId[]
  /** Ticked ids, in the order ticked. */
  selected: readonly string[]
  onSort: (id: ColumnId) => void
  onTick: (id: string, checked: boolean) => void
  /** Rows in the whole view. */
  total: number
  /** The page's place in the view. */
  offset: number
  basis: string
}) {
  const ordered = useMemo(() => sortRows(rows, sort), [rows, sort])
  const headers: IndexHeader[] = COLUMN_IDS.filter((id) => visible.includes(id)).map((id) => ({
    id,
    direction: sort?.id === id ? (sort.desc ? 'desc' : 'asc') : false,
    onSort: () => onSort(id),
  }))
  const full = selected.length >= MAX_MODELS
  const body: IndexBodyRow[] = ordered.map((row, i) => {
    const ticked = selected.includes(row.id)
    return {
      row,
      index: offset + i,
      selected: ticked,
      canSelect: !full || ticked,
      onToggle: (event) => onTick(row.id, event.target.checked),
    }
  })
  return (
    <IndexTableView
      headers={headers}
      rows={body}
      total={total}
      count={rows.length}
      offset={offset}
      live={false}
      basis={basis}
    />
  )
}
