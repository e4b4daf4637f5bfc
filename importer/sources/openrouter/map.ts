/**
 * OpenRouter `/api/v1/models` entries → model candidates with an `openrouter` endpoint. Pure.
 * Matching them to existing models needs the catalog's state and lives in apply.ts.
 *
 * Mapping rules:
 * - Prices are USD per token as decimal strings and become USD per 1M tokens by shifting the
 *   decimal point (exact; see decimal.ts): prompt → input, completion → output,
 *   input_cache_read → cacheRead, input_cache_write → cacheWrite, internal_reasoning → reasoning.
 *   `request` is USD per request and is copied unscaled (a zero request fee is left out).
 *   `image` is not copied: in this API it is priced per image *token* (it equals the prompt
 *   price), while our `image` field is USD per input image; it is reported as ignored.
 *   `web_search` (price of OpenRouter's search plugin) and `audio` have no price field; a
 *   web_search price does set the webSearch capability.
 * - endpoint: provider `openrouter`, modelId = the OpenRouter id, contextWindow = context_length,
 *   maxOutputTokens = top_provider.max_completion_tokens; status deprecated when OpenRouter
 *   announces an expiration_date, else available.
 * - parameters = supported_parameters (sorted), each with its default from default_parameters
 *   where that is a number, string or boolean.
 * - tokenizer as given (`GPT`, `Claude`, `Llama3`, …), except the placeholders `Other` and
 *   `Router`, which say nothing.
 * - moderated = top_provider.is_moderated. knowledgeCutoff = the month of knowledge_cutoff.
 * - capabilities: tools = `tools` parameter; reasoning = `reasoning`/`include_reasoning`;
 *   structuredOutputs = `structured_outputs`; jsonMode = `response_format` (or structured
 *   outputs); parallelToolCalls = `parallel_tool_calls`; webSearch = `web_search_options` or a
 *   web_search price; vision / fileInput = image / file input; streaming = mode is chat.
 * - For models created from OpenRouter alone: name without the "Vendor: " prefix, releaseDate =
 *   the date OpenRouter listed the model (`created`), openWeights = it names a Hugging Face repo.
 * - Skipped: `~vendor/…-latest` floating aliases (they point at whichever model is newest),
 *   routers with variable (negative) prices, entries without a context length.
 */
import type { Endpoint, Parameter, Pricing } from '@/lib/catalog/schema'
import { parameterSchema } from '@/lib/catalog/schema'

import { decimalToNumber, perTokenToPerMillion } from '../../decimal'
import { cleanModelName, detectMode, mapModalities, tokens, toMonth, unixToDate } from '../../facts'
import { OPENROUTER_VENDOR_MAP, safeSegment, stripVariantSuffix } from '../../ids'
import type { OpenRouterModel } from '../../input'
import { orderPricing } from '../../order'
import { ORG_VENDORS } from '../../resolve'
import type { ModelFacts, Tally } from '../../types'

export const OPENROUTER_PROVIDER = 'openrouter'

/** The provider file written when an OpenRouter import needs it and none exists. */
export const OPENROUTER_PROVIDER_FILE = {
  name: 'OpenRouter',
  website: 'https://openrouter.ai',
  docs: 'https://openrouter.ai/docs',
  baseUrl: 'https://openrouter.ai/api/v1',
}

const PLACEHOLDER_TOKENIZERS = new Set(['other', 'router'])

export interface OpenRouterCandidate {
  /** The OpenRouter id, e.g. `x-ai/grok-4.1-fast:free`. */
  sourceId: string
  /** Our vendor id for its prefix (`x-ai` → `xai`). */
  vendor: string
  /** The model part without a variant suffix, lower-case (`grok-4.1-fast`). */
  base: string
  /** `free`, `beta`, `thinking`, … */
  suffix: string | undefined
  facts: ModelFacts
  endpoint: Endpoint
}

export type OpenRouterMapped = { ok: true; candidate: OpenRouterCandidate } | { ok: false; reason: string }

function parameters(m: OpenRouterModel, ignored: Tally): Parameter[] {
  const defaults = m.default_parameters ?? {}
  const names = [...new Set(m.supported_parameters ?? [])].sort()
  const out: Parameter[] = []
  for (const name of names) {
    const d = defaults[name]
    const p: Parameter = { name }
    if (typeof d === 'number' || typeof d === 'string' || typeof d === 'boolean') p.default = d
    if (parameterSchema.safeParse(p).success) out.push(p)
    else ignored(`parameter name not in snake_case`, `${m.id}: ${name}`)
  }
  return out
}

