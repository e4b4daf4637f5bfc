'use client'

import { useEffect, useMemo, useRef, useState } from 'react'
import Link from 'next/link'
import type { ColumnVisibilityState, RowSelectionState, SortingState, Updater } from '@tanstack/react-table'
import {
  columnVisibilityFeature,
  createColumnHelper,
  createSortedRowModel,
  functionalUpdate,
  rowSelectionFeature,
  rowSortingFeature,
  tableFeatures,
  useTable,
} from '@tanstack/react-table'
import { useVirtualizer } from '@tanstack/react-virtual'

import { MAX_MODELS, MIN_MODELS } from '@/lib/compare/url'
import { useHydrated } from '@/lib/hooks/use-hydrated'
import type { ColumnId, SortValue } from '@/lib/table/columns'
import { COLUMN_BY_ID, COLUMN_IDS, COLUMNS } from '@/lib/table/columns'
import { toCsv, toJson } from '@/lib/table/export'
import type { FilterKey } from '@/lib/table/filters'
import { activeFilters, loosenings, NO_FILTERS, priceBasis, withoutFilter } from '@/lib/table/filters'
import type { Facet, ModelRow } from '@/lib/table/rows'
import { ModelSearch } from '@/lib/table/search'
import { sortingOptions } from '@/lib/table/sort'
import type { IndexState } from '@/lib/table/state'
import { DEFAULT_STATE, serializeIndexState, visibleColumns } from '@/lib/table/state'
import { viewRows } from '@/lib/table/view'
import { cn } from '@/lib/utils'
import { Button, buttonClass } from '@/components/ui/button'
import { SortHeader } from '@/components/ui/sort-header'

import { ModelCell } from './columns'
import { IndexToolbar } from './index-toolbar'
import { useIndexState } from './use-index-state'

const features = tableFeatures({
  rowSortingFeature,
  columnVisibilityFeature,
  rowSelectionFeature,
  sortedRowModel: createSortedRowModel(),
})

// Cells are rendered by ModelCell (the name cell also holds the row's checkbox), so the
// definitions carry identity, the sort value and sort policy only.
const helper = createColumnHelper<typeof features, ModelRow>()
const columns = helper.columns(
  COLUMNS.map((spec) =>
    helper.accessor((row): SortValue => spec.value(row), {
      id: spec.id,
      header: spec.title,
      enableHiding: !spec.alwaysVisible,
      ...sortingOptions(spec),
    }),
  ),
)

/** Fixed row height: the virtualizer needs no measuring, and rows never jump. */
const ROW_HEIGHT = 52
/**
 * Rows of the live table in the server HTML: more than a screenful, few enough to parse and
 * hydrate quickly. Readers without JavaScript get every row in a static table (<noscript>).
 */
const SSR_ROWS = 50
/** The static table for readers without JavaScript stops here (a 5,000-model catalog). */
const NOSCRIPT_ROWS = 1000

const WIDTHS: Record<ColumnId, string> = {
  name: 'w-[13rem] sm:w-[17rem]',
  vendor: 'w-36',
  context: 'w-28',
  maxOutput: 'w-28',
  input: 'w-24',
  output: 'w-24',
  cacheRead: 'w-28',
  providers: 'w-28',
  modalities: 'w-44',
  capabilities: 'w-72',
  released: 'w-36',
  cutoff: 'w-40',
  status: 'w-32',
}
const RIGHT = new Set<ColumnId>(['context', 'maxOutput', 'input', 'output', 'cacheRead', 'providers'])

// Cell styles live on the table (one class list instead of one per cell): the server HTML of
// hundreds of rows stays a third of the size.
const CELLS = cn(
  '[&_td]:overflow-hidden [&_td]:border-b [&_td]:px-3 [&_td]:text-ellipsis [&_td]:whitespace-nowrap',
  '[&_td[data-num]]:text-right [&_td[data-num]]:tabular-nums',
  '[&_tbody_th]:sticky [&_tbody_th]:left-0 [&_tbody_th]:z-[1] [&_tbody_th]:overflow-hidden [&_tbody_th]:border-b [&_tbody_th]:bg-card [&_tbody_th]:px-3 [&_tbody_th]:text-left [&_tbody_th]:font-normal',
  '[&_tbody_tr:hover>*]:bg-muted [&_tbody_tr[data-selected]>*]:bg-accent-soft',
)

