/**
 * What the compare page shows for its URL: the models asked for (by id, alias or name), those
 * left out (over the limit, or not in the catalog), and what of each crosses to the browser.
 * Pure: the page passes the catalog's models.
 */
import type { Model } from '@/lib/catalog/types'

import { parseCompareParams } from './params'
import type { CompareGroup } from './rows'
import { compareGroups } from './rows'
import type { CompareParams } from './url'
import { compareHref, MAX_MODELS, MIN_MODELS } from './url'
import type { PricedEndpoint } from './workload'

/** A model as the picker needs it: a handful of strings, never the document. */
export interface PickerOption {
  id: string
  name: string
  vendor: string
  vendorName: string
  aliases?: string[]
}

/** A chosen model as the browser receives it: what the workload calculator prices. */
export interface CompareModelView {
  id: string
  name: string
  vendorName: string
  endpoints: PricedEndpoint[]
}

/** The page's query, as Next hands it over. */
type RawParams = Record<string, string | string[] | undefined>

export interface Selection {
  /** The URL's state with the ids of the models compared (resolved, at most MAX_MODELS). */
  params: CompareParams
  chosen: Model[]
  /** Found, but past MAX_MODELS. */
  dropped: Model[]
  /** Ids the catalog does not know. */
  unknown: string[]
  /** The plain URL of this comparison (the unknown ids left out). */
  href: string
  /** Where to send a submit of the picker's no-JavaScript form (`add=`): the plain URL of the new set. */
  redirect?: string
}

export function selectModels(raw: RawParams, models: readonly Model[]): Selection {
  const parsed = parseCompareParams(raw)
  const { found, unknown } = resolveIds(parsed.ids, models)
  const chosen = found.slice(0, MAX_MODELS)
  const params = { ...parsed, ids: chosen.map((m) => m.id) }
  const href = compareHref(params)
  return {
    params,
    chosen,
    dropped: found.slice(MAX_MODELS),
    unknown,
    href,
    ...(raw.add !== undefined && unknown.length === 0 ? { redirect: href } : {}),
  }
}

/** "A vs B: prices, limits and capabilities"; `undefined` with fewer than MIN_MODELS models (nothing to compare). */
export function comparisonTitle(chosen: readonly Model[]): string | undefined {
  if (chosen.length < MIN_MODELS) return undefined
  return `${chosen.map((m) => m.name).join(' vs ')}: prices, limits and capabilities`
}

/** The comparison's rows and, per model, only what the browser needs (never the documents). */
export function comparison(chosen: Model[]): { models: CompareModelView[]; groups: CompareGroup[] } {
  const models = chosen.map((m) => ({
    id: m.id,
    name: m.name,
    vendorName: m.vendorName,
    endpoints: pricedEndpoints(m),
  }))
  return { models, groups: compareGroups(chosen) }
}

/**
 * A model's endpoints as the workload calculator needs them: prices, status and the limits a
 * workload must fit (an endpoint without its own maximum output takes the model's).
 */
export function pricedEndpoints(m: Model): PricedEndpoint[] {
  return m.endpoints.map((e) => {
    const out = e.maxOutputTokens ?? m.maxOutputTokens
    return {
      provider: e.provider,
      providerName: e.providerName,
      pricing: e.pricing,
      status: e.status,
      ...(e.offer ? { offer: e.offer } : {}),
      contextWindow: e.contextWindow,
      ...(out !== undefined ? { maxOutputTokens: out } : {}),
    }
  })
}

const options = new WeakMap<readonly Model[], PickerOption[]>()
/** Every model as a picker option; made once per list of models. */
export function pickerOptions(models: readonly Model[]): PickerOption[] {
  let list = options.get(models)
  if (!list) {
    list = models.map((m) => {
      const o: PickerOption = { id: m.id, name: m.name, vendor: m.vendor, vendorName: m.vendorName }
      if (m.aliases.length) o.aliases = m.aliases
      return o
    })
    options.set(models, list)
  }
  return list
}

/**
 * Looks up what a reader gave: full ids, then aliases, then a bare model id or an exact name
 * naming one model (what someone types into the picker without JavaScript).
 */
export function resolveIds(ids: string[], models: readonly Model[]): { found: Model[]; unknown: string[] } {
  const byId = new Map(models.map((m) => [m.id, m]))
  const found: Model[] = []
  const unknown: string[] = []
  for (const id of ids) {
    const lower = id.toLowerCase()
    const m =
      byId.get(id) ??
      unique(models.filter((x) => x.aliases.includes(id) || x.aliases.includes(id.split('/').pop() ?? ''))) ??
      unique(models.filter((x) => x.id.split('/')[1] === id)) ??
      unique(models.filter((x) => x.name.toLowerCase() === lower))
    if (!m) unknown.push(id)
    else if (!found.includes(m)) found.push(m)
  }
  return { found, unknown }
}

const unique = <T>(xs: T[]): T | undefined => (xs.length === 1 ? xs[0] : undefined)
