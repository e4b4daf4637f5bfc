/**
 * The index's row pipeline before sorting: search (relevance order) then filters. Sorting is
 * TanStack Table's (see sort.ts), so the table's sort state, headers and aria-sort stay one thing.
 */
import type { IndexFilters } from './filters'
import { filterRows } from './filters'
import type { ModelRow } from './rows'
import type { ModelSearch } from './search'

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