const getRowId = (r: ModelRow) => r.id
function download(name: string, type: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type }))
  const a = document.createElement('a')
  a.href = url
  a.download = name
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`

export interface ModelsIndexProps {
  /** Every model, by name. */
  rows: ModelRow[]
  vendors: Facet
  providers: Facet
  /** The state the URL asked for (parsed on the server, so the first HTML is the right view). */
  initialState: IndexState
}

/**
 * The models index: one TanStack Table (v9) over every model, with search, filters, sorting,
 * column choice and row selection held in the URL. Rows are virtualized once the page is live.
 * The server HTML holds the URL's view twice over: the live table's first SSR_ROWS rows (it
 * appears at once and hydrates fast), and, inside <noscript>, a static table of every row for
 * readers without JavaScript (browsers with JavaScript never parse it into the page).
 */
export function ModelsIndex({ rows, vendors, providers, initialState }: ModelsIndexProps) {
  const { state, update, endTyping } = useIndexState(initialState)
  const search = useMemo(() => new ModelSearch(rows), [rows])
  const data = useMemo(() => viewRows(rows, search, state.q, state.filters), [rows, search, state.q, state.filters])

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
    features,
    columns,
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

  const tableRows = table.getRowModel().rows
  const hydrated = useHydrated()
  const scrollRef = useRef<HTMLDivElement>(null)
  const virtualizer = useVirtualizer({
    count: tableRows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
  })

  // A new result or order starts at its top. Only when scrolled (the virtualizer knows, no DOM
  // read), and in the next frame: setting scrollTop right after the commit forces a layout.
  const scrolled = virtualizer.scrollOffset ?? 0
  const scrolledRef = useRef(scrolled)
  scrolledRef.current = scrolled
  useEffect(() => {
    if (!scrolledRef.current) return
    const id = requestAnimationFrame(() => {
      if (scrollRef.current) scrollRef.current.scrollTop = 0
    })
    return () => cancelAnimationFrame(id)
  }, [data, state.sort])

  const [announcement, setAnnouncement] = useState('')
  const vendorCounts = useMemo(() => countBy(rows, (r) => [r.vendor]), [rows])
  const providerCounts = useMemo(() => countBy(rows, (r) => r.providers), [rows])
  const facets = useMemo(() => ({ vendors, providers }), [vendors, providers])
  const active = activeFilters(state.filters, state.q, facets)
  // With a provider filter the price columns are those providers' prices (lib/table/filters.ts).
  const basis = priceBasis(state.filters, providers)

  const without = (s: IndexState, key: FilterKey): IndexState =>
    key === 'q' ? { ...s, q: '' } : { ...s, filters: withoutFilter(s.filters, key) }
  const removeFilter = (key: FilterKey) => update((s) => without(s, key))
  // Chips and "Clear all" are links to the view they lead to, so they work before hydration and
  // with JavaScript off.
  const hrefOf = (s: IndexState) => {
    const qs = serializeIndexState(s)
    return qs ? `/models?${qs}` : '/models'
  }
  const hrefWithout = (key: FilterKey) => hrefOf(without(state, key))
  /** No search and no filters; the order, columns and ticked rows stay. */
  const cleared = (s: IndexState): IndexState => ({
    ...DEFAULT_STATE,
    sort: s.sort,
    columns: s.columns,
    selected: s.selected,
  })

  const headers = table.getHeaderGroups()[0]?.headers ?? []
  const visibleIds = headers.map((h) => h.column.id as ColumnId)

  const shown = hydrated
    ? virtualizer.getVirtualItems().map((v) => ({ row: tableRows[v.index]!, index: v.index }))
    : tableRows.slice(0, SSR_ROWS).map((row, index) => ({ row, index }))
  const items = hydrated ? virtualizer.getVirtualItems() : []
  const padTop = hydrated && items.length > 0 ? items[0]!.start : 0
  const padBottom = hydrated && items.length > 0 ? virtualizer.getTotalSize() - items[items.length - 1]!.end : 0

  const exportView = (kind: 'csv' | 'json') => {
    const viewRowsNow = tableRows.map((r) => r.original)
    if (kind === 'csv') download('models.csv', 'text/csv;charset=utf-8', toCsv(viewRowsNow, visibleIds))
    else download('models.json', 'application/json', toJson(viewRowsNow, visibleIds))
  }

  const compareHref = `/compare?models=${selectedIds.join(',')}`

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

      {active.length > 0 ? (
        <ul aria-label="Active filters" className="flex flex-wrap items-center gap-2">
          {active.map((a) => (
            <li key={a.key}>
              <a
                href={hrefWithout(a.key)}
                onClick={(e) => {
                  e.preventDefault()
                  removeFilter(a.key)
                }}
                className="inline-flex min-h-8 items-center gap-1.5 rounded-full border bg-accent-soft px-3 text-xs font-medium hover:bg-muted"
                aria-label={`Remove filter ${a.label}`}
              >
                {a.label}
                <span aria-hidden="true">×</span>
              </a>
            </li>
          ))}
          <li>
            <a
              href={hrefOf(cleared(state))}
              onClick={(e) => {
                e.preventDefault()
                update(cleared)
              }}
              className="text-xs font-medium text-accent hover:underline"
            >
              Clear all
            </a>
          </li>
        </ul>
      ) : null}

      <div className="flex flex-wrap items-center gap-2">
        <p className="mr-auto text-sm font-medium" role="status" aria-live="polite" data-testid="result-count">
          {data.length.toLocaleString('en-US')} of {plural(rows.length, 'model')}
        </p>
        {selectedIds.length > 0 ? (
          <Button size="sm" variant="ghost" onClick={() => setSelected(() => [])}>
            Clear selection
          </Button>
        ) : null}
        {selectedIds.length >= MIN_MODELS ? (
          <Link href={compareHref} className={buttonClass({ variant: 'primary', size: 'sm' })}>
            Compare ({selectedIds.length})
          </Link>
        ) : (
          <Button
            size="sm"
            variant="primary"
            disabled
            title={`Tick ${MIN_MODELS} to ${MAX_MODELS} models to compare them`}
          >
            Compare ({selectedIds.length})
          </Button>
        )}
        <Button size="sm" onClick={() => exportView('csv')} disabled={data.length === 0}>
          Export CSV
        </Button>
        <Button size="sm" onClick={() => exportView('json')} disabled={data.length === 0}>
          Export JSON
        </Button>
      </div>

      {data.length === 0 ? (
        <EmptyState
          rows={rows}
          state={state}
          search={search}
          facets={facets}
          onRemove={removeFilter}
          onClear={() => update((s) => ({ ...s, filters: NO_FILTERS }))}
        />
      ) : (
        <div
          ref={scrollRef}
          data-testid="models-scroll"
          className="relative max-h-[75vh] overflow-auto rounded-lg border"
        >
          <table
            className={cn('w-max min-w-full table-fixed border-separate border-spacing-0 text-sm', CELLS)}
            aria-rowcount={data.length + 1}
            data-testid="models-table"
          >
            <caption className="sr-only">
              Models, {plural(data.length, 'row')}. Prices in USD per 1M tokens at {basis}; context and max output in
              tokens. Column headers sort.
            </caption>
            <colgroup>
              {visibleIds.map((id) => (
                <col key={id} className={WIDTHS[id]} />
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
                      align={RIGHT.has(id) ? 'right' : 'left'}
                      onSort={() => {
                        const next = header.column.getNextSortingOrder()
                        header.column.toggleSorting()
                        if (next)
                          setAnnouncement(`Sorted by ${spec.title}, ${next === 'asc' ? 'ascending' : 'descending'}`)
                      }}
                      className={cn('sticky top-0 z-10 border-b', id === 'name' && 'left-0 z-20')}
                    />
                  )
                })}
              </tr>
            </thead>
            <tbody>
              {padTop > 0 ? (
                <tr aria-hidden="true" style={{ height: padTop }}>
                  <td colSpan={visibleIds.length} />
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
                              <ModelCell column="name" row={m} />
                            </span>
                          </th>
                        )
                      return (
                        <td key={cell.id} data-num={RIGHT.has(id) ? '' : undefined}>
                          <ModelCell column={id} row={m} />
                        </td>
                      )
                    })}
                  </tr>
                )
              })}
              {padBottom > 0 ? (
                <tr aria-hidden="true" style={{ height: padBottom }}>
                  <td colSpan={visibleIds.length} />
                </tr>
              ) : null}
            </tbody>
          </table>
        </div>
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

/** Every row of the view as a plain table, for readers without JavaScript. */
function StaticTable({
  rows,
  columns,
  total,
  sort,
  basis,
}: {
  rows: ModelRow[]
  columns: ColumnId[]
  total: number
  sort: IndexState['sort']
  basis: string
}) {
  return (
    <div className="overflow-x-auto rounded-lg border">
      <table
        data-testid="models-table-static"
        className={cn('w-max min-w-full border-separate border-spacing-0 text-sm', CELLS)}
      >
        <caption className="sr-only">
          Models. Prices in USD per 1M tokens at {basis}; context and max output in tokens.
        </caption>
        <thead>
          <tr>
            {columns.map((id) => (
              <th
                key={id}
                scope="col"
                aria-sort={sort?.id === id ? (sort.desc ? 'descending' : 'ascending') : undefined}
                className={cn(
                  'border-b bg-muted px-3 py-2 font-medium whitespace-nowrap text-muted-foreground',
                  RIGHT.has(id) ? 'text-right' : 'text-left',
                )}
              >
                {COLUMN_BY_ID[id].title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((m) => (
            <tr key={m.id} data-model={m.id} style={{ height: ROW_HEIGHT }}>
              {columns.map((id) =>
                id === 'name' ? (
                  <th key={id} scope="row">
                    <ModelCell column="name" row={m} />
                  </th>
                ) : (
                  <td key={id} data-num={RIGHT.has(id) ? '' : undefined}>
                    <ModelCell column={id} row={m} />
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {total > rows.length ? (
        <p className="p-3 text-sm">
          The first {rows.length} of {total} models; narrow the list with the search and filters.
        </p>
      ) : null}
    </div>
  )
}

function countBy(rows: readonly ModelRow[], keys: (r: ModelRow) => string[]) {
  const m = new Map<string, number>()
  for (const r of rows) for (const k of keys(r)) m.set(k, (m.get(k) ?? 0) + 1)
  return m
}

/** No rows: say which filter to loosen, with the number of models removing it would bring back. */
function EmptyState({
  rows,
  state,
  search,
  facets,
  onRemove,
  onClear,
}: {
  rows: ModelRow[]
  state: IndexState
  search: ModelSearch<ModelRow>
  facets: { vendors: Facet; providers: Facet }
  onRemove: (key: FilterKey) => void
  onClear: () => void
}) {
  const options = useMemo(() => {
    const searchWithin = (rs: readonly ModelRow[], q: string): readonly ModelRow[] => {
      if (!q.trim()) return rs
      const keep = new Set(rs)
      return search
        .search(q)
        .map((h) => h.row)
        .filter((r) => keep.has(r))
    }
    return loosenings(rows, state.filters, state.q, searchWithin, facets)
  }, [rows, state.filters, state.q, search, facets])
  const helpful = options.filter((o) => o.count > 0)
  return (
    <div className="rounded-lg border border-dashed p-6 text-sm" data-testid="empty-state">
      <p className="font-medium">No model matches all of these filters.</p>
      {helpful.length > 0 ? (
        <>
          <p className="mt-1 text-muted-foreground">Loosen one of them:</p>
          <ul className="mt-3 space-y-2">
            {helpful.slice(0, 3).map((o) => (
              <li key={o.key} className="flex flex-wrap items-center gap-2">
                <Button size="sm" onClick={() => onRemove(o.key)}>
                  {o.key === 'q' ? `Clear the search “${state.q.trim()}”` : `Remove “${o.label}”`}
                </Button>
                <span className="text-muted-foreground">to see {plural(o.count, 'model')}</span>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="mt-1 text-muted-foreground">
          No single filter is to blame.{' '}
          <Button size="sm" onClick={onClear}>
            Clear all filters
          </Button>
          {state.q ? ' or try other search words.' : null}
        </p>
      )}
    </div>
  )
}
