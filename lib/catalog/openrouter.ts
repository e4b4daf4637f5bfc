/**
 * The catalog in the shape of OpenRouter's `GET /api/v1/models` (and its per-model endpoints
 * list): prices as USD-per-token decimal strings, exact.
 */
import Big from 'big.js'

import type { HistoryEndpoint } from './price-history'
import { firstRecorded, pricingOn, resolvePeriods } from './price-history'
import type { Pricing } from './schema'
import type { EndpointView, Model, Router } from './types'

/** USD per 1M tokens → USD per token, as an exact decimal string ("0.15" → "0.00000015"). */
export const perToken = (perMillion: number) => new Big(perMillion).div(1_000_000).toFixed()

export function pricingStrings(p: Pricing): Record<string, string> {
  const out: Record<string, string> = { prompt: perToken(p.input), completion: perToken(p.output) }
  if (p.cacheRead !== undefined) out.input_cache_read = perToken(p.cacheRead)
  if (p.cacheWrite !== undefined) out.input_cache_write = perToken(p.cacheWrite)
  if (p.reasoning !== undefined) out.internal_reasoning = perToken(p.reasoning)
  if (p.request !== undefined) out.request = new Big(p.request).toFixed()
  if (p.image !== undefined) out.image = new Big(p.image).toFixed()
  return out
}

/** A release date as Unix seconds; null when the release date is unknown (never a made-up date). */
const epochSeconds = (isoDate: string | undefined) =>
  isoDate === undefined ? null : Math.floor(Date.parse(`${isoDate}T00:00:00Z`) / 1000)

export function toOpenRouterModel(m: Model) {
  const top = m.cheapest ?? m.endpoints[0]
  return {
    id: m.id,
    canonical_slug: m.id,
    name: `${m.vendorName}: ${m.name}`,
    created: epochSeconds(m.releaseDate),
    description: m.summary,
    context_length: m.contextWindow,
    architecture: {
      modality: `${m.modalities.input.join('+')}->${m.modalities.output.join('+')}`,
      input_modalities: m.modalities.input,
      output_modalities: m.modalities.output,
      tokenizer: m.tokenizer ?? null,
      instruct_type: null,
    },
    pricing: top ? pricingStrings(top.pricing) : { prompt: '0', completion: '0' },
    top_provider: {
      context_length: top?.contextWindow ?? m.contextWindow,
      max_completion_tokens: top?.maxOutputTokens ?? m.maxOutputTokens ?? null,
      is_moderated: m.moderated,
    },
    per_request_limits: null,
    supported_parameters: m.parameters.map((p) => p.name),
    default_parameters: Object.fromEntries(
      m.parameters.filter((p) => p.default !== undefined).map((p) => [p.name, p.default]),
    ),
    knowledge_cutoff: m.knowledgeCutoff ?? null,
    expiration_date: m.retirementDate ?? null,
    status: m.status,
    aliases: m.aliases,
    links: { details: `/api/v1/models/${m.id}/endpoints` },
  }
}

function toOpenRouterEndpoint(e: EndpointView) {
  return {
    provider: e.provider,
    provider_name: e.providerName,
    model: e.modelId,
    context_length: e.contextWindow,
    max_completion_tokens: e.maxOutputTokens ?? null,
    pricing: pricingStrings(e.pricing),
    status: e.status,
    // Not OpenRouter's: set where the price is not a list price (trial, promotional, …; offers.ts).
    ...(e.offer ? { offer: e.offer } : {}),
  }
}

export function toOpenRouterEndpoints(m: Model) {
  return {
    data: {
      id: m.id,
      name: `${m.vendorName}: ${m.name}`,
      created: epochSeconds(m.releaseDate),
      description: m.summary,
      architecture: toOpenRouterModel(m).architecture,
      endpoints: m.endpoints.map(toOpenRouterEndpoint),
    },
  }
}

