/**
 * The one case where LiteLLM creates a model: a vendor's own first-party entry for a model no
 * other source lists yet, newer than every model of the vendor that shares its name pattern (a
 * new flagship: `claude-opus-5` after `claude-opus-4-7`, `gpt-5.6-luna` after `gpt-5.5`). Old
 * entries LiteLLM still carries for retired models (`perplexity/llama-2-70b-chat`) are not newer
 * than anything and stay skipped. The model gets that vendor's price and limits from the entry,
 * on the vendor's own provider; the report lists every model created this way. Pure.
 */
import type { Endpoint, Modality, PriceTier, Pricing } from '@/lib/catalog/schema'

import { tokens } from '../../facts'
import { FIRST_PARTY } from '../../first-party'
import { orderPricing } from '../../order'
import type { ModelFacts } from '../../types'
import type { LiteLLMCandidate } from './map'
import { perMillion } from './map'

/**
 * `claude-opus-4-7` → { stem: `claude-opus-#`, prefix: `claude-opus-`, version: ['4', '7'] }.
 * The version's parts stay text: how they compare is `compareVersions`'s business.
 */
export function versionOf(name: string): { stem: string; prefix: string; version: string[] } | undefined {
  const m = /^(.*?)(\d+(?:[.-]\d+)*)(.*)$/.exec(name.toLowerCase())
  if (!m?.[1]) return undefined
  return { stem: `${m[1]}#${m[3]}`, prefix: m[1], version: m[2]!.split(/[.-]/) }
}

/**
 * Model versions are decimal numbers, not semver: the part after the first dot is a fraction.
 * xAI's Grok 4.20 is "four point two" (it came after 4.1 and before 4.3; xAI also lists it as
 * `grok-4.2-fast`), so 4.20 < 4.3 < 4.5, where comparing each dotted part as a whole number
 * would put 4.20 above 4.5. Claude's `4-7` reads the same way (4.7). Parts after the second
 * are compared as whole numbers.
 */
export function compareVersions(a: readonly string[], b: readonly string[]): number {
  const major = Number(a[0] ?? 0) - Number(b[0] ?? 0)
  if (major !== 0) return major
  // The fraction: pad to one length, so "20" vs "5" compares as 20 vs 50.
  const fa = a[1] ?? ''
  const fb = b[1] ?? ''
  const width = Math.max(fa.length, fb.length)
  const minor = Number(fa.padEnd(width, '0') || 0) - Number(fb.padEnd(width, '0') || 0)
  if (minor !== 0) return minor
  for (let i = 2; i < Math.max(a.length, b.length); i++) {
    const d = Number(a[i] ?? 0) - Number(b[i] ?? 0)
    if (d !== 0) return d
  }
  return 0
}

/**
 * Whether `name` is newer than the vendor's models that share its pattern: those with the same
 * stem (`gemini-#-flash-lite`) if any, else the same prefix (`gpt-`). False when there is no such
 * model, or the name carries a date, `-latest` or `-preview` (a snapshot or an alias).
 */
export function isNewFlagship(name: string, siblings: readonly string[]): boolean {
  if (/(\d{4}-\d{2}-\d{2}|\d{8}|-\d{4}$|-\d{2}-\d{4}$|latest|preview|@)/.test(name)) return false
  const v = versionOf(name)
  if (!v) return false
  const parsed = siblings.map(versionOf).filter((x) => x !== undefined)
  const same = parsed.filter((s) => s.stem === v.stem)
  const pool = same.length ? same : parsed.filter((s) => s.prefix === v.prefix)
  return pool.length > 0 && pool.every((s) => compareVersions(v.version, s.version) > 0)
}

/** `gpt-5.6-luna` → `GPT-5.6 Luna`, `claude-opus-5` → `Claude Opus 5`. */
export function displayName(name: string): string {
  const words = name.split('-')
  const out: string[] = []
  for (const w of words) {
    if (/^(gpt|glm)$/i.test(w)) out.push(w.toUpperCase())
    else if (/^\d/.test(w) && /^(GPT|GLM)$/.test(out[out.length - 1] ?? '')) out[out.length - 1] += `-${w}`
    else out.push(w.charAt(0).toUpperCase() + w.slice(1))
  }
  return out.join(' ')
}

/** The vendor's own provider id. */
export function firstPartyProvider(vendor: string): string {
  return FIRST_PARTY[vendor]?.[0] ?? vendor
}

