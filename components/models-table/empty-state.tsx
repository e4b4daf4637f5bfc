import { useMemo } from 'react'

import type { FilterKey } from '@/lib/table/filters'
import { loosenings } from '@/lib/table/filters'
import type { Facet, ModelRow } from '@/lib/table/rows'
import type { ModelSearch } from '@/lib/table/search'
import type { IndexState } from '@/lib/table/state'
import { plural } from '@/lib/utils'
import { Button } from '@/components/ui/button'

/** No rows: say which filter to loosen, with the number of models removing it would bring back. */
export function EmptyState({
  rows,
  state,
  search,
  facets,
  today,
  onRemove,
  onClear,
}: {
  rows: ModelRow[]
  /** `YYYY-MM-DD`, for "price changed in the last N days". */
  today: string
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
    return loosenings(rows, state.filters, state.q, searchWithin, facets, today)
  }, [rows, state.filters, state.q, search, facets, today])
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
