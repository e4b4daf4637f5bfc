/**
 * The index's row pipeline: search (relevance order) then filters. In the browser sorting is
 * TanStack Table's (see sort.ts), so the table's sort state, headers and aria-sort stay one thing;
 * the server sorts with `sortRows`, which orders rows the same way, to render a page of the view.
 */
import type { IndexFilters } from './filters'
import { filterRows } from './filters'
import type { ModelRow } from './rows'
import type { ModelSearch } from './search'
import { sortRows } from './sort'
import type { IndexState } from './state'
import { PAGE_ROWS } from './state'

export function viewRows<T extends ModelRow>(
  rows: readonly T[],
  search: ModelSearch<T>,
  q: string,
  filters: IndexFilters,
  /** `YYYY-MM-DD`, for "price changed in the last N days". */
  today?: string,
): T[] {
  const found = q.trim() ? search.search(q).map((h) => h.row) : rows
  return filterRows(found, filters, today)
}

/** `rows` narrowed to those the search `q` finds, in relevance order (for `loosenings` in filters.ts). */
export const searchWithin =
  <T extends ModelRow>(search: ModelSearch<T>) =>
  (rows: readonly T[], q: string): readonly T[] => {
    if (!q.trim()) return rows
    const keep = new Set(rows)
    return search
      .search(q)
      .map((h) => h.row)
      .filter((r) => keep.has(r))
  }

export interface ViewPage<T> {
  /** The page's rows, in the view's order. */
  rows: T[]
  /** Rows in the whole view. */
  shown: number
  /** The page shown (from 1; a page past the end shows the last). */
  page: number
  pages: number
  /** Index of the page's first row in the view. */
  offset: number
}

/** Every row of the URL's view, sorted as the table shows them (the server's exports). */
export function viewAll<T extends ModelRow>(
  rows: readonly T[],
  search: ModelSearch<T>,
  state: IndexState,
  today?: string,
): T[] {
  return sortRows(viewRows(rows, search, state.q, state.filters, today), state.sort)
}

/** One page of the URL's view, sorted: what the server HTML holds. */
export function viewPage<T extends ModelRow>(
  rows: readonly T[],
  search: ModelSearch<T>,
  state: IndexState,
  today?: string,
): ViewPage<T> {
  const view = viewAll(rows, search, state, today)
  const pages = Math.max(1, Math.ceil(view.length / PAGE_ROWS))
  const page = Math.min(state.page ?? 1, pages)
  const offset = (page - 1) * PAGE_ROWS
  return { rows: view.slice(offset, offset + PAGE_ROWS), shown: view.length, page, pages, offset }
}
