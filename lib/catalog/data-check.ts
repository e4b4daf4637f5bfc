/**
 * The data check: facts that are wrong on their face, over every model file. It runs in the
 * tests (lib/catalog/data-check.test.ts) and lists every violation with its file and field:
 * - `price-band`: a price per 1M tokens outside the sane band for the model's mode (a per-token
 *   price copied as per-1M, a 10⁶ slip);
 * - `cache-above-input`: a cache-read price above the endpoint's input price;
 * - `output-above-context`: maxOutputTokens above the contextWindow (model or endpoint);
 * - `cutoff-after-release`: a knowledge cutoff after the release date;
 * - `headline-not-list-price`: the model's headline ("cheapest") price would come from a
 *   trial, promotional or deprecated endpoint;
 * - `available-but-retired`: status `available` while every endpoint is deprecated or retired;
 * - `duplicate-name`: two models with one display name;
 * - `price-scale`: a provider whose list prices are, across the models it shares with others,
 *   consistently several times theirs (a median of PRICE_SCALE.median× the other providers'
 *   median price for the same model, none below PRICE_SCALE.lowest×): prices in another currency
 *   read as USD (CNY ≈ 7×, TRY ≈ 40×). A single dear endpoint is not enough: first-party
 *   premiums and old list prices are real.
 * Exceptions live in content/data-exceptions.yaml, one per (file, rule, field) with a reason;
 * an exception that no longer matches a violation is itself reported, so the file stays honest.
 * Pure.
 */
import { z } from 'zod'

import { orderEndpoints } from './derive'
import { pricesModel } from './offers'
import type { Mode, ModelFile } from './schema'

export const DATA_RULES = [
  'price-band',
  'cache-above-input',
  'output-above-context',
  'cutoff-after-release',
  'headline-not-list-price',
  'available-but-retired',
  'duplicate-name',
  'price-scale',
] as const
export type DataRule = (typeof DATA_RULES)[number]

export interface Violation {
  /** Path relative to the repository, e.g. `content/models/openai/gpt-4o.yaml`. */
  file: string
  rule: DataRule
  /** Field path, e.g. `endpoints.2.pricing.cacheRead`. */
  field: string
  message: string
}

/** Sane USD per 1M tokens for a non-zero price, by mode: [lowest, highest]. */
export const PRICE_BANDS: Readonly<Record<Mode, readonly [number, number]>> = {
  chat: [0.001, 1000],
  completion: [0.001, 1000],
  moderation: [0.001, 1000],
  rerank: [0.001, 1000],
  embedding: [0.001, 50],
  // Media models are billed per token of audio or image, in wider ranges.
  'image-generation': [0.0001, 10000],
  'audio-transcription': [0.0001, 10000],
  'audio-speech': [0.0001, 10000],
}

export interface CheckedModel {
  id: string
  file: string
  data: ModelFile
}

const PRICE_KEYS = ['input', 'output', 'cacheRead', 'cacheWrite', 'reasoning'] as const

/** When a provider's prices look like another currency (rule `price-scale`). */
export const PRICE_SCALE = {
  /** Other providers with a list price needed for a comparison. */
  peers: 3,
  /** Comparisons a provider needs before it is judged. */
  comparisons: 2,
  /** Median of the provider's price / peer-median ratios at or above which it is flagged… */
  median: 5,
  /** …when none of its ratios is below this. */
  lowest: 2,
} as const

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  const n = s.length
  return n % 2 ? s[(n - 1) / 2]! : (s[n / 2 - 1]! + s[n / 2]!) / 2
}

/** Providers whose list prices are consistently a multiple of the other providers' (see `price-scale`). */
function priceScale(models: readonly CheckedModel[], add: (v: Violation) => void): void {
  const byProvider = new Map<string, Array<{ file: string; field: string; ratio: number }>>()
  for (const { file, data: m } of models) {
    m.endpoints.forEach((e, i) => {
      if (!pricesModel(e)) return
      for (const k of ['input', 'output'] as const) {
        const v = e.pricing[k]
        if (!v) continue
        const peers = m.endpoints
          .filter((o) => o.provider !== e.provider && pricesModel(o) && o.pricing[k] > 0)
          .map((o) => o.pricing[k])
        if (peers.length < PRICE_SCALE.peers) continue
        const list = byProvider.get(e.provider) ?? []
        list.push({ file, field: `endpoints.${i}.pricing.${k}`, ratio: v / median(peers) })
        byProvider.set(e.provider, list)
      }
    })
  }
  for (const [provider, list] of byProvider) {
    if (list.length < PRICE_SCALE.comparisons) continue
    const ratios = list.map((x) => x.ratio)
    const mid = median(ratios)
    const low = Math.min(...ratios)
    if (mid < PRICE_SCALE.median || low < PRICE_SCALE.lowest) continue
    for (const x of list)
      add({
        file: x.file,
        rule: 'price-scale',
        field: x.field,
        message: `${provider}'s prices are a median ${mid.toFixed(1)}× other providers' for the same models (lowest ${low.toFixed(1)}×): another currency read as USD?`,
      })
  }
}

