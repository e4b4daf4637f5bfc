/**
 * Derivations over endpoints' price histories (the `history` periods of the model files): the
 * changes of one endpoint, "changed N times since", the prices in force on a day, and the
 * catalog-wide list of dated changes the /changes page and feed read. Pure; computed at build
 * time, so pages receive only what they show.
 *
 * Prices are USD per 1M tokens. A period runs from its `from` until the next period's `from`,
 * or until its own `to` (a gap without a price); the last one until the endpoint's
 * `retirementDate`, or today.
 */
import Big from 'big.js'

import { periodPricing, samePricing } from './history-rules'
import type { Endpoint, PricePeriod, Pricing } from './schema'

/** What the derivations need of an endpoint. */
export type HistoryEndpoint = Pick<Endpoint, 'provider' | 'pricing' | 'history' | 'retirementDate'> &
  Partial<Pick<Endpoint, 'modelId' | 'status' | 'offer'>>

/** A period with its end spelled out: `to` is the first day it no longer applied, null while current. */
export interface ResolvedPeriod {
  from: string
  to: string | null
  pricing: Pricing
}

/** One price change of an endpoint: the day it took effect and the prices before and after. */
export interface PriceChange {
  date: string
  provider: string
  from: Pricing
  to: Pricing
  /**
   * Change of input + output per 1M tokens (the catalog's ranking price), in percent, rounded to
   * 0.1; undefined when the old sum was 0 (a change from free).
   */
  percent: number | undefined
  /** `cut` or `rise` by that sum; `change` when only other prices moved (cache, tiers, …). */
  kind: 'cut' | 'rise' | 'change'
}

/** `input + output` per 1M tokens, exact. */
const rank = (p: Pricing) => new Big(p.input).plus(p.output)

/** Percent change from `a` to `b`, rounded to 0.1; undefined from 0. */
export function percentChange(a: number | Big, b: number | Big): number | undefined {
  const from = new Big(a)
  if (from.eq(0)) return undefined
  return Number(new Big(b).minus(from).div(from).times(100).toFixed(1))
}

/** The periods of an endpoint with their ends resolved (the last ends at `retirementDate`, else null). */
export function resolvePeriods(e: HistoryEndpoint): ResolvedPeriod[] {
  const history = e.history ?? []
  return history.map((p, i) => ({
    from: p.from,
    to: p.to ?? history[i + 1]?.from ?? e.retirementDate ?? null,
    pricing: periodPricing(p),
  }))
}

/** Every price change of an endpoint, oldest first (consecutive periods whose prices differ). */
export function priceChanges(e: HistoryEndpoint): PriceChange[] {
  const history: PricePeriod[] = e.history ?? []
  const out: PriceChange[] = []
  for (let i = 1; i < history.length; i++) {
    const before = periodPricing(history[i - 1]!)
    const after = periodPricing(history[i]!)
    if (samePricing(before, after)) continue
    const a = rank(before)
    const b = rank(after)
    out.push({
      date: history[i]!.from,
      provider: e.provider,
      from: before,
      to: after,
      percent: percentChange(a, b),
      kind: b.lt(a) ? 'cut' : b.gt(a) ? 'rise' : 'change',
    })
  }
  return out
}

/** "Changed N times since <date>": the count, the first recorded day and the latest change. */
export interface ChangeSummary {
  count: number
  /** The first day the history records a price for the endpoint. */
  since: string | undefined
  latest: PriceChange | undefined
}

export function changeSummary(e: HistoryEndpoint): ChangeSummary {
  const changes = priceChanges(e)
  return { count: changes.length, since: e.history?.[0]?.from, latest: changes.at(-1) }
}

/**
 * The prices in force on `date` (`YYYY-MM-DD`): `undefined` before the first period, in a gap,
 * on or after the endpoint's retirement, and for an endpoint without history (its past is unknown).
 */
export function pricingOn(e: HistoryEndpoint, date: string): ResolvedPeriod | undefined {
  return resolvePeriods(e).find((p) => p.from <= date && (p.to === null || date < p.to))
}

/** The first day any endpoint of the list has a recorded price, if any. */
export function firstRecorded(endpoints: HistoryEndpoint[]): string | undefined {
  return endpoints
    .map((e) => e.history?.[0]?.from)
    .filter((d): d is string => d !== undefined)
    .sort()[0]
}

/** The newest price change across endpoints (at equal dates, the first endpoint listed). */
export function latestChange(endpoints: HistoryEndpoint[]): PriceChange | undefined {
  let best: PriceChange | undefined
  for (const e of endpoints) {
    const c = priceChanges(e).at(-1)
    if (c && (!best || c.date > best.date)) best = c
  }
  return best
}

export type CatalogChangeKind =
  | 'price-cut'
  | 'price-rise'
  | 'price-change'
  | 'new-model'
  | 'new-endpoint'
  | 'deprecation'
  | 'retirement'

