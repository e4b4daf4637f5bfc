'use client'

import { Activity, useEffect, useMemo, useState } from 'react'
import type { ColumnVisibilityState, RowSelectionState, SortingState, Updater } from '@tanstack/react-table'
import { functionalUpdate, useTable } from '@tanstack/react-table'

import { MAX_MODELS } from '@/lib/compare/limits'
import { useHydrated } from '@/lib/hooks/use-hydrated'
import type { ColumnId } from '@/lib/table/columns'
import { COLUMN_IDS } from '@/lib/table/columns'
import { toCsv, toJson } from '@/lib/table/export'
import type { FilterKey } from '@/lib/table/filters'
import { activeFilters, NO_FILTERS, priceBasis, withoutFilter } from '@/lib/table/filters'
import type { PackedIndex } from '@/lib/table/packed'
import { unpackIndex } from '@/lib/table/packed'
import type { ModelRow } from '@/lib/table/rows'
import { ModelSearch } from '@/lib/table/search'
import type { IndexState } from '@/lib/table/state'
import { DEFAULT_STATE, serializeIndexState, visibleColumns } from '@/lib/table/state'
import { viewRows } from '@/lib/table/view'

import { download } from './download'
import { EmptyState } from './empty-state'
import { FilterChips } from './filter-chips'
import { getRowId, indexColumns, indexFeatures } from './index-table'
import { IndexToolbar } from './index-toolbar'
import { ResultBar } from './result-bar'
import { StaticTable } from './static-table'
import { useIndexState } from './use-index-state'
import { VirtualTable } from './virtual-table'

/** The static table for readers without JavaScript stops here (a 5,000-model catalog). */
const NOSCRIPT_ROWS = 1000

const without = (s: IndexState, key: FilterKey): IndexState =>
  key === 'q' ? { ...s, q: '' } : { ...s, filters: withoutFilter(s.filters, key) }

/** No search and no filters; the order, columns and ticked rows stay. */
const cleared = (s: IndexState): IndexState => ({
  ...DEFAULT_STATE,
  sort: s.sort,
  columns: s.columns,
  selected: s.selected,
})

const hrefOf = (s: IndexState) => {
  const qs = serializeIndexState(s)
  return qs ? `/models?${qs}` : '/models'
}

/** Runs `fn` when the browser is idle (Safari has no requestIdleCallback: soon after, then); returns a cancel. */
function whenIdle(fn: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(fn, { timeout: 2000 })
    return () => cancelIdleCallback(id)
  }
  const id = setTimeout(fn, 200)
  return () => clearTimeout(id)
}

function countBy(rows: readonly ModelRow[], keys: (r: ModelRow) => string[]) {
  const m = new Map<string, number>()
  for (const r of rows) for (const k of keys(r)) m.set(k, (m.get(k) ?? 0) + 1)
  return m
}

/**
 * The models index: one TanStack Table (v9) over every model, with search, filters, sorting,
 * column choice and row selection held in the URL. Rows are virtualized once the page is live.
 * The server HTML holds the URL's view twice over: the live table's first rows (it appears at
 * once and hydrates fast), and, inside <noscript>, a static table of every row for readers
 * without JavaScript (browsers with JavaScript never parse it into the page).
 */
export function ModelsIndex(props: ModelsIndexProps) {
  // A hydration boundary above the index's own work (search index, table model, first rows):
  // React hydrates it after the page's first task and in slices that yield to the browser,
  // rather than as one long task (see components/ui/section.tsx for why Activity).
  return (
    <Activity>
      <LiveIndex {...props} />
    </Activity>
  )
}

interface ModelsIndexProps {
  /** Every model, by name, packed for the RSC payload (unpacked once, here). */
  index: PackedIndex
  /** The state the URL asked for (parsed on the server, so the first HTML is the right view). */
  initialState: IndexState
  /** The server's day (`YYYY-MM-DD`, UTC) for "price changed in the last N days": the first HTML and the live table agree. */
  today: string
}

