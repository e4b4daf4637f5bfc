'use client'
import { useCallback, useId, useMemo } from 'react'

import { CAPABILITIES, CAPABILITY_KEYS, MODALITIES, MODALITY_LABELS } from '@/lib/catalog/vocab'
import { formatTokensCompact } from '@/lib/pricing/display'
import type { ColumnId } from '@/lib/table/columns'
import { COLUMNS } from '@/lib/table/columns'
import type { IndexFilters } from '@/lib/table/filters'
import { activeFilters, CHANGED_WITHIN_DAYS, priceBasis } from '@/lib/table/filters'
import type { Facet } from '@/lib/table/rows'
import { SORT_CHOICES } from '@/lib/table/sort'
import type { FacetPick, IndexState } from '@/lib/table/state'
import { visibleColumns } from '@/lib/table/state'
import { PopoverMenu } from '@/components/ui/popover-menu'

import type { ListKey } from './check-list'
import { CheckList } from './check-list'
import { countBadge, FilterLabel, fieldClass, NumberField, StepSelect, Toggle } from './filter-controls'
import { NoScriptFacet } from './no-script-facet'
import type { HistoryMode } from './use-index-state'

type Update = (next: (s: IndexState) => IndexState, mode?: HistoryMode) => void

const CONTEXT_STEPS = [8_000, 32_000, 128_000, 200_000, 1_000_000]

function toggle<T>(list: readonly T[], item: T, on: boolean): T[] {
  return on ? (list.includes(item) ? [...list] : [...list, item]) : list.filter((x) => x !== item)
}

const MODALITY_OPTIONS = MODALITIES.map((m) => ({ value: m, label: MODALITY_LABELS[m] }))
const CAPABILITY_OPTIONS = CAPABILITY_KEYS.map((c) => ({ value: c, label: CAPABILITIES[c] }))

/**
 * Search, filters, sort and column choices of the models index. A real GET form on `/models`:
 * with JavaScript off it submits (the "Apply" button, or Enter in the search box) and the
 * server renders the filtered view; with JavaScript every change applies at once.
 */
