/**
 * LiteLLM's model price map → enrichment of models that already exist. Pure. Matching needs the
 * catalog's state and lives in apply.ts; this module maps keys, combines the entries that describe
 * one model and compares them with the model's first-party endpoint.
 *
 * Rules:
 * - LiteLLM never creates models or endpoints, and its prices and limits are never imported (the
 *   per-provider rows of models.dev and OpenRouter are the source for endpoints). Where its
 *   first-party price or limits differ from the model's first-party endpoint, the report says so.
 * - Only first-party entries count: `litellm_provider` must be the vendor's own API
 *   (LITELLM_VENDORS). Clouds, aggregators, resellers and subscriptions (bedrock, azure,
 *   openrouter, together_ai, fireworks_ai, chatgpt, …) are skipped: their flags and dates are
 *   theirs, not the vendor's.
 * - The key minus a leading `<provider>/` (and a second `<vendor>/` naming the same vendor) is the
 *   model's name. Keys that still contain a `/` (`1024-x-1024/dall-e-2`, `perplexity/openai/…`)
 *   and fine-tuning prices (`ft:…`) name no catalog model and are skipped by reason.
 * - Matching (apply.ts): the name equals the model's bare id, then one of its aliases; then the
 *   normalised forms (lower case, `.` = `-`), each of which is reported. Never across vendors,
 *   never with a snapshot date dropped (dated snapshots are priced and retired on their own).
 * - Several entries may describe one model (`gemini/gemini-2.5-pro` and Vertex's
 *   `gemini-2.5-pro`, an id and its dated alias): flags are combined (any entry says true), mode
 *   and deprecation date come from the best entry (exact id before alias before normalised;
 *   then the provider order below).
 * - Flags only switch on: parallelToolCalls, webSearch, promptCaching, structuredOutputs and
 *   jsonMode (both from supports_response_schema), reasoning, vision and fileInput. A LiteLLM
 *   `false` where the catalog says true is reported, and the flag stays on. A `true` is not
 *   taken (and is reported) where it contradicts the catalog or is not the vendor's:
 *   - vision / fileInput need the model's input modalities to list image / file (LiteLLM never
 *     adds a modality); parallelToolCalls needs tool calling (capabilities.tools);
 *   - promptCaching needs a cache-read price in the same entry (the catalog's own rule: caching
 *     is a cache-read price; LiteLLM marks caching on models whose vendor has none, e.g. gpt-4);
 *   - supports_response_schema on a provider where LiteLLM marks native structured output
 *     (supports_native_structured_output, Anthropic) counts only where it is native: elsewhere
 *     on that provider it is LiteLLM's own emulation through tool calls.
 * - mode: only a model whose mode is `chat` changes, and only to embedding, rerank,
 *   audio-transcription, audio-speech, moderation or image-generation. A mode that writes no
 *   text (image-generation, audio-speech) is not given to a model whose outputs include text
 *   (Gemini's image models: they stay `chat`, as detectMode keeps them).
 * - deprecation_date on or before `today` → status deprecated and deprecationDate; later →
 *   deprecationDate only. `today` is passed in by the caller.
 */
import type { Capabilities, Capability, Endpoint, Modality, Mode } from '@/lib/catalog/schema'
import { CAPABILITY_KEYS } from '@/lib/catalog/schema'

import { shiftDecimal } from '../../decimal'
import { tokens } from '../../facts'
import { firstPartyRank } from '../../first-party'
import type { LiteLLMEntry } from '../../input'

/**
 * litellm_provider → our vendor id, for the vendors' own APIs only. Several providers of one
 * vendor are listed in order of preference (the vendor's developer API before its cloud).
 */
export const LITELLM_VENDORS: Readonly<Record<string, string>> = {
  openai: 'openai',
  'text-completion-openai': 'openai',
  anthropic: 'anthropic',
  gemini: 'google',
  'vertex_ai-language-models': 'google',
  'vertex_ai-embedding-models': 'google',
  'vertex_ai-image-models': 'google',
  'vertex_ai-video-models': 'google',
  'vertex_ai-text-models': 'google',
  vertex_ai: 'google',
  palm: 'google',
  mistral: 'mistral',
  codestral: 'mistral',
  'text-completion-codestral': 'mistral',
  xai: 'xai',
  deepseek: 'deepseek',
  cohere_chat: 'cohere',
  cohere: 'cohere',
  perplexity: 'perplexity',
  moonshot: 'moonshotai',
  dashscope: 'alibaba',
  zai: 'zhipuai',
  minimax: 'minimax',
  meta_llama: 'meta',
  meta: 'meta',
  nvidia_nim: 'nvidia',
  tencent: 'tencent',
  sarvam: 'sarvam',
  ai21: 'ai21',
  amazon_nova: 'amazon',
  voyage: 'voyage',
}

