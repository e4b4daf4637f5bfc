'use client'

import type { KeyboardEvent } from 'react'
import { useRef } from 'react'

import { cn } from '@/lib/utils'

export interface TabItem {
  id: string
  label: string
}

/**
 * A tab list (WAI-ARIA tabs pattern: arrow keys, Home and End move and select). The panel is
 * the caller's: give it `id={`${idPrefix}-panel`}`, `role="tabpanel"` and
 * `aria-labelledby={`${idPrefix}-tab-${selected}`}`.
 */
export function LanguageTabs({
  items,
  selected,
  onSelect,
  idPrefix,
  label,
}: {
  items: readonly TabItem[]
  selected: string
  onSelect: (id: string) => void
  idPrefix: string
  label: string
}) {
  const refs = useRef<Array<HTMLButtonElement | null>>([])
  function onKeyDown(e: KeyboardEvent, index: number) {
    const last = items.length - 1
    const to = {
      ArrowRight: index === last ? 0 : index + 1,
      ArrowLeft: index === 0 ? last : index - 1,
      Home: 0,
      End: last,
    }[e.key]
    if (to === undefined) return
    e.preventDefault()
    refs.current[to]?.focus()
    onSelect(items[to]!.id)
  }
  return (
    <div role="tablist" aria-label={label} className="flex flex-wrap gap-x-1 border-b">
      {items.map((item, i) => {
        const active = item.id === selected
        return (
          <button
            key={item.id}
            ref={(el) => {
              refs.current[i] = el
            }}
            type="button"
            role="tab"
            id={`${idPrefix}-tab-${item.id}`}
            aria-selected={active}
            aria-controls={`${idPrefix}-panel`}
            tabIndex={active ? 0 : -1}
            onClick={() => onSelect(item.id)}
            onKeyDown={(e) => onKeyDown(e, i)}
            className={cn(
              '-mb-px min-h-10 shrink-0 border-b-2 px-3 text-sm font-medium whitespace-nowrap',
              active
                ? 'border-accent text-foreground'
                : 'border-transparent text-muted-foreground hover:text-foreground',
            )}
          >
            {item.label}
          </button>
        )
      })}
    </div>
  )
}
