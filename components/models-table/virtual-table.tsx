import type { RefObject } from 'react'
import { useEffect, useRef } from 'react'
import { useVirtualizer } from '@tanstack/react-virtual'

import type { ColumnId } from '@/lib/table/columns'
import { COLUMN_BY_ID } from '@/lib/table/columns'

import { ROW_HEIGHT } from './index-layout'
import type { IndexTable } from './index-table'
import type { IndexBodyRow, IndexHeader } from './index-table-view'
import { IndexTableView } from './index-table-view'

/** The window the table assumes before it can measure its scroll box: 16 rows, a 75vh box on a 1,100 px tall screen. */
const FIRST_WINDOW = 16 * ROW_HEIGHT
const OVERSCAN = 6

/**
 * The live index table: every row of the view, virtualized (only those in view, plus a few, are
 * in the DOM; spacer rows keep the scroll height), with sortable headers and a checkbox per row.
 * Its scroll box is the index's own (models-index.tsx), which the light table before it used:
 * the scroll position survives the swap.
 */
export function VirtualTable({
  table,
  scrollRef,
  view,
  basis,
  onSorted,
  total,
  startAt,
}: {
  table: IndexTable
  /** The scroll box around the table. */
  scrollRef: RefObject<HTMLDivElement | null>
  /** Changes when the rows or their order change (not on a tick): the table then scrolls back to its top. */
  view: unknown
  /** Where the prices come from (the cheapest provider, or the filtered providers), for the caption. */
  basis: string
  /** A sort was chosen: what to announce. */
  onSorted: (announcement: string) => void
  /** Rows in the whole view. */
  total: number
  /** The row to scroll to first (the first row of the page the URL named). */
  startAt: number
}) {
  const tableRows = table.getRowModel().rows
  const virtualizer = useVirtualizer({
    count: tableRows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
    initialRect: { width: 0, height: FIRST_WINDOW },
    // Where the reader had scrolled the light table before it (the box is the same): the
    // virtualizer otherwise scrolls its element to 0 when it attaches.
    initialOffset: () => scrollRef.current?.scrollTop ?? 0,
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
  }, [view, scrollRef])

  // Gone live on a page past the first (a link or reload of `?page=N`): that page's first row at the top.
  const started = useRef(false)
  useEffect(() => {
    if (started.current) return
    started.current = true
    if (startAt > 0) virtualizer.scrollToIndex(startAt, { align: 'start' })
  }, [startAt, virtualizer])

  const headers: IndexHeader[] = (table.getHeaderGroups()[0]?.headers ?? []).map((header) => {
    const id = header.column.id as ColumnId
    return {
      id,
      direction: header.column.getIsSorted(),
      onSort: () => {
        const next = header.column.getNextSortingOrder()
        header.column.toggleSorting()
        if (next) onSorted(`Sorted by ${COLUMN_BY_ID[id].title}, ${next === 'asc' ? 'ascending' : 'descending'}`)
      },
    }
  })
  const items = virtualizer.getVirtualItems()
  const rows: IndexBodyRow[] = items.map((v) => {
    const row = tableRows[v.index]!
    return {
      row: row.original,
      index: v.index,
      selected: row.getIsSelected(),
      canSelect: row.getCanSelect(),
      onToggle: row.getToggleSelectedHandler(),
    }
  })
  const padTop = items.length > 0 ? items[0]!.start : 0
  const padBottom = items.length > 0 ? virtualizer.getTotalSize() - items[items.length - 1]!.end : 0

  return (
    <IndexTableView
      headers={headers}
      rows={rows}
      total={total}
      count={tableRows.length}
      offset={0}
      live
      basis={basis}
      padTop={padTop}
      padBottom={padBottom}
    />
  )
}