/** A provider's place among its vendor's providers in LITELLM_VENDORS (lower is preferred). */
export function providerPreference(provider: string): number {
  const vendor = LITELLM_VENDORS[provider]
  return Object.keys(LITELLM_VENDORS)
    .filter((p) => LITELLM_VENDORS[p] === vendor)
    .indexOf(provider)
}

/** LiteLLM mode → ours, for the modes the importer may set (see the rules above). */
export const LITELLM_MODES: Readonly<Record<string, Mode>> = {
  embedding: 'embedding',
  rerank: 'rerank',
  audio_transcription: 'audio-transcription',
  audio_speech: 'audio-speech',
  moderation: 'moderation',
  image_generation: 'image-generation',
}

/** Modes that write no text: not given to a model whose outputs include text. */
const NO_TEXT_MODES: ReadonlySet<Mode> = new Set(['image-generation', 'audio-speech'])

/** Capability flag ← LiteLLM field. */
export const LITELLM_FLAGS: ReadonlyArray<readonly [Capability, keyof LiteLLMEntry]> = [
  ['parallelToolCalls', 'supports_parallel_function_calling'],
  ['vision', 'supports_vision'],
  ['fileInput', 'supports_pdf_input'],
  ['promptCaching', 'supports_prompt_caching'],
  ['structuredOutputs', 'supports_response_schema'],
  ['jsonMode', 'supports_response_schema'],
  ['webSearch', 'supports_web_search'],
  ['reasoning', 'supports_reasoning'],
]

/** Flags that need an input modality the model must already have. */
const NEEDS_MODALITY: Partial<Record<Capability, Modality>> = { vision: 'image', fileInput: 'file' }

/**
 * What one entry says about a flag: on, off, nothing, or a `true` that does not count (why).
 * `nativeStructured`: providers whose entries mark supports_native_structured_output.
 */
function claim(
  flag: Capability,
  field: keyof LiteLLMEntry,
  c: LiteLLMCandidate,
  nativeStructured: ReadonlySet<string>,
): 'on' | 'off' | { unbacked: string } | undefined {
  const v = c.entry[field]
  if (v === false) return 'off'
  if (v !== true) return undefined
  if (flag === 'promptCaching' && typeof c.entry.cache_read_input_token_cost !== 'number')
    return { unbacked: 'no cache-read price in the entry' }
  if (
    (flag === 'structuredOutputs' || flag === 'jsonMode') &&
    nativeStructured.has(c.provider) &&
    c.entry.supports_native_structured_output !== true
  ) {
    return { unbacked: 'not native on this provider (LiteLLM emulates it)' }
  }
  return 'on'
}

/** The fields the importer reads (everything else in an entry is counted as not used). */
export const LITELLM_USED_FIELDS: ReadonlySet<string> = new Set([
  'litellm_provider',
  'mode',
  'max_input_tokens',
  'max_output_tokens',
  'input_cost_per_token',
  'output_cost_per_token',
  'cache_read_input_token_cost',
  'deprecation_date',
  'supports_native_structured_output',
  ...LITELLM_FLAGS.map(([, f]) => f),
])

export interface LiteLLMCandidate {
  /** The key as LiteLLM spells it, e.g. `gemini/gemini-2.5-pro`. */
  key: string
  provider: string
  /** Our vendor id. */
  vendor: string
  /** The key without its provider prefix: what is matched against ids and aliases. */
  name: string
  entry: LiteLLMEntry
}

export type LiteLLMMapped = { ok: true; candidate: LiteLLMCandidate } | { ok: false; reason: string; example: string }

/**
 * One entry → a candidate for matching, or the reason it cannot name a catalog model.
 * `providerNames`: every litellm_provider in the file (a key's first segment is stripped when it
 * is one of them, or a provider in LITELLM_VENDORS).
 */
