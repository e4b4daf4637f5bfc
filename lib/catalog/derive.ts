/**
 * Pure derivations over validated content: joins (vendor, provider, prose), endpoint order,
 * the cheapest endpoint, summaries, similar models. Computed once per build.
 */
import Big from 'big.js'

import { priceRank } from '@/lib/pricing/cost'

import { pricesModel } from './offers'
import type { Capability } from './schema'
import { CAPABILITY_KEYS } from './schema'
import type {
  Catalog,
  EndpointView,
  Model,
  ModelDoc,
  ProseDoc,
  ProviderDoc,
  Router,
  RouterDoc,
  VendorDoc,
} from './types'

/** Markdown → one plain-text paragraph (the first), for meta descriptions and cards. */
export function summarize(markdown: string, maxLength = 200): string {
  const first = markdown.trim().split(/\n\s*\n/)[0] ?? ''
  const text = first
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`#>]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
  return clipWords(text, maxLength)
}

/**
 * `text` if it is at most `maxLength` characters, else its whole words up to that length
 * (trailing punctuation dropped) and an ellipsis, which takes the place of the space it was cut at.
 * A single word longer than the limit is cut inside it.
 */
export function clipWords(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text
  const cut = text.slice(0, maxLength)
  const space = cut.lastIndexOf(' ')
  const kept = space > 0 ? cut.slice(0, space) : cut.slice(0, maxLength - 1)
  return `${kept.replace(/[\s,;:.\u2013\u2014-]+$/, '')}…`
}

/**
 * Endpoints that price the model (offers.ts `pricesModel`) first, cheapest first (input + output
 * per 1M); then the marked offers (trial, promotional, …) and deprecated ones. At equal prices the
 * vendor's own API comes first, then the larger context window. `cheapest` is the first endpoint
 * that prices the model, if any.
 */
export function orderEndpoints(
  endpoints: ModelDoc['endpoints'],
  providerName: (id: string) => string,
  vendor?: string,
): EndpointView[] {
  const sorted = [...endpoints].sort(
    (a, b) =>
      Number(!pricesModel(a)) - Number(!pricesModel(b)) ||
      Number(a.retirementDate !== undefined) - Number(b.retirementDate !== undefined) ||
      Number(a.status === 'deprecated') - Number(b.status === 'deprecated') ||
      priceRank(a.pricing) - priceRank(b.pricing) ||
      Number(b.provider === vendor) - Number(a.provider === vendor) ||
      b.contextWindow - a.contextWindow ||
      a.provider.localeCompare(b.provider),
  )
  const first = sorted[0]
  return sorted.map(({ history: _history, ...e }, i) => ({
    ...e,
    providerName: providerName(e.provider),
    cheapest: i === 0 && first !== undefined && pricesModel(first),
  }))
}

export function buildCatalog(input: {
  models: ModelDoc[]
  vendors: VendorDoc[]
  providers: ProviderDoc[]
  prose: ProseDoc[]
  routers?: RouterDoc[]
}): Catalog {
  const vendorName = new Map(input.vendors.map((v) => [v.id, v.name]))
  const providerName = new Map(input.providers.map((p) => [p.id, p.name]))
  const prose = new Map(input.prose.map((p) => [p.id, p]))
  const models: Model[] = input.models
    .map((m) => {
      const endpoints = orderEndpoints(m.endpoints, (id) => providerName.get(id) ?? id, m.vendor)
      const p = prose.get(m.id) ?? { id: m.id, file: '', markdown: '', mdx: '' }
      return {
        ...m,
        vendorName: vendorName.get(m.vendor) ?? m.vendor,
        endpoints,
        cheapest: endpoints.find((e) => e.cheapest),
        summary: summarize(p.markdown),
        prose: p,
      }
    })
    .sort((a, b) => a.id.localeCompare(b.id))
  return {
    models,
    routers: buildRouters(input.routers ?? [], models),
    vendors: [...input.vendors].sort((a, b) => a.name.localeCompare(b.name)),
    providers: [...input.providers].sort((a, b) => a.name.localeCompare(b.name)),
  }
}

interface Features {
  caps: Set<Capability>
  inputs: string
  /** input + output per 1M at the cheapest endpoint, if priced. */
  price: number | undefined
}

// Per-model features are computed once and reused across every page's comparisons.
const featureCache = new WeakMap<Model, Features>()
function features(m: Model): Features {
  let f = featureCache.get(m)
  if (!f) {
    f = {
      caps: new Set(CAPABILITY_KEYS.filter((k: Capability) => m.capabilities[k])),
      inputs: m.modalities.input.join(),
      price: m.cheapest ? priceRank(m.cheapest.pricing) : undefined,
    }
    featureCache.set(m, f)
  }
  return f
}

/**
 * Models a reader of `model`'s page would weigh against it: same family first, then shared
 * capabilities and modalities, then nearby price (log scale). Deprecated models rank lower.
 */
export function similarModels(model: Model, all: Model[], count = 6): Model[] {
  const own = features(model)
  const scored: Array<{ m: Model; score: number }> = []
  for (const m of all) {
    if (m.id === model.id || m.mode !== model.mode) continue
    const other = features(m)
    let shared = 0
    for (const c of own.caps) if (other.caps.has(c)) shared++
    const union = own.caps.size + other.caps.size - shared || 1
    let score = (shared / union) * 3
    if (model.family && m.family === model.family) score += 3
    if (other.inputs === own.inputs) score += 0.5
    if (own.price !== undefined && other.price !== undefined) {
      score -= Math.min(2, Math.abs(Math.log10((other.price + 0.01) / (own.price + 0.01))))
    }
    if (m.status === 'deprecated') score -= 2
    scored.push({ m, score })
  }
  scored.sort((a, b) => b.score - a.score || a.m.id.localeCompare(b.m.id))
  return scored.slice(0, count).map((s) => s.m)
}

/** Routers joined with their variants' models and cheapest prices. */
export function buildRouters(routers: RouterDoc[], models: Model[]): Router[] {
  const byId = new Map(models.map((m) => [m.id, m]))
  return routers
    .map((r) => {
      const total = r.variants.reduce((s, v) => s + v.weight, 0)
      const variants = r.variants.map((v) => {
        const m = byId.get(v.model)
        return {
          ...v,
          share: v.weight / total,
          modelName: m?.name ?? v.model,
          vendorName: m?.vendorName ?? '',
          cheapest: m?.cheapest,
        }
      })
      const priced = variants.filter((v) => v.cheapest)
      const blended =
        priced.length === variants.length && priced.length > 0
          ? {
              input: Number(
                priced
                  .reduce((s, v) => s.plus(new Big(v.cheapest!.pricing.input).times(v.weight)), new Big(0))
                  .div(total)
                  .toFixed(6),
              ),
              output: Number(
                priced
                  .reduce((s, v) => s.plus(new Big(v.cheapest!.pricing.output).times(v.weight)), new Big(0))
                  .div(total)
                  .toFixed(6),
              ),
            }
          : undefined
      const inputs = priced.map((v) => v.cheapest!.pricing.input)
      const outputs = priced.map((v) => v.cheapest!.pricing.output)
      const range = priced.length
        ? {
            input: [Math.min(...inputs), Math.max(...inputs)] as [number, number],
            output: [Math.min(...outputs), Math.max(...outputs)] as [number, number],
          }
        : undefined
      const fallbackOrder = r.fallbacks ?? [...r.variants].sort((a, b) => b.weight - a.weight).map((v) => v.model)
      return { ...r, variants, blended, range, fallbackOrder }
    })
    .sort((a, b) => a.id.localeCompare(b.id))
}
