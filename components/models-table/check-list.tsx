import { memo, useState } from 'react'

import { fieldClass } from './filter-controls'

/** The filters that are lists of ids (any of them or all of them, see lib/table/filters.ts). */
export type ListKey = 'vendors' | 'providers' | 'inputModalities' | 'outputModalities' | 'capabilities'

/**
 * A checkbox list inside a popover; names the form field for the no-JavaScript submit. Its rows
 * are styled from the list (`.facet-list` in app/globals.css), so each prints only its field,
 * value, label and count: the vendor and provider lists are hundreds of rows. Memoized
 * with a stable `onToggle`: a sort click or a keystroke does not re-render a hundred providers.
 */
export const CheckList = memo(function CheckList({
  name,
  field,
  options,
  selected,
  onToggle,
  filterable,
  filterLabel,
}: {
  name: string
  field: ListKey
  options: { value: string; label: string; count?: number }[]
  selected: readonly string[]
  onToggle: (field: ListKey, value: string, on: boolean) => void
  filterable?: boolean
  filterLabel?: string
}) {
  const [needle, setNeedle] = useState('')
  const shown = needle ? options.filter((o) => o.label.toLowerCase().includes(needle.toLowerCase())) : options
  return (
    <div className="space-y-1">
      {filterable ? (
        <input
          type="search"
          // Typing filters the list as it renders: without JavaScript the box would do nothing.
          data-needs-js
          aria-label={filterLabel}
          placeholder={filterLabel}
          value={needle}
          onChange={(e) => setNeedle(e.target.value)}
          className={`${fieldClass} mb-1 w-full`}
        />
      ) : null}
      <ul className="facet-list">
        {shown.map((o) => (
          <li key={o.value}>
            <label>
              <input
                type="checkbox"
                name={name}
                value={o.value}
                checked={selected.includes(o.value)}
                onChange={(e) => onToggle(field, o.value, e.target.checked)}
              />
              <span>{o.label}</span>
              {o.count !== undefined ? <span>{o.count}</span> : null}
            </label>
          </li>
        ))}
        {shown.length === 0 ? <li className="px-1.5 py-1 text-sm text-muted-foreground">No match</li> : null}
      </ul>
    </div>
  )
})
