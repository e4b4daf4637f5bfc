/**
 * The index's filters: a plain object (it round-trips through the URL, see state.ts), one
 * predicate, and the arithmetic behind the empty state ("remove this filter to see N models").
 * Pure.
 */
import type { Capability, Modality } from '@/lib/catalog/vocab'
import { CAPABILITIES } from '@/lib/catalog/vocab'
import { formatTokensCompact, formatUsd } from '@/lib/pricing/display'

import type { Facet, ModelRow, RowPrice } from './rows'
import { isFree } from './rows'

export interface IndexFilters {
  /** Vendor ids: the model is made by any of them. */
  vendors: string[]
  /** Provider ids: the model is served by any of them. */
  providers: string[]
  /** The model accepts all of these. */
  inputModalities: Modality[]
  /** The model produces all of these. */
  outputModalities: Modality[]
  /** The model has all of these. */
  capabilities: Capability[]
  /** Tokens: context window at least this. */
  minContext?: number
  /** USD per 1M tokens: cheapest input price at most this (unpriced models are left out). */
  maxInput?: number
  /** USD per 1M tokens: cheapest output price at most this (unpriced models are left out). */
  maxOutput?: number
  /** Only models some provider serves for free. */
  free: boolean
  /** Only open-weights models. */
  openWeights: boolean
  /** Leave deprecated models out. */
  hideDeprecated: boolean
  /** Days: only models whose price changed at some provider in the last this many days (today included). */
  changedWithin?: number
}

/** The "price changed in the last … days" choices the filter offers. */
export const CHANGED_WITHIN_DAYS = [30, 90] as const

/** Today in UTC, `YYYY-MM-DD`: the day price changes are dated in. */
export const todayUtc = () => new Date().toISOString().slice(0, 10)

/** `YYYY-MM-DD` `days` before `day`. */
export function daysBefore(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10)
}

export const NO_FILTERS: IndexFilters = {
  vendors: [],
  providers: [],
  inputModalities: [],
  outputModalities: [],
  capabilities: [],
  free: false,
  openWeights: false,
  hideDeprecated: false,
}

const all = <T>(needles: readonly T[], hay: readonly T[]) => needles.every((n) => hay.includes(n))

/**
 * Whether a row passes every filter. `today` (`YYYY-MM-DD`) dates "changed in the last N days":
 * a change on `today` minus N days or later, up to `today` (an announced change still to come
 * has not happened).
 */
export function matchesFilters(row: ModelRow, f: IndexFilters, today: string = todayUtc()): boolean {
  if (f.vendors.length > 0 && !f.vendors.includes(row.vendor)) return false
  if (f.providers.length > 0 && !row.providers.some((p) => f.providers.includes(p))) return false
  if (!all(f.inputModalities, row.inputModalities)) return false
  if (!all(f.outputModalities, row.outputModalities)) return false
  if (!all(f.capabilities, row.capabilities)) return false
  if (f.minContext !== undefined && row.context < f.minContext) return false
  if (f.maxInput !== undefined && (row.input === undefined || row.input > f.maxInput)) return false
  if (f.maxOutput !== undefined && (row.output === undefined || row.output > f.maxOutput)) return false
  if (f.free && !isFree(row)) return false
  if (f.openWeights && !row.openWeights) return false
  if (f.hideDeprecated && row.status === 'deprecated') return false
  if (f.changedWithin !== undefined) {
    const day = row.lastChange?.date
    if (!day || day > today || day < daysBefore(today, f.changedWithin)) return false
  }
  return true
}

/**
 * The row as the chosen providers sell it: prices from the cheapest of them that offers the
 * model (unknown when none of them prices it), so a provider filter shows, sorts and filters
 * by what that provider charges, not by the cheapest anywhere.
 */
export function pricedAt<T extends ModelRow>(row: T, providers: readonly string[]): T {
  let offer: RowPrice | undefined
  row.providers.forEach((id, i) => {
    const o = row.offers?.[i]
    if (o && providers.includes(id) && (!offer || o[0] + o[1] < offer[0] + offer[1])) offer = o
  })
  const priced: T = { ...row, input: offer?.[0], output: offer?.[1], cacheRead: offer?.[2] }
  for (const k of ['input', 'output', 'cacheRead'] as const) if (priced[k] === undefined) delete priced[k]
  return priced
}

