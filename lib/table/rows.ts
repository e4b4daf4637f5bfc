/**
 * The models index works on flat rows, not on joined `Model` documents: a row is what one line
 * of the table shows and filters on, and nothing more (no prose, FAQ, parameters or the full
 * endpoint list), so handing every row to the client component keeps the page's RSC payload
 * small. Pure: no React, no `next/*`.
 */

import { pricesModel } from '@/lib/catalog/offers'
import type { PriceChange } from '@/lib/catalog/price-history'
import type { Model } from '@/lib/catalog/types'
import type { Capability, Modality, Status } from '@/lib/catalog/vocab'
import { CAPABILITY_KEYS } from '@/lib/catalog/vocab'

export interface ModelRow {
  /** `vendor/model`. */
  id: string
  name: string
  /** Vendor id. */
  vendor: string
  vendorName: string
  /** Other ids of the model (dated snapshots): searched, not shown. */
  aliases?: string[]
  /** Tokens. */
  context: number
  /** Tokens. */
  maxOutput?: number
  /** USD per 1M input tokens at the cheapest endpoint; absent when no provider prices it. */
  input?: number
  /** USD per 1M output tokens at the cheapest endpoint. */
  output?: number
  /**
   * USD per 1M cached input tokens: the lowest cache price any endpoint that prices the model
   * lists (the cheapest endpoint often has none while another has one).
   */
  cacheRead?: number
  /** Ids of every provider serving the model (for the provider filter and the count). */
  providers: string[]
  /**
   * Each provider's price, in the order of `providers`: its cheapest endpoint that prices the
   * model (`pricesModel`), `[input, output, cacheRead?]` (USD per 1M), or null where it has none. With a
   * provider filter on, the price columns show the cheapest of the chosen providers
   * (`pricedAt`). Tuples, not objects: the index sends every row to the browser.
   */
  offers?: (RowPrice | null)[]
  inputModalities: Modality[]
  outputModalities: Modality[]
  /** The capabilities the model has (the flags that are true). */
  capabilities: Capability[]
  /** `YYYY-MM-DD`. */
  released?: string
  /** `YYYY-MM` or `YYYY-MM-DD`. */
  cutoff?: string
  status: Status
  retirementDate?: string
  deprecationDate?: string
  openWeights: boolean
  /** The newest price change at any of the model's providers; absent when none is recorded. */
  lastChange?: PriceMove
}

/** A price change as a row shows it (see `PriceChange` in lib/catalog/price-history.ts). */
export interface PriceMove {
  /** `YYYY-MM-DD`: the day the new price took effect. */
  date: string
  /** Input + output per 1M tokens went down (`cut`) or up (`rise`), or only other prices moved (`change`). */
  kind: PriceChange['kind']
  /** Change of input + output in percent (rounded to 0.1); absent for a change from free. */
  percent?: number
}

/** The part of a price change the index keeps. */
export function toPriceMove(c: PriceChange): PriceMove {
  return c.percent === undefined ? { date: c.date, kind: c.kind } : { date: c.date, kind: c.kind, percent: c.percent }
}

/** One provider's price for a model, USD per 1M tokens. */
export type RowPrice = [input: number, output: number, cacheRead?: number]

/** Drops `undefined` keys: the RSC payload spells each one out as `"$undefined"`. */
function compact<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k]
  return o
}

/** Per provider of `providers`, its first live endpoint's price in the model's order (cheapest first). */
function offers(model: Model, providers: string[]): (RowPrice | null)[] | undefined {
  const out = providers.map((id): RowPrice | null => {
    const e = model.endpoints.find((x) => x.provider === id && pricesModel(x))
    if (!e) return null
    return e.pricing.cacheRead === undefined
      ? [e.pricing.input, e.pricing.output]
      : [e.pricing.input, e.pricing.output, e.pricing.cacheRead]
  })
  return out.some(Boolean) ? out : undefined
}

/** The lowest cache-read price among the endpoints that price the model (`pricesModel`). */
function lowestCacheRead(model: Model): number | undefined {
  const prices = model.endpoints
    .filter(pricesModel)
    .map((e) => e.pricing.cacheRead)
    .filter((c): c is number => c !== undefined)
  return prices.length > 0 ? Math.min(...prices) : undefined
}

/**
 * One index row from a joined model: input and output are the cheapest endpoint's, the cache
 * price the lowest listed; `lastChange` the model's newest price change, where known.
 */
export function toModelRow(model: Model, lastChange?: PriceMove): ModelRow {
  const p = model.cheapest?.pricing
  const providers = [...new Set(model.endpoints.map((e) => e.provider))]
  return compact({
    id: model.id,
    name: model.name,
    vendor: model.vendor,
    vendorName: model.vendorName,
    aliases: model.aliases.length > 0 ? model.aliases : undefined,
    context: model.contextWindow,
    maxOutput: model.maxOutputTokens,
    input: p?.input,
    output: p?.output,
    cacheRead: lowestCacheRead(model),
    providers,
    offers: offers(model, providers),
    inputModalities: model.modalities.input,
    outputModalities: model.modalities.output,
    capabilities: CAPABILITY_KEYS.filter((k) => model.capabilities[k]),
    released: model.releaseDate,
    cutoff: model.knowledgeCutoff,
    status: model.status,
    retirementDate: model.retirementDate,
    deprecationDate: model.deprecationDate,
    openWeights: model.openWeights,
    lastChange,
  })
}

/** Free to use: the cheapest endpoint charges nothing for input or output. */
export const isFree = (row: ModelRow) => row.input === 0 && row.output === 0

/** Id → display name, for the vendor and provider filters. */
export type Facet = [id: string, name: string][]

/** What the models index page hands its table: every model as a row, by name, and the filters' vendors and providers. */
export interface ModelsIndexData {
  rows: ModelRow[]
  vendors: Facet
  providers: Facet
}

/**
 * `lastChange` gives a model's newest price change: the price histories are not part of `Model`
 * (lib/catalog/types.ts), and their derivations (exact decimals) stay out of the index's client bundle.
 */
export function modelsIndexData(
  models: readonly Model[],
  lastChange: (model: Model) => PriceMove | undefined = () => undefined,
): ModelsIndexData {
  // Made here, not when the module loads: the index's client bundle imports this module too.
  const byName = new Intl.Collator('en', { sensitivity: 'base', numeric: true })
  const rows = models
    .map((m) => toModelRow(m, lastChange(m)))
    .sort((a, b) => byName.compare(a.name, b.name) || a.id.localeCompare(b.id))
  const vendors = new Map<string, string>()
  const providers = new Map<string, string>()
  for (const m of models) {
    vendors.set(m.vendor, m.vendorName)
    for (const e of m.endpoints) providers.set(e.provider, e.providerName)
  }
  const facet = (m: Map<string, string>): Facet => [...m].sort((a, b) => byName.compare(a[1], b[1]))
  return { rows, vendors: facet(vendors), providers: facet(providers) }
}

/**
 * A row with the list fields that `columns` do not show emptied: small tables hand their rows to
 * a client component, and every byte of a row is in the page twice (HTML and RSC payload).
 */
export function slimRow(row: ModelRow, columns: readonly string[]): ModelRow {
  const slim: ModelRow = { ...row, providers: columns.includes('providers') ? row.providers : [] }
  if (!columns.includes('modalities')) slim.inputModalities = []
  slim.outputModalities = []
  if (!columns.includes('capabilities')) slim.capabilities = []
  delete slim.aliases
  delete slim.offers
  if (!columns.includes('cutoff')) delete slim.cutoff
  return slim
}
