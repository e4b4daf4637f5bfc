'use client'

import type { RefObject } from 'react'
import { Activity, startTransition, useCallback, useEffect, useMemo, useRef, useState } from 'react'

import { MAX_MODELS } from '@/lib/compare/limits'
import type { ColumnId } from '@/lib/table/columns'
import { COLUMN_BY_ID, COLUMN_IDS } from '@/lib/table/columns'
import type { FilterKey, Loosening } from '@/lib/table/filters'
import { activeFilters, loosenings, NO_FILTERS, priceBasis, withoutFilter } from '@/lib/table/filters'
import type { PackedIndex } from '@/lib/table/packed'
import { unpackIndex } from '@/lib/table/packed'
import type { ModelRow } from '@/lib/table/rows'
import { nextSort } from '@/lib/table/sort'
import type { FacetPick, IndexSort, IndexState } from '@/lib/table/state'
import { DEFAULT_STATE, PAGE_ROWS, serializeIndexState, tickRow, visibleColumns } from '@/lib/table/state'
import { searchWithin, viewRows } from '@/lib/table/view'
import { cn } from '@/lib/utils'

import { download } from './download'
import { EmptyState } from './empty-state'
import { FilterChips } from './filter-chips'
import { IndexToolbar } from './index-toolbar'
import { KeepFocus } from './keep-focus'
import { LightTable } from './light-table'
import { Pager } from './pager'
import { ResultBar } from './result-bar'
import type { HistoryMode } from './use-index-state'
import { useIndexState } from './use-index-state'

const without = (s: IndexState, key: FilterKey): IndexState =>
  key === 'q' ? { ...s, q: '' } : { ...s, filters: withoutFilter(s.filters, key) }

/** No search and no filters; the order, columns and ticked rows stay. */
const cleared = (s: IndexState): IndexState => ({
  ...DEFAULT_STATE,
  sort: s.sort,
  columns: s.columns,
  selected: s.selected,
})

/** The state on its first page. */
function firstPage(s: IndexState): IndexState {
  if (!s.page) return s
  const { page: _page, ...rest } = s
  return rest
}

/** The link to a state (the first page of its view unless `page` is given). */
const hrefOf = (s: IndexState, page?: number) => {
  const qs = serializeIndexState(page && page > 1 ? { ...s, page } : firstPage(s))
  return qs ? `/models?${qs}` : '/models'
}

/** What decides which rows show, in which order: not the columns, the ticks or the page. */
const viewKey = (s: IndexState) => serializeIndexState({ q: s.q, sort: s.sort, filters: s.filters })

/** Runs `fn` when the browser is idle (Safari has no requestIdleCallback: soon after, then); returns a cancel. */
function whenIdle(fn: () => void, timeout = 2000): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(fn, { timeout })
    return () => cancelIdleCallback(id)
  }
  const id = setTimeout(fn, 200)
  return () => clearTimeout(id)
}

/**
 * The models index: every model in one table, with search, filters, sorting, column choice and
 * row selection held in the URL.
 *
 * The server HTML holds one page of the URL's view (PAGE_ROWS rows, sorted and filtered on the
 * server): it is the table readers without JavaScript use, paging with plain links. With
 * JavaScript the same rows hydrate as a light table (light-table.tsx: no table library, no
 * search, no exporters in the page's first script), and at the reader's first sign of use the
 * index fetches every row (/models/index.json, a cached file) and the live table's code
 * (live-table.tsx: TanStack Table, the virtualizer, the search, the exports). The table then goes
 * live and virtualized, and sorts, filters and searches in the browser. A change made before
 * that (a sort, a tick on the light table, a search) shows it is waiting, and applies when the
 * rows arrive.
 */
export function ModelsIndex(props: ModelsIndexProps) {
  // A hydration boundary above the index's own work (state, toolbar, first rows): React hydrates
  // it after the page's first task and in slices that yield to the browser, rather than as one
  // long task (see components/ui/section.tsx for why Activity).
  return (
    <Activity>
      <LiveIndex {...props} />
    </Activity>
  )
}