/** Where the view's prices come from, in words: "each model's cheapest provider", "Azure", "the cheapest of Azure, Groq". */
export function priceBasis(f: IndexFilters, providers?: Facet): string {
  if (f.providers.length === 0) return "each model's cheapest provider"
  const list = names(f.providers, providers)
  return f.providers.length === 1 ? list : `the cheapest of ${list}`
}

export function filterRows<T extends ModelRow>(rows: readonly T[], f: IndexFilters, today = todayUtc()): T[] {
  const priced = f.providers.length > 0 ? rows.map((r) => pricedAt(r, f.providers)) : rows
  return priced.filter((r) => matchesFilters(r, f, today))
}

/** Keys of filters a reader can remove one at a time (a list filter counts as one). */
export type FilterKey = keyof IndexFilters | 'q'

export interface ActiveFilter {
  key: FilterKey
  /** What the filter asks for, in words: "Vendor: OpenAI, Anthropic". */
  label: string
}

const MODALITY_LABEL = (m: Modality) => m[0]!.toUpperCase() + m.slice(1)
const names = (ids: string[], facet?: Facet) =>
  ids.map((id) => facet?.find(([fid]) => fid === id)?.[1] ?? id).join(', ')

/** The filters in force, described for people (chips, the empty state). */
export function activeFilters(
  f: IndexFilters,
  q = '',
  facets: { vendors?: Facet; providers?: Facet } = {},
): ActiveFilter[] {
  const out: ActiveFilter[] = []
  if (q.trim()) out.push({ key: 'q', label: `Search: “${q.trim()}”` })
  if (f.vendors.length) out.push({ key: 'vendors', label: `Vendor: ${names(f.vendors, facets.vendors)}` })
  if (f.providers.length) out.push({ key: 'providers', label: `Provider: ${names(f.providers, facets.providers)}` })
  if (f.inputModalities.length)
    out.push({ key: 'inputModalities', label: `Accepts: ${f.inputModalities.map(MODALITY_LABEL).join(' + ')}` })
  if (f.outputModalities.length)
    out.push({ key: 'outputModalities', label: `Produces: ${f.outputModalities.map(MODALITY_LABEL).join(' + ')}` })
  if (f.capabilities.length)
    out.push({ key: 'capabilities', label: `Has: ${f.capabilities.map((c) => CAPABILITIES[c]).join(', ')}` })
  if (f.minContext !== undefined)
    out.push({ key: 'minContext', label: `Context ≥ ${formatTokensCompact(f.minContext)}` })
  // "$0.00", not "Free": a bound reads as a number.
  if (f.maxInput !== undefined) out.push({ key: 'maxInput', label: `Input ≤ ${formatUsd(f.maxInput)}` })
  if (f.maxOutput !== undefined) out.push({ key: 'maxOutput', label: `Output ≤ ${formatUsd(f.maxOutput)}` })
  if (f.free) out.push({ key: 'free', label: 'Free only' })
  if (f.openWeights) out.push({ key: 'openWeights', label: 'Open weights only' })
  if (f.hideDeprecated) out.push({ key: 'hideDeprecated', label: 'Deprecated hidden' })
  if (f.changedWithin !== undefined)
    out.push({ key: 'changedWithin', label: `Price changed in the last ${f.changedWithin} days` })
  return out
}

/** The filters with one of them removed. */
export function withoutFilter(f: IndexFilters, key: Exclude<FilterKey, 'q'>): IndexFilters {
  return { ...f, [key]: NO_FILTERS[key] }
}

export interface Loosening extends ActiveFilter {
  /** How many rows removing this filter alone would show. */
  count: number
}

/**
 * For an empty result: each active filter with the number of rows removing it alone would
 * bring back, most first. `search` applies the text search (the caller's index) to rows.
 */
export function loosenings(
  rows: readonly ModelRow[],
  f: IndexFilters,
  q: string,
  search: (rows: readonly ModelRow[], q: string) => readonly ModelRow[],
  facets: { vendors?: Facet; providers?: Facet } = {},
  today = todayUtc(),
): Loosening[] {
  return activeFilters(f, q, facets)
    .map((a) => {
      const count =
        a.key === 'q'
          ? filterRows(rows, f, today).length
          : search(filterRows(rows, withoutFilter(f, a.key), today), q).length
      return { ...a, count }
    })
    .sort((a, b) => b.count - a.count)
}