/** A router as an entry of the models list: `pricing` is the weighted (expected) price, `pricing_range` the spread. */
export function toOpenRouterRouterModel(r: Router, models: Map<string, Model>) {
  const variantModels = r.variants.map((v) => models.get(v.model)).filter((m): m is Model => m !== undefined)
  const inputs = variantModels.map((m) => m.modalities.input)
  const outputs = variantModels.map((m) => m.modalities.output)
  const common = (lists: string[][]) => (lists[0] ?? []).filter((x) => lists.every((l) => l.includes(x)))
  return {
    id: r.id,
    canonical_slug: r.id,
    name: `Router: ${r.name}`,
    created: Math.max(0, ...variantModels.map((m) => epochSeconds(m.releaseDate) ?? 0)),
    description: r.description,
    context_length: Math.min(...variantModels.map((m) => m.contextWindow)),
    architecture: {
      modality: `${common(inputs).join('+')}->${common(outputs).join('+')}`,
      input_modalities: common(inputs),
      output_modalities: common(outputs),
      tokenizer: 'Router',
      instruct_type: null,
    },
    pricing: r.blended
      ? { prompt: perToken(r.blended.input), completion: perToken(r.blended.output) }
      : { prompt: '0', completion: '0' },
    pricing_range: r.range ? { prompt: r.range.input.map(perToken), completion: r.range.output.map(perToken) } : null,
    top_provider: {
      context_length: Math.min(...variantModels.map((m) => m.contextWindow)),
      max_completion_tokens: null,
      is_moderated: variantModels.some((m) => m.moderated),
    },
    per_request_limits: null,
    supported_parameters: common(variantModels.map((m) => m.parameters.map((p) => p.name))),
    variants: r.variants.map((v) => ({ model: v.model, weight: v.weight })),
    fallbacks: r.fallbackOrder,
    links: { details: `/routers/${r.slug}` },
  }
}

export function toRouterEntry(r: Router) {
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    variants: r.variants.map((v) => ({
      model: v.model,
      weight: v.weight,
      ...(v.defaults ? { defaults: v.defaults } : {}),
    })),
    fallbacks: r.fallbackOrder,
    pricing: r.blended ? { prompt: perToken(r.blended.input), completion: perToken(r.blended.output) } : null,
  }
}

/** One period of `pricing_history`: USD-per-token strings, `to` = the first day it no longer applied (null: current). */
export function toPricingHistory(e: HistoryEndpoint) {
  if (!e.history?.length) return null
  return resolvePeriods(e).map((p) => ({ from: p.from, to: p.to, pricing: pricingStrings(p.pricing) }))
}

/**
 * `GET /api/v1/models/<id>/endpoints` without `at`: today's endpoints, each with its
 * `pricing_history` (null where the catalog knows no past prices).
 */
export function toOpenRouterEndpointsWithHistory(m: Model, histories: HistoryEndpoint[]) {
  const byProvider = new Map(histories.map((h) => [h.provider, h]))
  const body = toOpenRouterEndpoints(m)
  return {
    data: {
      ...body.data,
      endpoints: body.data.endpoints.map((e) => {
        const h = byProvider.get(e.provider)
        return { ...e, pricing_history: h ? toPricingHistory(h) : null }
      }),
    },
  }
}

/**
 * The endpoints as they were priced on `at` (`YYYY-MM-DD`): only those with a price recorded
 * for that day, each with the prices then in force and the period they belong to. `undefined`
 * when no endpoint had one (`earliest`: the first recorded day, if any), which the route
 * answers with a 404.
 */
export function toOpenRouterEndpointsOn(
  m: Model,
  histories: HistoryEndpoint[],
  at: string,
): { body: ReturnType<typeof toOpenRouterEndpoints> & { at: string } } | { body: undefined; earliest?: string } {
  const byProvider = new Map(histories.map((h) => [h.provider, h]))
  const body = toOpenRouterEndpoints(m)
  const endpoints = body.data.endpoints.flatMap((e) => {
    const h = byProvider.get(e.provider)
    const p = h && pricingOn(h, at)
    if (!p) return []
    return [{ ...e, pricing: pricingStrings(p.pricing), pricing_period: { from: p.from, to: p.to } }]
  })
  if (!endpoints.length) return { body: undefined, earliest: firstRecorded(histories) }
  return { body: { data: { ...body.data, endpoints }, at } }
}
