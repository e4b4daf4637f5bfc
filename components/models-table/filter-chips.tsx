import type { MouseEvent } from 'react'

import type { ActiveFilter, FilterKey } from '@/lib/table/filters'

/**
 * The active search and filters as removable chips, and "Clear all". Each is a link to the view
 * it leads to, so it works before hydration and with JavaScript off; with JavaScript the click
 * updates the view in place.
 */
export function FilterChips({
  active,
  hrefWithout,
  onRemove,
  clearHref,
  onClear,
}: {
  active: readonly ActiveFilter[]
  hrefWithout: (key: FilterKey) => string
  onRemove: (key: FilterKey) => void
  clearHref: string
  onClear: () => void
}) {
  if (active.length === 0) return null
  const inPlace = (act: () => void) => (e: MouseEvent) => {
    e.preventDefault()
    act()
  }
  return (
    <ul aria-label="Active filters" className="flex flex-wrap items-center gap-2">
      {active.map((a) => (
        <li key={a.key}>
          <a
            href={hrefWithout(a.key)}
            onClick={inPlace(() => onRemove(a.key))}
            className="inline-flex min-h-8 items-center gap-1.5 rounded-full border bg-accent-soft px-3 text-xs font-medium hover:bg-muted"
            aria-label={`Remove filter ${a.label}`}
          >
            {a.label}
            <span aria-hidden="true">×</span>
          </a>
        </li>
      ))}
      <li>
        <a href={clearHref} onClick={inPlace(onClear)} className="text-xs font-medium text-accent hover:underline">
          Clear all
        </a>
      </li>
    </ul>
  )
}