export function checkData(models: readonly CheckedModel[]): Violation[] {
  const out: Violation[] = []
  const names = new Map<string, string>()
  for (const { file, data: m } of models) {
    const add = (rule: DataRule, field: string, message: string) => out.push({ file, rule, field, message })
    const [lo, hi] = PRICE_BANDS[m.mode]
    m.endpoints.forEach((e, i) => {
      const where = `endpoints.${i}`
      const prices: Array<[string, number | undefined]> = PRICE_KEYS.map((k) => [`pricing.${k}`, e.pricing[k]])
      e.pricing.tiers?.forEach((t, j) => {
        for (const k of ['input', 'output', 'cacheRead', 'cacheWrite'] as const)
          prices.push([`pricing.tiers.${j}.${k}`, t[k]])
      })
      for (const [field, v] of prices) {
        if (v !== undefined && v !== 0 && (v < lo || v > hi))
          add('price-band', `${where}.${field}`, `${v} USD per 1M tokens is outside ${lo}–${hi} for a ${m.mode} model`)
      }
      if (e.pricing.cacheRead !== undefined && e.pricing.cacheRead > e.pricing.input)
        add('cache-above-input', `${where}.pricing.cacheRead`, `${e.pricing.cacheRead} > input ${e.pricing.input}`)
      if (e.maxOutputTokens !== undefined && e.maxOutputTokens > e.contextWindow)
        add(
          'output-above-context',
          `${where}.maxOutputTokens`,
          `${e.maxOutputTokens} > contextWindow ${e.contextWindow}`,
        )
    })
    if (m.maxOutputTokens !== undefined && m.maxOutputTokens > m.contextWindow)
      add('output-above-context', 'maxOutputTokens', `${m.maxOutputTokens} > contextWindow ${m.contextWindow}`)
    if (m.knowledgeCutoff && m.releaseDate && m.knowledgeCutoff.slice(0, 7) > m.releaseDate.slice(0, 7))
      add('cutoff-after-release', 'knowledgeCutoff', `${m.knowledgeCutoff} is after releaseDate ${m.releaseDate}`)
    const cheapest = orderEndpoints(m.endpoints, (p) => p, m.vendor).find((e) => e.cheapest)
    if (cheapest && !pricesModel(cheapest)) {
      const i = m.endpoints.findIndex((e) => e.provider === cheapest.provider)
      add(
        'headline-not-list-price',
        `endpoints.${i}`,
        `the headline price comes from ${cheapest.provider}, not a list price`,
      )
    }
    if (
      m.status === 'available' &&
      m.endpoints.length > 0 &&
      m.endpoints.every((e) => e.status === 'deprecated' || e.retirementDate !== undefined)
    )
      add('available-but-retired', 'status', 'available, but every endpoint is deprecated or retired')
    const key = m.name.trim().toLowerCase()
    const other = names.get(key)
    if (other) add('duplicate-name', 'name', `"${m.name}" is also the name of ${other}`)
    else names.set(key, file)
  }
  priceScale(models, (v) => out.push(v))
  return out
}

export const dataExceptionSchema = z.strictObject({
  file: z.string().min(1),
  rule: z.enum(DATA_RULES),
  field: z.string().min(1),
  /** Why the fact is right after all (or why it stays for now), in a sentence. */
  reason: z.string().trim().min(10, 'give a reason of at least a few words'),
})
export const dataExceptionsSchema = z.array(dataExceptionSchema)
export type DataException = z.infer<typeof dataExceptionSchema>

/** Violations no exception covers, and exceptions that cover nothing (stale). */
export function applyExceptions(
  violations: readonly Violation[],
  exceptions: readonly DataException[],
): { violations: Violation[]; stale: DataException[] } {
  const key = (x: { file: string; rule: string; field: string }) => `${x.file}\u0000${x.rule}\u0000${x.field}`
  const excused = new Set(exceptions.map(key))
  const seen = new Set(violations.map(key))
  return {
    violations: violations.filter((v) => !excused.has(key(v))),
    stale: exceptions.filter((x) => !seen.has(key(x))),
  }
}

/** One line per violation: `content/models/x/y.yaml: endpoints.0.pricing.cacheRead: cache-above-input: 2 > input 1`. */
export function formatViolation(v: Violation): string {
  return `${v.file}: ${v.field}: ${v.rule}: ${v.message}`
}