function LiveIndex({ index, initialState, today }: ModelsIndexProps) {
  const { rows, vendors, providers } = useMemo(() => unpackIndex(index), [index])
  const { state, update, endTyping } = useIndexState(initialState)
  const search = useMemo(() => new ModelSearch(rows), [rows])
  // The search normalises its rows once the page is idle: not during hydration, not on the first keystroke.
  useEffect(() => whenIdle(() => search.prepare()), [search])
  const data = useMemo(
    () => viewRows(rows, search, state.q, state.filters, today),
    [rows, search, state.q, state.filters, today],
  )

  const sorting = useMemo<SortingState>(() => (state.sort ? [state.sort] : []), [state.sort])
  const visible = visibleColumns(state)
  const columnVisibility = useMemo<ColumnVisibilityState>(
    () => Object.fromEntries(COLUMN_IDS.map((id) => [id, visible.includes(id)])),
    [visible],
  )
  // Ticked rows live in the URL too (`sel`), in the order ticked, so a reload or a shared link
  // keeps them; a tick replaces the history entry rather than adding a step.
  const selectedIds = useMemo(() => state.selected ?? [], [state.selected])
  const rowSelection = useMemo<RowSelectionState>(
    () => Object.fromEntries(selectedIds.map((id) => [id, true])),
    [selectedIds],
  )
  const setSelected = (next: (ids: string[]) => string[]) =>
    update((s) => {
      const ids = next(s.selected ?? []).slice(0, MAX_MODELS)
      return { ...s, selected: ids.length > 0 ? ids : undefined }
    }, 'replace')

  const table = useTable({
    features: indexFeatures,
    columns: indexColumns,
    data,
    getRowId,
    state: { sorting, columnVisibility, rowSelection },
    onSortingChange: (updater: Updater<SortingState>) =>
      update((s) => {
        const next = functionalUpdate(updater, s.sort ? [s.sort] : [])[0]
        return { ...s, sort: next ? { id: next.id as ColumnId, desc: next.desc } : undefined }
      }),
    onRowSelectionChange: (updater: Updater<RowSelectionState>) =>
      setSelected((ids) => {
        const next = functionalUpdate(updater, Object.fromEntries(ids.map((id) => [id, true])))
        return [...ids.filter((id) => next[id]), ...Object.keys(next).filter((id) => next[id] && !ids.includes(id))]
      }),
    enableSortingRemoval: false,
    enableMultiSort: false,
    enableRowSelection: (row) => selectedIds.length < MAX_MODELS || Boolean(rowSelection[row.id]),
  })
  const hydrated = useHydrated()
  // The rows or their order changed: the table starts again at its top.
  const view = useMemo(() => [data, state.sort], [data, state.sort])

  const [announcement, setAnnouncement] = useState('')
  const vendorCounts = useMemo(() => countBy(rows, (r) => [r.vendor]), [rows])
  const providerCounts = useMemo(() => countBy(rows, (r) => r.providers), [rows])
  const facets = useMemo(() => ({ vendors, providers }), [vendors, providers])
  // With a provider filter the price columns are those providers' prices (lib/table/filters.ts).
  const basis = priceBasis(state.filters, providers)
  const removeFilter = (key: FilterKey) => update((s) => without(s, key))

  const tableRows = table.getRowModel().rows
  const visibleIds = (table.getHeaderGroups()[0]?.headers ?? []).map((h) => h.column.id as ColumnId)
  const exportView = (kind: 'csv' | 'json') => {
    const shown = tableRows.map((r) => r.original)
    if (kind === 'csv') download('models.csv', 'text/csv;charset=utf-8', toCsv(shown, visibleIds))
    else download('models.json', 'application/json', toJson(shown, visibleIds))
  }

  return (
    // data-ready: the table is live (hydrated); tests and the benchmark wait for it.
    <div className="space-y-3" data-testid="models-index" data-ready={hydrated ? '' : undefined}>
      <IndexToolbar
        state={state}
        update={update}
        endTyping={endTyping}
        vendors={vendors}
        providers={providers}
        vendorCounts={vendorCounts}
        providerCounts={providerCounts}
      />
      <FilterChips
        active={activeFilters(state.filters, state.q, facets)}
        hrefWithout={(key) => hrefOf(without(state, key))}
        onRemove={removeFilter}
        clearHref={hrefOf(cleared(state))}
        onClear={() => update(cleared)}
      />
      <ResultBar
        shown={data.length}
        total={rows.length}
        selectedIds={selectedIds}
        onClearSelection={() => setSelected(() => [])}
        onExport={exportView}
      />
      {data.length === 0 ? (
        <EmptyState
          rows={rows}
          state={state}
          search={search}
          facets={facets}
          today={today}
          onRemove={removeFilter}
          onClear={() => update((s) => ({ ...s, filters: NO_FILTERS }))}
        />
      ) : (
        <VirtualTable table={table} view={view} basis={basis} onSorted={setAnnouncement} />
      )}
      <p className="sr-only" role="status">
        {announcement}
      </p>
      {!hydrated && data.length > 0 ? (
        <noscript>
          {/* Without JavaScript the live table (first rows only) gives way to the full static one. */}
          <style>{'[data-testid=models-scroll]{display:none}'}</style>
          <StaticTable
            rows={tableRows.slice(0, NOSCRIPT_ROWS).map((r) => r.original)}
            columns={visibleIds}
            total={data.length}
            sort={state.sort}
            basis={basis}
          />
        </noscript>
      ) : null}
    </div>
  )
}
