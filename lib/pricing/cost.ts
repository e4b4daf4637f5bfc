/**
 * Exact cost arithmetic. Prices are USD per 1M tokens (numbers from content); every product
 * and sum is done in decimal (big.js), so $0.075 × 1,000 tokens is $0.000075, never
 * 0.00007500000000000001.
 */
import Big from 'big.js'

import type { Pricing } from '@/lib/catalog/schema'

const PER_MILLION = new Big('1e-6')
const ZERO = new Big(0)

/** Token counts of one call (or a workload), as the OpenAI usage object reports them. */
export interface Usage {
  /** All prompt tokens, cached ones included (OpenAI's `prompt_tokens`). */
  inputTokens: number
  /** All completion tokens, reasoning included (OpenAI's `completion_tokens`). */
  outputTokens: number
  /** Prompt tokens read from the cache (`prompt_tokens_details.cached_tokens`). */
  cachedInputTokens?: number
  /** Prompt tokens written to the cache, where the provider bills that apart. */
  cacheWriteTokens?: number
  /** Completion tokens spent on reasoning (`completion_tokens_details.reasoning_tokens`). */
  reasoningTokens?: number
  /** Number of requests, for per-request fees. Default 1. */
  requests?: number
  /** Input images, for per-image fees. */
  images?: number
}

export interface CostBreakdown {
  input: Big
  cachedInput: Big
  cacheWrite: Big
  output: Big
  reasoning: Big
  request: Big
  image: Big
  total: Big
}

/** The prices that apply to a prompt of `promptTokens` tokens: the highest tier it exceeds. */
export function pricesForPrompt(pricing: Pricing, promptTokens: number): Pricing {
  const tier = [...(pricing.tiers ?? [])].sort((a, b) => b.above - a.above).find((t) => promptTokens > t.above)
  if (!tier) return pricing
  return {
    ...pricing,
    input: tier.input ?? pricing.input,
    output: tier.output ?? pricing.output,
    cacheRead: tier.cacheRead ?? pricing.cacheRead,
    cacheWrite: tier.cacheWrite ?? pricing.cacheWrite,
  }
}

// × 10⁻⁶ rather than ÷ 10⁶: the same exact decimal, without big.js's long division (this
// runs on every proxied call).
const perToken = (pricePerMillion: number, tokens: number) =>
  tokens === 0 || pricePerMillion === 0 ? ZERO : new Big(pricePerMillion).times(tokens).times(PER_MILLION)

/**
 * The cost of one call's usage (per-request prices are charged once per call: pass
 * `requests` for a workload). Cached tokens are billed at the cache-read price where the
 * endpoint has one, else as ordinary input; reasoning tokens at the reasoning price where the
 * endpoint bills it apart, else as output.
 */
export function costOfUsage(pricing: Pricing, usage: Usage): CostBreakdown {
  const requests = usage.requests ?? 1
  const promptPerRequest = requests > 0 ? usage.inputTokens / requests : usage.inputTokens
  const p = pricesForPrompt(pricing, promptPerRequest)
  const cached = Math.min(usage.cachedInputTokens ?? 0, usage.inputTokens)
  const reasoningTokens = Math.min(usage.reasoningTokens ?? 0, usage.outputTokens)
  const reasoningApart = p.reasoning !== undefined

  const input = perToken(p.input, usage.inputTokens - cached)
  const cachedInput = perToken(p.cacheRead ?? p.input, cached)
  const cacheWrite = perToken(p.cacheWrite ?? p.input, usage.cacheWriteTokens ?? 0)
  const output = perToken(p.output, usage.outputTokens - (reasoningApart ? reasoningTokens : 0))
  const reasoning = reasoningApart ? perToken(p.reasoning ?? 0, reasoningTokens) : new Big(0)
  const request = new Big(p.request ?? 0).times(requests)
  const image = new Big(p.image ?? 0).times(usage.images ?? 0)
  const total = input.plus(cachedInput).plus(cacheWrite).plus(output).plus(reasoning).plus(request).plus(image)
  return { input, cachedInput, cacheWrite, output, reasoning, request, image, total }
}

/** The sum used to rank endpoints by price: input + output per 1M tokens. */
export function priceRank(pricing: Pricing): number {
  return Number(new Big(pricing.input).plus(pricing.output))
}