/** One dated event of the catalog, for /changes and its feed. */
export interface CatalogChange {
  date: string
  kind: CatalogChangeKind
  model: string
  modelName: string
  vendor: string
  /** For endpoint events (prices, new endpoints, an endpoint's retirement). */
  provider?: string
  /** Price events: input + output per 1M tokens before and after, and the change in percent. */
  price?: { from: Pricing; to: Pricing; percent: number | undefined }
}

/** What the catalog-wide list needs of a model. */
export interface HistoryModel {
  id: string
  name: string
  vendor: string
  /** Unknown for a model no source dates: it has no "new model" entry. */
  releaseDate?: string
  deprecationDate?: string
  retirementDate?: string
  endpoints: HistoryEndpoint[]
}

const KIND_ORDER: Record<CatalogChangeKind, number> = {
  retirement: 0,
  deprecation: 1,
  'price-cut': 2,
  'price-rise': 3,
  'price-change': 4,
  'new-endpoint': 5,
  'new-model': 6,
}

/**
 * Every dated change across the catalog, newest first: price cuts and rises (with the percent),
 * other price changes, new models (release date), new endpoints (first recorded price, except
 * on the day the records begin, when every listed endpoint "appears"), deprecations and
 * retirements of models and endpoints. Dates may be in the future (an announced retirement).
 */
export function catalogChanges(models: HistoryModel[]): CatalogChange[] {
  const recordsBegin = firstRecorded(models.flatMap((m) => m.endpoints))
  const out: CatalogChange[] = []
  for (const m of models) {
    const base = { model: m.id, modelName: m.name, vendor: m.vendor }
    if (m.releaseDate) out.push({ ...base, date: m.releaseDate, kind: 'new-model' })
    if (m.deprecationDate) out.push({ ...base, date: m.deprecationDate, kind: 'deprecation' })
    if (m.retirementDate) out.push({ ...base, date: m.retirementDate, kind: 'retirement' })
    for (const e of m.endpoints) {
      const first = e.history?.[0]?.from
      if (first && first !== recordsBegin)
        out.push({ ...base, provider: e.provider, date: first, kind: 'new-endpoint' })
      if (e.retirementDate) out.push({ ...base, provider: e.provider, date: e.retirementDate, kind: 'retirement' })
      for (const c of priceChanges(e)) {
        out.push({
          ...base,
          provider: e.provider,
          date: c.date,
          kind: c.kind === 'cut' ? 'price-cut' : c.kind === 'rise' ? 'price-rise' : 'price-change',
          price: { from: c.from, to: c.to, percent: c.percent },
        })
      }
    }
  }
  return out.sort(
    (a, b) =>
      b.date.localeCompare(a.date) ||
      KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
      a.model.localeCompare(b.model) ||
      (a.provider ?? '').localeCompare(b.provider ?? ''),
  )
}

/** One provider's line in a model page's "Price history" section. */
export interface ProviderHistoryView {
  provider: string
  providerName: string
  /** Input and output per 1M tokens, oldest first; `to` null while current. */
  periods: Array<{ from: string; to: string | null; input: number; output: number }>
  changes: PriceChange[]
  since: string
  retirementDate?: string
}

/** What a model page's "Price history" section shows: plain data, only for endpoints with a history. */
export interface PriceHistoryView {
  /** Providers whose price changed, most recent change first. */
  changed: ProviderHistoryView[]
  /** Providers with a history and no change: the day their records begin. */
  unchanged: Array<{ provider: string; providerName: string; since: string; retirementDate?: string }>
  /** The newest change across the model's providers. */
  latest: (PriceChange & { providerName: string }) | undefined
  /** Every change across providers. */
  count: number
  /** The first day any provider has a recorded price. */
  since: string | undefined
}

export function priceHistoryView(histories: HistoryEndpoint[], providerName: (id: string) => string): PriceHistoryView {
  const changed: ProviderHistoryView[] = []
  const unchanged: PriceHistoryView['unchanged'] = []
  for (const e of histories) {
    const first = e.history?.[0]
    if (!first) continue
    const name = providerName(e.provider)
    const changes = priceChanges(e)
    if (!changes.length) {
      unchanged.push({ provider: e.provider, providerName: name, since: first.from, retirementDate: e.retirementDate })
      continue
    }
    changed.push({
      provider: e.provider,
      providerName: name,
      periods: resolvePeriods(e).map((p) => ({
        from: p.from,
        to: p.to,
        input: p.pricing.input,
        output: p.pricing.output,
      })),
      changes,
      since: first.from,
      retirementDate: e.retirementDate,
    })
  }
  changed.sort(
    (a, b) =>
      b.changes.at(-1)!.date.localeCompare(a.changes.at(-1)!.date) || a.providerName.localeCompare(b.providerName),
  )
  const top = changed[0]
  const latest = top ? { ...top.changes.at(-1)!, providerName: top.providerName } : undefined
  unchanged.sort((a, b) => a.providerName.localeCompare(b.providerName))
  return {
    changed,
    unchanged,
    latest,
    count: changed.reduce((n, p) => n + p.changes.length, 0),
    since: firstRecorded(histories),
  }
}
