import type { FilterKey, Loosening } from '@/lib/table/filters'
import { plural } from '@/lib/utils'
import { Button } from '@/components/ui/button'

/** No rows: say which filter to loosen, with the number of models removing it would bring back. */
export function EmptyState({
  options,
  q,
  onRemove,
  onClear,
}: {
  /** Each active filter with the rows removing it alone would bring back (lib/table/filters.ts `loosenings`). */
  options: readonly Loosening[]
  q: string
  onRemove: (key: FilterKey) => void
  onClear: () => void
}) {
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
                  {o.key === 'q' ? `Clear the search “${q.trim()}”` : `Remove “${o.label}”`}
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
          {q ? ' or try other search words.' : null}
        </p>
      )}
    </div>
  )
}