interface ModelsIndexProps {
  /** The rows of the page the server shows, with every vendor and provider (the filters' choices). */
  first: PackedIndex
  /** The view the server rendered: its size, the page shown and where it starts; `total`: the catalog's size. */
  served: { shown: number; total: number; page: number; pages: number; offset: number }
  /** Models per vendor and per provider in the whole catalog, in the order of `first.vendors` / `first.providers`. */
  counts: { vendors: number[]; providers: number[] }
  /** With no row in the served view: which filter to loosen (computed on the server). */
  loosen?: Loosening[]
  /** Every row, packed (a cacheable file): fetched at the reader's first sign of use. */
  dataUrl: string
  /** The state the URL asked for (parsed on the server, so the first HTML is the right view). */
  initialState: IndexState
  /** The server's day (`YYYY-MM-DD`, UTC) for "price changed in the last N days": the first HTML and the live table agree. */
  today: string
  /** The filter menu shown open on its whole list to readers without JavaScript (`pick=`). */
  pick?: FacetPick
}

/** What the live table needs: the table itself, the search and the exports (live-table.tsx, a chunk of its own). */
type LiveModule = typeof import('./live-table')

/** Every row and the live table's code, once here. */
interface Live {
  rows: ModelRow[]
  mod: LiveModule
}

/** The rows and the live module once here, for the rest of the page's life: a return to the index (Back, a link) is live at once. */
let fetched: { url: string; live: Live } | undefined

/**
 * Every row, once fetched and unpacked (per page load: the file is the same for every view), and
 * the live table's code, loaded alongside (neither is part of the page's load). Both are asked
 * for at the reader's first sign of use (a pointer over the index, a touch, focus, a key, a
 * scroll), not during the page's load: the load stays as light as the page it shows, and the
 * rows are there by the time a change needs them (a change made earlier waits for them).
 */
function useAllRows(dataUrl: string, root: RefObject<HTMLElement | null>) {
  const [live, setLive] = useState<Live | null>(() => (fetched?.url === dataUrl ? fetched.live : null))
  const [failed, setFailed] = useState(false)
  const loading = useRef<Promise<void> | null>(null)
  const load = useCallback(() => {
    loading.current ??= Promise.all([
      fetch(dataUrl).then((res) => {
        if (!res.ok) throw new Error(`${dataUrl}: ${res.status}`)
        return res.json() as Promise<PackedIndex>
      }),
      import('./live-table'),
    ])
      .then(([packed, mod]) => {
        const next = { rows: unpackIndex(packed).rows, mod }
        fetched = { url: dataUrl, live: next }
        // The live table's first render is a transition: it yields to input and paint.
        startTransition(() => {
          setFailed(false)
          setLive(next)
        })
      })
      .catch(() => {
        loading.current = null
        setFailed(true)
      })
    return loading.current
  }, [dataUrl])
  useEffect(() => {
    const el = root.current
    if (!el || live) return
    const targets: [EventTarget, string][] = [
      [el, 'pointerover'],
      [el, 'pointerdown'],
      [el, 'focusin'],
      [el, 'keydown'],
      [el, 'scroll'], // the table's own scroll box (captured: scroll does not bubble)
      [window, 'scroll'], // the page scrolled towards the table
    ]
    const off = () => {
      for (const [t, type] of targets) t.removeEventListener(type, use, true)
    }
    const use = () => {
      off()
      load()
    }
    for (const [t, type] of targets) t.addEventListener(type, use, { capture: true, passive: true })
    return off
  }, [load, root, live])
  return { live, failed, load }
}