export function mapLiteLLMEntry(
  key: string,
  entry: LiteLLMEntry,
  providerNames: ReadonlySet<string>,
  vendorExists: (v: string) => boolean,
): LiteLLMMapped {
  const provider = entry.litellm_provider
  if (!provider) return { ok: false, reason: 'no litellm_provider: not a model entry', example: key }
  const vendor = LITELLM_VENDORS[provider]
  if (!vendor)
    return {
      ok: false,
      reason: "not a vendor's own API (cloud, aggregator, reseller or subscription)",
      example: provider,
    }
  if (!vendorExists(vendor))
    return { ok: false, reason: 'vendor without content/vendors/<vendor>.yaml', example: `${vendor} (${provider})` }
  if (key.startsWith('ft:')) return { ok: false, reason: 'fine-tuning price (ft:…), not a model', example: key }
  let name = key
  const slash = name.indexOf('/')
  if (slash > 0 && (providerNames.has(name.slice(0, slash)) || name.slice(0, slash) in LITELLM_VENDORS))
    name = name.slice(slash + 1)
  else if (slash >= 0)
    return { ok: false, reason: 'size- or quality-specific price (the key has a path)', example: key }
  const inner = name.indexOf('/')
  if (inner >= 0) {
    const ns = name.slice(0, inner)
    if (ns === vendor || LITELLM_VENDORS[ns] === vendor) name = name.slice(inner + 1)
    if (name.includes('/'))
      return {
        ok: false,
        reason: "the key has a second namespace (another vendor's model on this provider, or a preset)",
        example: key,
      }
  }
  if (!name) return { ok: false, reason: 'empty model name', example: key }
  return { ok: true, candidate: { key, provider, vendor, name, entry } }
}

/** A matched entry and how it matched (0 id, 1 alias, 2 normalised id, 3 normalised alias). */
export interface LiteLLMMatch {
  candidate: LiteLLMCandidate
  rank: number
}

/**
 * Best entry first: exact before normalised, id before alias, then provider preference, then the
 * plainer key (`perplexity/sonar` before `perplexity/perplexity/sonar`), then key order.
 */
export function orderMatches(list: LiteLLMMatch[]): LiteLLMMatch[] {
  const depth = (m: LiteLLMMatch) => m.candidate.key.split('/').length
  return [...list].sort(
    (a, b) =>
      a.rank - b.rank ||
      providerPreference(a.candidate.provider) - providerPreference(b.candidate.provider) ||
      depth(a) - depth(b) ||
      a.candidate.key.localeCompare(b.candidate.key),
  )
}

export interface ModelView {
  mode: Mode
  modalities: { input: Modality[]; output: Modality[] }
  capabilities: Capabilities
}

export interface Enrichment {
  /** The capabilities with every flag LiteLLM switches on. */
  capabilities: Capabilities
  /** LiteLLM says true and the input modality it needs is there: switched on (or already on). */
  flagsOn: Capability[]
  /** LiteLLM says false where the catalog says true: kept on. */
  keptOn: Capability[]
  /** LiteLLM says true, but it does not count or the model lacks what the flag needs: not set. */
  notSet: Array<{ flag: Capability; why: string }>
  /** The mode to set, if any. */
  mode?: Mode
  /** LiteLLM's mode where it is not applied, with why. */
  modeNotApplied?: { litellm: string; why: string }
  deprecationDate?: string
  /** The deprecation date is on or before today. */
  deprecated: boolean
  /** Entries that give another deprecation date than the one used. */
  otherDates: string[]
}

/**
 * What the matched entries (best first) say about a model, given the model as it stands.
 * `nativeStructured`: providers whose entries mark supports_native_structured_output.
 */