function num(entry: Record<string, unknown>, key: string): number | undefined {
  const v = entry[key]
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined
}

/** Long-prompt prices (`input_cost_per_token_above_272k_tokens`) → tiers. */
function tiersOf(entry: Record<string, unknown>): PriceTier[] | undefined {
  const sizes = new Set<number>()
  for (const k of Object.keys(entry)) {
    const m = /^(?:input_cost_per_token|output_cost_per_token|cache_read_input_token_cost)_above_(\d+)k_tokens$/.exec(k)
    if (m) sizes.add(Number(m[1]) * 1000)
  }
  const tiers: PriceTier[] = []
  for (const above of [...sizes].sort((a, b) => a - b)) {
    const k = `above_${above / 1000}k_tokens`
    const tier: PriceTier = { above }
    const input = perMillion(num(entry, `input_cost_per_token_${k}`))
    const output = perMillion(num(entry, `output_cost_per_token_${k}`))
    const cacheRead = perMillion(num(entry, `cache_read_input_token_cost_${k}`))
    if (input !== undefined) tier.input = input
    if (output !== undefined) tier.output = output
    if (cacheRead !== undefined) tier.cacheRead = cacheRead
    tiers.push(tier)
  }
  return tiers.length ? tiers : undefined
}

function modalities(entry: Record<string, unknown>): { input: Modality[]; output: Modality[] } {
  const list = (k: string) => (Array.isArray(entry[k]) ? (entry[k] as unknown[]).map(String) : undefined)
  const known = (xs: string[]) =>
    (['text', 'image', 'audio', 'video', 'file'] as const).filter((m) => xs.includes(m)) as Modality[]
  const input = known(list('supported_modalities') ?? ['text'])
  if (entry.supports_vision === true && !input.includes('image')) input.push('image')
  if (entry.supports_pdf_input === true && !input.includes('file')) input.push('file')
  const output = known(list('supported_output_modalities') ?? ['text'])
  const order = ['text', 'image', 'audio', 'video', 'file']
  input.sort((a, b) => order.indexOf(a) - order.indexOf(b))
  return { input: input.length ? input : ['text'], output: output.length ? output : ['text'] }
}

/**
 * The model and endpoint a first-party entry describes, or the reason it cannot make one.
 * LiteLLM has no release dates: the model has none (unknown), never a placeholder.
 */
export function liteLLMModel(c: LiteLLMCandidate): { facts: ModelFacts; endpoint: Endpoint } | { problem: string } {
  const e = c.entry as Record<string, unknown>
  const input = perMillion(c.entry.input_cost_per_token)
  const output = perMillion(c.entry.output_cost_per_token)
  const contextWindow = tokens(c.entry.max_input_tokens)
  if (input === undefined || output === undefined) return { problem: 'no input/output price' }
  if (contextWindow === undefined) return { problem: 'no max_input_tokens' }
  const maxOutputTokens = tokens(c.entry.max_output_tokens)
  const pricing: Pricing = { input, output }
  const cacheRead = perMillion(c.entry.cache_read_input_token_cost)
  const cacheWrite = perMillion(num(e, 'cache_creation_input_token_cost'))
  if (cacheRead !== undefined) pricing.cacheRead = cacheRead
  if (cacheWrite !== undefined) pricing.cacheWrite = cacheWrite
  const tiers = tiersOf(e)
  if (tiers) pricing.tiers = tiers
  const mods = modalities(e)
  const facts: ModelFacts = {
    name: displayName(c.name),
    status: 'available',
    mode: 'chat',
    modalities: mods,
    capabilities: {
      tools: c.entry.supports_function_calling === true,
      parallelToolCalls: false,
      vision: mods.input.includes('image'),
      fileInput: mods.input.includes('file'),
      structuredOutputs: false,
      jsonMode: false,
      webSearch: false,
      reasoning: false,
      streaming: true,
    },
    moderated: false,
    openWeights: false,
    contextWindow,
    maxOutputTokens,
  }
  const endpoint: Endpoint = {
    provider: firstPartyProvider(c.vendor),
    modelId: c.name,
    contextWindow,
    ...(maxOutputTokens !== undefined ? { maxOutputTokens } : {}),
    pricing: orderPricing(pricing),
    status: 'available',
  }
  return { facts, endpoint }
}