export function mapOpenRouterModel(m: OpenRouterModel, ignored: Tally): OpenRouterMapped {
  const slash = m.id.indexOf('/')
  if (slash < 0) return { ok: false, reason: 'id without a vendor prefix' }
  const prefix = m.id.slice(0, slash).toLowerCase()
  if (prefix.startsWith('~'))
    return { ok: false, reason: 'floating alias (~vendor/…-latest): points at whichever model is newest' }
  const { base, suffix } = stripVariantSuffix(m.id.slice(slash + 1))

  const p = m.pricing
  const input = perTokenToPerMillion(p.prompt)
  const output = perTokenToPerMillion(p.completion)
  if (input === undefined || output === undefined)
    return { ok: false, reason: 'prompt/completion price is not a number' }
  if (input < 0 || output < 0) return { ok: false, reason: 'variable price (negative): a router, not a model' }
  const pricing: Pricing = { input, output }
  const optional = [
    ['input_cache_read', 'cacheRead'],
    ['input_cache_write', 'cacheWrite'],
    ['internal_reasoning', 'reasoning'],
  ] as const
  for (const [from, to] of optional) {
    const raw = p[from]
    if (raw == null) continue
    const v = perTokenToPerMillion(raw)
    if (v === undefined || v < 0) return { ok: false, reason: `${from} price is not a usable number` }
    pricing[to] = v
  }
  if (p.request != null) {
    const v = decimalToNumber(p.request)
    if (v !== undefined && v > 0) pricing.request = v
  }
  if (p.image != null && p.image !== '0') ignored('image price (per image token here; our field is per image)', m.id)
  if (p.audio != null && p.audio !== '0') ignored('audio price (no field in the schema)', m.id)

  const contextWindow = tokens(m.context_length) ?? tokens(m.top_provider?.context_length)
  if (contextWindow === undefined) return { ok: false, reason: 'no context length' }
  const maxOutputTokens = tokens(m.top_provider?.max_completion_tokens)
  const endpoint: Endpoint = {
    provider: OPENROUTER_PROVIDER,
    modelId: m.id,
    contextWindow,
    ...(maxOutputTokens !== undefined ? { maxOutputTokens } : {}),
    pricing: orderPricing(pricing),
    status: m.expiration_date ? 'deprecated' : 'available',
  }

  const inputs = mapModalities(m.architecture.input_modalities)
  const outputs = mapModalities(m.architecture.output_modalities)
  for (const u of [...inputs.unknown, ...outputs.unknown]) ignored(`unknown modality "${u}"`, m.id)
  const params = new Set(m.supported_parameters ?? [])
  const vendor = OPENROUTER_VENDOR_MAP[prefix] ?? ORG_VENDORS[prefix] ?? safeSegment(prefix)
  const mode = detectMode(`${vendor}/${base}`, inputs.value, outputs.value)
  const structuredOutputs = params.has('structured_outputs')
  const facts: ModelFacts = {
    name: cleanModelName(m.name),
    status: 'available',
    releaseDate: unixToDate(m.created),
    knowledgeCutoff: toMonth(m.knowledge_cutoff),
    mode,
    modalities:
      inputs.value.length && outputs.value.length ? { input: inputs.value, output: outputs.value } : undefined,
    capabilities: {
      tools: params.has('tools'),
      parallelToolCalls: params.has('parallel_tool_calls'),
      vision: inputs.value.includes('image'),
      fileInput: inputs.value.includes('file'),
      structuredOutputs,
      jsonMode: params.has('response_format') || structuredOutputs,
      webSearch: params.has('web_search_options') || (p.web_search != null && p.web_search !== '0'),
      reasoning: params.has('reasoning') || params.has('include_reasoning'),
      streaming: mode === 'chat',
    },
    moderated: typeof m.top_provider?.is_moderated === 'boolean' ? m.top_provider.is_moderated : undefined,
    openWeights: !!m.hugging_face_id,
    contextWindow,
    maxOutputTokens,
    parameters: parameters(m, ignored),
  }
  const tokenizer = m.architecture.tokenizer?.trim()
  if (tokenizer && !PLACEHOLDER_TOKENIZERS.has(tokenizer.toLowerCase())) facts.tokenizer = tokenizer
  return { ok: true, candidate: { sourceId: m.id, vendor, base: base.toLowerCase(), suffix, facts, endpoint } }
}
