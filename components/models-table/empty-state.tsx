import type { MouseEvent } from 'react'

import type { FilterKey, Loosening } from '@/lib/table/filters'
import { plural } from '@/lib/utils'
import { buttonClass } from '@/components/ui/button'

/**
 * No rows: say which filter to loosen, with the number of models removing it would bring back.
 * Each way out is a link to the view it leads to (as the filter chips are), so it works before
 * hydration and with JavaScript off; with JavaScript the click updates the view in place.
 */
export function EmptyState({
  options,
  q,
  hrefWithout,
  onRemove,
  clearHref,
  onClear,
}: {
  /** Each active filter with the rows removing it alone would bring back (lib/table/filters.ts `loosenings`). */
  options: readonly Loosening[]
  q: string
  hrefWithout: (key: FilterKey) => string
  onRemove: (key: FilterKey) => void
  /** The view without any filter (the search kept). */
  clearHref: string
  onClear: () => void
}) {
  const helpful = options.filter((o) => o.count > 0)
  const inPlace = (act: () => void) => (e: MouseEvent) => {
    e.preventDefault()
    act()
  }
  const link = buttonClass({ size: 'sm' })
  return (
    <div className="rounded-lg border border-dashed p-6 text-sm" data-testid="empty-state">
      <p className="font-medium">No model matches all of these filters.</p>
      {helpful.length > 0 ? (
        <>
          <p className="mt-1 text-muted-foreground">Loosen one of them:</p>
          <ul className="mt-3 space-y-2">
            {helpful.slice(0, 3).map((o) => (
              <li key={o.key} className="flex flex-wrap items-center gap-2">
                <a href={hrefWithout(o.key)} onClick={inPlace(() => onRemove(o.key))} className={link}>
                  {o.key === 'q' ? `Clear the search “${q.trim()}”` : `Remove “${o.label}”`}
                </a>
                <span className="text-muted-foreground">to see {plural(o.count, 'model')}</span>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="mt-1 text-muted-foreground">
          No single filter is to blame.{' '}
          <a href={clearHref} onClick={inPlace(onClear)} className={link}>
            Clear all filters
          </a>
          {q ? ' or try other search words.' : null}
        </p>
      )}
    </div>
  )
}