export function enrich(
  model: ModelView,
  matches: LiteLLMMatch[],
  today: string,
  nativeStructured: ReadonlySet<string> = new Set(),
): Enrichment {
  const entries = matches.map((m) => m.candidate.entry)
  const capabilities = { ...model.capabilities }
  const flagsOn: Capability[] = []
  const keptOn: Capability[] = []
  const notSet: Enrichment['notSet'] = []
  for (const [flag, field] of LITELLM_FLAGS) {
    const claims = matches.map((m) => claim(flag, field, m.candidate, nativeStructured))
    const unbacked = claims.find((c): c is { unbacked: string } => typeof c === 'object')
    if (claims.includes('on')) {
      const needs = NEEDS_MODALITY[flag]
      let why: string | undefined
      if (needs && !model.modalities.input.includes(needs)) why = `no ${needs} input: LiteLLM adds no modality`
      else if (flag === 'parallelToolCalls' && !capabilities.tools) why = 'the model has no tool calling'
      if (why) {
        if (!capabilities[flag]) notSet.push({ flag, why })
        continue
      }
      flagsOn.push(flag)
      capabilities[flag] = true
    } else if (unbacked && !capabilities[flag]) notSet.push({ flag, why: unbacked.unbacked })
    else if (claims.includes('off') && capabilities[flag]) keptOn.push(flag)
  }

  const out: Enrichment = {
    capabilities: Object.fromEntries(CAPABILITY_KEYS.map((k) => [k, capabilities[k]])) as Capabilities,
    flagsOn,
    keptOn,
    notSet,
    deprecated: false,
    otherDates: [],
  }

  const litellmMode = entries[0]?.mode
  if (litellmMode && litellmMode !== 'chat' && model.mode === 'chat') {
    const mode = LITELLM_MODES[litellmMode]
    if (!mode) out.modeNotApplied = { litellm: litellmMode, why: 'no counterpart the importer sets' }
    else if (NO_TEXT_MODES.has(mode) && model.modalities.output.includes('text'))
      out.modeNotApplied = { litellm: litellmMode, why: 'the model also writes text: kept chat' }
    else out.mode = mode
  }

  const dated = matches.filter((m) => m.candidate.entry.deprecation_date)
  const date = dated[0]?.candidate.entry.deprecation_date ?? undefined
  if (date) {
    out.deprecationDate = date
    out.deprecated = date <= today
    out.otherDates = dated
      .filter((m) => m.candidate.entry.deprecation_date !== date)
      .map((m) => `${m.candidate.key} ${m.candidate.entry.deprecation_date}`)
  }
  return out
}

/** USD per token (a JS number) → USD per 1M tokens, exactly (1.25e-7 → 0.125). */
export function perMillion(n: number | null | undefined): number | undefined {
  if (typeof n !== 'number' || !Number.isFinite(n)) return undefined
  const s = shiftDecimal(String(n), 6)
  return s === undefined ? undefined : Number(s)
}

/** The model's first-party endpoint (the vendor's own API), if it has one. */
export function firstPartyEndpoint(vendor: string, endpoints: readonly Endpoint[]): Endpoint | undefined {
  return endpoints
    .filter((e) => firstPartyRank(vendor, e.provider) >= 0)
    .sort((a, b) => firstPartyRank(vendor, a.provider) - firstPartyRank(vendor, b.provider))[0]
}

/**
 * Where a LiteLLM entry's price (USD per 1M tokens) or limits differ from an endpoint's:
 * `input 2.5 ≠ 2.75`. LiteLLM's max_input_tokens is an input limit, our contextWindow the whole
 * window: they only count as different when max_input_tokens is neither the window nor the
 * window minus the max output.
 */
export function compareWithEndpoint(entry: LiteLLMEntry, endpoint: Endpoint): string[] {
  const out: string[] = []
  const price = (label: string, litellm: number | undefined, ours: number | undefined) => {
    if (litellm !== undefined && litellm !== ours) out.push(`${label} ${litellm} ≠ ${ours ?? '(none)'}`)
  }
  price('input', perMillion(entry.input_cost_per_token), endpoint.pricing.input)
  price('output', perMillion(entry.output_cost_per_token), endpoint.pricing.output)
  price('cacheRead', perMillion(entry.cache_read_input_token_cost), endpoint.pricing.cacheRead)
  const maxIn = tokens(entry.max_input_tokens)
  const maxOut = tokens(entry.max_output_tokens)
  if (
    maxIn !== undefined &&
    maxIn !== endpoint.contextWindow &&
    maxIn + (maxOut ?? 0) !== endpoint.contextWindow &&
    maxIn + (endpoint.maxOutputTokens ?? 0) !== endpoint.contextWindow
  ) {
    out.push(`max_input_tokens ${maxIn} ≠ contextWindow ${endpoint.contextWindow}`)
  }
  if (maxOut !== undefined && endpoint.maxOutputTokens !== undefined && maxOut !== endpoint.maxOutputTokens) {
    out.push(`max_output_tokens ${maxOut} ≠ maxOutputTokens ${endpoint.maxOutputTokens}`)
  }
  return out
}