function LiveIndex({ first, served, counts, loosen, dataUrl, initialState, today, pick }: ModelsIndexProps) {
  const { rows: firstRows, vendors, providers } = useMemo(() => unpackIndex(first), [first])
  const root = useRef<HTMLDivElement>(null)
  const scrollRef = useRef<HTMLDivElement>(null)
  const all = useAllRows(dataUrl, root)
  const live = all.live !== null
  const { state, update: setIndexState, endTyping } = useIndexState(initialState)
  // A change to the view (search, filters, sort) leaves the server's page: the live table shows every row.
  const update = useCallback(
    (next: (s: IndexState) => IndexState, mode?: HistoryMode) =>
      setIndexState((s) => {
        const n = next(s)
        return n.page && viewKey(n) !== viewKey(s) ? firstPage(n) : n
      }, mode),
    [setIndexState],
  )
  // The view asked for is not the one the server rendered, and every row is not here yet.
  const waiting = !live && viewKey(state) !== viewKey(initialState)
  const { load } = all
  useEffect(() => {
    if (waiting) load()
  }, [waiting, load])

  const search = useMemo(() => (all.live ? new all.live.mod.ModelSearch(all.live.rows) : null), [all.live])
  // The search normalises its rows once the page is idle: not as the table goes live, not on the first keystroke.
  useEffect(() => (search ? whenIdle(() => search.prepare()) : undefined), [search])
  const data = useMemo(
    () => (all.live && search ? viewRows(all.live.rows, search, state.q, state.filters, today) : null),
    [all.live, search, state.q, state.filters, today],
  )

  const visible = visibleColumns(state)
  // Ticked rows live in the URL too (`sel`), in the order ticked, so a reload or a shared link
  // keeps them; a tick replaces the history entry rather than adding a step.
  const selectedIds = useMemo(() => state.selected ?? [], [state.selected])
  const setSelected = useCallback(
    (next: (ids: string[]) => string[]) =>
      update((s) => {
        const ids = next(s.selected ?? []).slice(0, MAX_MODELS)
        return { ...s, selected: ids.length > 0 ? ids : undefined }
      }, 'replace'),
    [update],
  )
  const setSort = useCallback(
    (next: (sort: IndexSort | undefined) => IndexSort | undefined) => update((s) => ({ ...s, sort: next(s.sort) })),
    [update],
  )
  // The rows or their order changed: the table starts again at its top (not when it goes live).
  const view = useMemo(() => [state.q, state.filters, state.sort], [state.q, state.filters, state.sort])

  const [announcement, setAnnouncement] = useState('')
  const vendorCounts = useMemo(() => new Map(vendors.map(([id], i) => [id, counts.vendors[i] ?? 0])), [vendors, counts])
  const providerCounts = useMemo(
    () => new Map(providers.map(([id], i) => [id, counts.providers[i] ?? 0])),
    [providers, counts],
  )
  const facets = useMemo(() => ({ vendors, providers }), [vendors, providers])
  // With a provider filter the price columns are those providers' prices (lib/table/filters.ts).
  const basis = priceBasis(state.filters, providers)
  const removeFilter = (key: FilterKey) => update((s) => without(s, key))

  // The live table's rows in its order (it sorts them), for the exports.
  const liveRows = useRef<(() => ModelRow[]) | null>(null)
  // An export asked for before every row is here waits for them (it exports the whole view).
  const [exportAsked, setExportAsked] = useState<'csv' | 'json' | null>(null)
  const exportView = (kind: 'csv' | 'json') => {
    if (!all.live) {
      setExportAsked(kind)
      load()
      return
    }
    const { toCsv, toJson } = all.live.mod
    const shown = liveRows.current?.() ?? []
    const ids = COLUMN_IDS.filter((id) => visible.includes(id))
    if (kind === 'csv') download('models.csv', 'text/csv;charset=utf-8', toCsv(shown, ids))
    else download('models.json', 'application/json', toJson(shown, ids))
  }
  const exportRef = useRef(exportView)
  exportRef.current = exportView
  useEffect(() => {
    if (!live || !exportAsked) return
    setExportAsked(null)
    exportRef.current(exportAsked)
  }, [live, exportAsked])

  const options = useMemo(() => {
    if (!data || data.length > 0 || !all.live || !search) return loosen ?? []
    return loosenings(all.live.rows, state.filters, state.q, searchWithin(search), facets, today)
  }, [data, all.live, search, loosen, state.filters, state.q, facets, today])

  const shown = data ? data.length : served.shown
  const LiveTable = all.live?.mod.LiveTable
  return (
    // data-ready: the table is live (every row here, hydrated); tests and the benchmark wait for it.
    <div className="space-y-3" data-testid="models-index" data-ready={live ? '' : undefined} ref={root}>
      <IndexToolbar
        state={state}
        update={update}
        endTyping={endTyping}
        vendors={vendors}
        providers={providers}
        vendorCounts={vendorCounts}
        providerCounts={providerCounts}
        pick={pick}
        pickHref={(facet) => {
          const href = hrefOf(state, state.page)
          return `${href}${href.includes('?') ? '&' : '?'}pick=${facet}`
        }}
      />
      <FilterChips
        active={activeFilters(state.filters, state.q, facets)}
        hrefWithout={(key) => hrefOf(without(state, key))}
        onRemove={removeFilter}
        clearHref={hrefOf(cleared(state))}
        onClear={() => update(cleared)}
      />
      <ResultBar
        shown={waiting ? undefined : shown}
        total={all.live ? all.live.rows.length : served.total}
        selectedIds={selectedIds}
        onClearSelection={() => setSelected(() => [])}
        onExport={exportView}
        viewQuery={serializeIndexState({
          q: state.q,
          sort: state.sort,
          filters: state.filters,
          columns: state.columns,
        })}
        exporting={exportAsked !== null}
      />
      {all.failed ? (
        <p className="text-sm text-destructive" role="alert">
          Could not load every model: the table shows {shown > PAGE_ROWS ? 'one page' : 'the rows'} of this view.{' '}
          <button type="button" className="font-medium underline" onClick={() => load()}>
            Try again
          </button>
        </p>
      ) : null}
      {shown === 0 && !waiting ? (
        <EmptyState
          options={options}
          q={state.q}
          hrefWithout={(key) => hrefOf(without(state, key))}
          onRemove={removeFilter}
          clearHref={hrefOf({ ...state, filters: NO_FILTERS })}
          onClear={() => update((s) => ({ ...s, filters: NO_FILTERS }))}
        />
      ) : (
        // The scroll box outlives the swap from the light table to the live one: where the reader
        // had scrolled (sideways on a phone) stays.
        <div
          ref={scrollRef}
          data-testid="models-scroll"
          aria-busy={waiting || undefined}
          className={cn(
            'relative max-h-[75vh] overflow-auto rounded-lg border transition-opacity',
            waiting && 'opacity-50 delay-150',
          )}
        >
          <KeepFocus swap={LiveTable} within={scrollRef}>
            {LiveTable && data ? (
              <LiveTable
                data={data}
                sort={state.sort}
                visible={visible}
                selected={selectedIds}
                onSortChange={setSort}
                onSelectedChange={setSelected}
                viewRows={liveRows}
                scrollRef={scrollRef}
                view={view}
                basis={basis}
                onSorted={setAnnouncement}
                startAt={state.page ? (state.page - 1) * PAGE_ROWS : 0}
              />
            ) : (
              <LightTable
                rows={firstRows}
                sort={state.sort}
                visible={visible}
                selected={selectedIds}
                onSort={(id: ColumnId) => {
                  const next = nextSort(state.sort, id)
                  setSort((sort) => nextSort(sort, id))
                  setAnnouncement(`Sorted by ${COLUMN_BY_ID[id].title}, ${next.desc ? 'descending' : 'ascending'}`)
                }}
                onTick={(id, checked) => setSelected((ids) => tickRow(ids, id, checked))}
                total={served.shown}
                offset={served.offset}
                basis={basis}
              />
            )}
          </KeepFocus>
        </div>
      )}
      <p className="sr-only" role="status">
        {announcement}
      </p>
      {/* Readers without JavaScript page with links (kept in <noscript>: a live page neither parses nor
          hydrates it); with JavaScript, only when every row could not be fetched. */}
      <Pager
        page={served.page}
        pages={served.pages}
        shown={served.shown}
        hrefOf={(page) => hrefOf(initialState, page)}
        noscript={!all.failed}
      />
    </div>
  )
}
