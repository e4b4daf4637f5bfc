'use client'

import { useId, useMemo, useRef, useState } from 'react'

import { PICKER_OPTIONS_URL, unpackOptions } from '@/lib/compare/picker-options'
import type { PickerOption } from '@/lib/compare/selection'
import { MAX_MODELS } from '@/lib/compare/url'
import { ModelSearch } from '@/lib/table/search'
import { cn } from '@/lib/utils'

const MAX_SHOWN = 8

const NONE: PickerOption[] = []

/**
 * Every model as an option, fetched the first time `load` is called (the picker calls it when
 * pointed at, focused or typed in), not with the page: the list is the whole catalog.
 */
function useOptions() {
  const [options, setOptions] = useState<PickerOption[] | null>(null)
  const [failed, setFailed] = useState(false)
  const started = useRef(false)
  const load = () => {
    if (started.current) return
    started.current = true
    setFailed(false)
    fetch(PICKER_OPTIONS_URL)
      .then((r) => (r.ok ? r.json() : Promise.reject(new Error(`HTTP ${r.status}`))))
      .then((data: unknown) => setOptions(unpackOptions(data)))
      .catch(() => {
        // Offline or a failed deploy: say so, and try again on the next focus or keystroke.
        started.current = false
        setFailed(true)
      })
  }
  return { options, failed, load }
}

/**
 * "Add a model": a combobox (ARIA 1.2 pattern: the input owns a listbox, arrows move the
 * active option, Enter picks, Escape closes) over every model, with the index's typo-tolerant
 * search. Already chosen models are left out.
 */
export function ModelPicker({
  exclude,
  onPick,
  disabled,
  disabledReason,
}: {
  exclude: string[]
  onPick: (id: string) => void
  disabled?: boolean
  disabledReason?: string
}) {
  const id = useId()
  const listId = `${id}-list`
  const [query, setQuery] = useState('')
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(0)
  const inputRef = useRef<HTMLInputElement>(null)
  const { options, failed, load } = useOptions()
  const search = useMemo(() => new ModelSearch(options ?? NONE), [options])
  const matches = useMemo(() => {
    if (!query.trim()) return []
    return search
      .search(query)
      .map((h) => h.row)
      .filter((o) => !exclude.includes(o.id))
      .slice(0, MAX_SHOWN)
  }, [search, query, exclude])
  const expanded = open && query.trim() !== ''
  const listed = expanded && matches.length > 0
  const noMatch = expanded && options !== null && matches.length === 0
  const status = !expanded
    ? ''
    : failed
      ? 'Could not load the list of models; type again to retry.'
      : options === null
        ? 'Loading the models…'
        : noMatch
          ? `No model matches “${query}”`
          : ''

  const pick = (o: PickerOption) => {
    onPick(o.id)
    setQuery('')
    setOpen(false)
    setActive(0)
    inputRef.current?.focus()
  }

  return (
    <div className="relative w-full max-w-md">
      <label htmlFor={id} className="mb-1 block text-sm font-medium">
        Add a model
      </label>
      <input
        ref={inputRef}
        id={id}
        type="text"
        role="combobox"
        aria-expanded={listed}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={listed && matches[active] ? `${listId}-${active}` : undefined}
        aria-describedby={disabled ? `${id}-why` : undefined}
        autoComplete="off"
        spellCheck={false}
        disabled={disabled}
        placeholder={disabled ? `${MAX_MODELS} models chosen` : 'Type a name, id or vendor'}
        value={query}
        onPointerEnter={load}
        onChange={(e) => {
          load()
          setQuery(e.target.value)
          setOpen(true)
          setActive(0)
        }}
        onFocus={() => {
          load()
          setOpen(true)
        }}
        onBlur={() => setOpen(false)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault()
            setOpen(true)
            setActive((a) => Math.min(a + 1, Math.max(matches.length - 1, 0)))
          } else if (e.key === 'ArrowUp') {
            e.preventDefault()
            setActive((a) => Math.max(a - 1, 0))
          } else if (e.key === 'Enter') {
            e.preventDefault()
            const o = matches[active]
            if (expanded && o) pick(o)
          } else if (e.key === 'Escape') {
            if (expanded) e.preventDefault()
            setOpen(false)
          }
        }}
        className="min-h-10 w-full rounded-md border bg-card px-3 disabled:opacity-60"
      />
      {disabled && disabledReason ? (
        <p id={`${id}-why`} className="mt-1 text-xs text-muted-foreground">
          {disabledReason}
        </p>
      ) : null}
      {/* The listbox pattern on plain elements: the input keeps focus and points at the active
          option (aria-activedescendant), so options are focusable by script only. */}
      <div
        id={listId}
        role="listbox"
        aria-label="Matching models"
        hidden={!listed}
        className="absolute top-full z-30 mt-1 max-h-80 w-full overflow-auto rounded-md border bg-card p-1 shadow-lg"
      >
        {matches.map((o, i) => (
          <div
            key={o.id}
            id={`${listId}-${i}`}
            role="option"
            tabIndex={-1}
            aria-selected={i === active}
            // mousedown, not click: the input's blur would close the list first.
            onMouseDown={(e) => {
              e.preventDefault()
              pick(o)
            }}
            onMouseMove={() => setActive(i)}
            className={cn('cursor-pointer rounded px-2 py-1.5 text-sm', i === active && 'bg-accent-soft')}
          >
            <span className="font-medium">{o.name}</span>{' '}
            <span className="text-muted-foreground">· {o.vendorName}</span>
            <span className="block truncate text-xs text-muted-foreground">
              <code>{o.id}</code>
            </span>
          </div>
        ))}
      </div>
      {/* Always in the page, so screen readers announce the message when it appears. */}
      <p
        role="status"
        className={
          status
            ? 'absolute top-full z-30 mt-1 w-full rounded-md border bg-card px-3 py-2 text-sm text-muted-foreground shadow-lg'
            : 'sr-only'
        }
      >
        {status}
      </p>
    </div>
  )
}
