/** A models.dev row's `cost` → our endpoint pricing (both USD per 1M tokens). Pure. */
import type { PriceTier, Pricing } from '@/lib/catalog/schema'

import { tokens } from '../../facts'
import type { ModelsDevRow } from '../../input'
import { orderPricing } from '../../order'
import type { Tally } from '../../types'

const KNOWN_COST_KEYS = new Set([
  'input',
  'output',
  'cache_read',
  'cache_write',
  'reasoning',
  'tiers',
  'context_over_200k',
])
const COST_ALIASES: Record<string, 'cacheRead' | 'cacheWrite'> = {
  cache_input: 'cacheRead',
  cached_input: 'cacheRead',
  cached_write: 'cacheWrite',
}

type CostResult = { pricing: Pricing; problem?: undefined } | { pricing?: undefined; problem: string }

function price(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined
}

/** models.dev `cost` → our pricing (both USD per 1M tokens). */
export function mapCost(cost: NonNullable<ModelsDevRow['cost']>, label: string, ignored: Tally): CostResult {
  const c = cost as Record<string, unknown>
  const input = price(c.input)
  const output = price(c.output)
  if (input === undefined || output === undefined)
    return { problem: 'no per-token price (cost has no input/output price)' }
  const pricing: Pricing = { input, output }
  const cacheRead = price(c.cache_read)
  const cacheWrite = price(c.cache_write)
  if (cacheRead !== undefined) pricing.cacheRead = cacheRead
  if (cacheWrite !== undefined) pricing.cacheWrite = cacheWrite
  for (const [key, field] of Object.entries(COST_ALIASES)) {
    const v = price(c[key])
    if (v !== undefined && pricing[field] === undefined) {
      pricing[field] = v
      ignored(`non-standard cost key "${key}" read as ${field}`, label)
    }
  }
  const reasoning = price(c.reasoning)
  if (reasoning !== undefined) pricing.reasoning = reasoning

  const tiers: PriceTier[] = []
  const tierPrices = (t: Record<string, unknown>, above: number): PriceTier => {
    const tier: PriceTier = { above }
    for (const [from, to] of [
      ['input', 'input'],
      ['output', 'output'],
      ['cache_read', 'cacheRead'],
      ['cache_write', 'cacheWrite'],
    ] as const) {
      const v = price(t[from])
      if (v !== undefined) tier[to] = v
    }
    for (const k of Object.keys(t)) {
      if (!['tier', 'input', 'output', 'cache_read', 'cache_write'].includes(k))
        ignored(`cost tier field "${k}" (no field in the schema)`, label)
    }
    return tier
  }
  if (Array.isArray(c.tiers) && c.tiers.length) {
    for (const t of c.tiers as Array<Record<string, unknown> & { tier: { type: string; size: number } }>) {
      const above = tokens(t.tier.size)
      if (t.tier.type !== 'context' || above === undefined) {
        ignored(`price tier of type "${t.tier.type}" (only prompt-size tiers are supported)`, label)
        continue
      }
      tiers.push(tierPrices(t, above))
    }
  } else if (c.context_over_200k && typeof c.context_over_200k === 'object') {
    tiers.push(tierPrices(c.context_over_200k as Record<string, unknown>, 200000))
  }
  if (tiers.length) {
    tiers.sort((a, b) => a.above - b.above)
    pricing.tiers = tiers.filter((t, i) => i === 0 || t.above !== tiers[i - 1]!.above)
  }
  for (const k of Object.keys(c)) {
    if (!KNOWN_COST_KEYS.has(k) && !(k in COST_ALIASES) && c[k] != null) {
      ignored(`cost field "${k}" (no field in the schema)`, label)
    }
  }
  const all = [
    pricing.input,
    pricing.output,
    pricing.cacheRead,
    pricing.cacheWrite,
    pricing.reasoning,
    ...(pricing.tiers ?? []).flatMap((t) => [t.input, t.output, t.cacheRead, t.cacheWrite]),
  ]
  if (all.some((v) => v !== undefined && v < 0)) return { problem: 'negative price' }
  return { pricing: orderPricing(pricing) }
}