export function IndexToolbar({
  state,
  update,
  endTyping,
  vendors,
  providers,
  vendorCounts,
  providerCounts,
  pick,
  pickHref,
}: {
  state: IndexState
  update: Update
  endTyping: () => void
  vendors: Facet
  providers: Facet
  vendorCounts: Map<string, number>
  providerCounts: Map<string, number>
  /** The facet whose whole list the server HTML shows, open, to readers without JavaScript (`pick=`). */
  pick?: FacetPick
  /** The current view with `pick` set: where a reader without JavaScript finds that whole list. */
  pickHref: (pick: FacetPick) => string
}) {
  const f = state.filters
  const setFilter = <K extends keyof IndexFilters>(key: K, value: IndexFilters[K], mode: HistoryMode = 'push') =>
    update((s) => ({ ...s, filters: { ...s.filters, [key]: value } }), mode)
  const searchId = useId()
  const filtersId = useId()
  const activeCount = activeFilters(f).length
  const visible = visibleColumns(state)
  const vendorOptions = useMemo(
    () => vendors.map(([value, label]) => ({ value, label, count: vendorCounts.get(value) ?? 0 })),
    [vendors, vendorCounts],
  )
  const providerOptions = useMemo(
    () => providers.map(([value, label]) => ({ value, label, count: providerCounts.get(value) ?? 0 })),
    [providers, providerCounts],
  )
  const onToggle = useCallback(
    (field: ListKey, value: string, on: boolean) =>
      update((s) => ({ ...s, filters: { ...s.filters, [field]: toggle(s.filters[field] as string[], value, on) } })),
    [update],
  )
  // The vendor and provider menus: hundreds of choices, whose whole list readers without
  // JavaScript get on request (`pick=`, see NoScriptFacet), not in every page's HTML.
  const facetMenu = (
    name: FacetPick,
    title: string,
    field: 'vendors' | 'providers',
    options: typeof vendorOptions,
    filterable: boolean,
  ) => (
    <PopoverMenu
      label={<FilterLabel>{title}</FilterLabel>}
      badge={countBadge(f[field].length)}
      defaultOpen={pick === name}
      noscript={
        pick === name ? undefined : (
          <NoScriptFacet
            name={name}
            field={field}
            options={options}
            selected={f[field]}
            pickHref={pickHref(name)}
            noun={field}
          />
        )
      }
    >
      <CheckList
        name={name}
        field={field}
        options={options}
        selected={f[field]}
        onToggle={onToggle}
        filterable={filterable}
        filterLabel={`Filter ${field}`}
      />
    </PopoverMenu>
  )
  const sortValue = state.sort ? `${state.sort.desc ? '-' : ''}${state.sort.id}` : ''

  return (
    <search aria-label="Models">
      <form method="get" action="/models" onSubmit={(e) => e.preventDefault()} className="space-y-3">
        {/* Ticked rows survive a submit without JavaScript. */}
        {state.selected?.length ? <input type="hidden" name="sel" value={state.selected.join(',')} /> : null}
        <div className="flex flex-wrap items-center gap-2">
          <label htmlFor={searchId} className="sr-only">
            Search models
          </label>
          <input
            id={searchId}
            name="q"
            type="search"
            value={state.q}
            onChange={(e) => {
              const q = e.target.value
              update((s) => ({ ...s, q }), 'typing')
            }}
            onBlur={endTyping}
            placeholder="Search by name, id, vendor or alias"
            autoComplete="off"
            spellCheck={false}
            className="min-h-10 min-w-0 flex-1 basis-64 rounded-md border bg-card px-3"
          />
          <label className="flex items-center gap-1.5 text-sm text-muted-foreground">
            Sort
            <select
              name="sort"
              value={sortValue}
              onChange={(e) => {
                const v = e.target.value
                const id = v.replace(/^-/, '') as ColumnId
                update((s) => ({ ...s, sort: v ? { id, desc: v.startsWith('-') } : undefined }))
              }}
              className={`${fieldClass} text-foreground`}
            >
              <option value="">{state.q.trim() ? 'Best match' : 'Name: A to Z (default)'}</option>
              {SORT_CHOICES.map((c) => (
                <option key={c.value} value={c.value}>
                  {c.label}
                </option>
              ))}
            </select>
          </label>
        </div>

        {/* Phones: the filters fold behind a toggle (a CSS-only checkbox, so it works without JavaScript too). */}
        {/* Shown at once on the page a reader without JavaScript opened for a whole filter list (`pick=`). */}
        <input
          type="checkbox"
          id={filtersId}
          aria-label="Show filters"
          defaultChecked={pick !== undefined}
          className="peer sr-only sm:hidden"
        />
        <label
          htmlFor={filtersId}
          className="inline-flex min-h-9 cursor-pointer items-center gap-1.5 rounded-md border bg-card px-3 text-sm font-medium peer-checked:bg-muted peer-focus-visible:outline-2 peer-focus-visible:outline-accent sm:hidden"
        >
          Filters{activeCount > 0 ? ` (${activeCount})` : ''}
        </label>
        <fieldset className="hidden flex-wrap items-center gap-2 peer-checked:flex sm:flex">
          <legend className="sr-only">Filters</legend>
          {facetMenu('vendor', 'Vendor', 'vendors', vendorOptions, vendors.length > 12)}
          {facetMenu('provider', 'Provider', 'providers', providerOptions, true)}
          <PopoverMenu label={<FilterLabel>Accepts</FilterLabel>} badge={countBadge(f.inputModalities.length)}>
            <p className="px-1.5 pb-1 text-xs text-muted-foreground">Input the model takes (all selected)</p>
            <CheckList
              name="in"
              field="inputModalities"
              options={MODALITY_OPTIONS}
              selected={f.inputModalities}
              onToggle={onToggle}
            />
          </PopoverMenu>
          <PopoverMenu label={<FilterLabel>Produces</FilterLabel>} badge={countBadge(f.outputModalities.length)}>
            <p className="px-1.5 pb-1 text-xs text-muted-foreground">Output the model gives (all selected)</p>
            <CheckList
              name="out"
              field="outputModalities"
              options={MODALITY_OPTIONS}
              selected={f.outputModalities}
              onToggle={onToggle}
            />
          </PopoverMenu>
          <PopoverMenu label={<FilterLabel>Capabilities</FilterLabel>} badge={countBadge(f.capabilities.length)}>
            <p className="px-1.5 pb-1 text-xs text-muted-foreground">The model has all selected</p>
            <CheckList
              name="cap"
              field="capabilities"
              options={CAPABILITY_OPTIONS}
              selected={f.capabilities}
              onToggle={onToggle}
            />
          </PopoverMenu>
          <StepSelect
            label="Min context"
            name="ctx"
            value={f.minContext}
            steps={CONTEXT_STEPS}
            any="Any"
            stepLabel={(n) => `${formatTokensCompact(n)} tokens`}
            onChange={(n) => setFilter('minContext', n)}
          />
          <StepSelect
            label="Price changed"
            name="changed"
            value={f.changedWithin}
            steps={CHANGED_WITHIN_DAYS}
            any="Any time"
            stepLabel={(n) => `In the last ${n} days`}
            onChange={(n) => setFilter('changedWithin', n)}
          />
          <NumberField
            label="Input ≤ $"
            unit="per 1M"
            name="maxin"
            value={f.maxInput}
            onChange={(n) => setFilter('maxInput', n, 'typing')}
            placeholder="any"
          />
          <NumberField
            label="Output ≤ $"
            unit="per 1M"
            name="maxout"
            value={f.maxOutput}
            onChange={(n) => setFilter('maxOutput', n, 'typing')}
            placeholder="any"
          />
          <Toggle name="free" label="Free only" checked={f.free} onChange={(on) => setFilter('free', on)} />
          <Toggle
            name="open"
            label="Open weights"
            checked={f.openWeights}
            onChange={(on) => setFilter('openWeights', on)}
          />
          <Toggle
            name="hide"
            value="deprecated"
            label="Hide deprecated"
            checked={f.hideDeprecated}
            onChange={(on) => setFilter('hideDeprecated', on)}
          />
          <PopoverMenu label="Columns" align="end">
            <ul className="facet-list">
              {COLUMNS.filter((c) => !c.alwaysVisible).map((c) => (
                <li key={c.id}>
                  <label>
                    <input
                      type="checkbox"
                      name="cols"
                      value={c.id}
                      checked={visible.includes(c.id)}
                      onChange={(e) => {
                        const on = e.target.checked
                        update((s) => {
                          const cur = visibleColumns(s)
                          const next = COLUMNS.map((x) => x.id).filter((id) => (id === c.id ? on : cur.includes(id)))
                          return { ...s, columns: next }
                        })
                      }}
                    />
                    <span>{c.title}</span>
                  </label>
                </li>
              ))}
            </ul>
          </PopoverMenu>
          <noscript>
            <button
              type="submit"
              className="min-h-9 rounded-md bg-accent px-3 text-sm font-medium text-accent-foreground"
            >
              Apply
            </button>
          </noscript>
        </fieldset>
        <p className="text-xs text-muted-foreground" data-testid="price-note">
          Prices are USD per 1M tokens at {priceBasis(f, providers)}; context and max output are in tokens.
        </p>
      </form>
    </search>
  )
}
