/** Prices a response's usage from the serving endpoint's catalog prices (USD, exact). */
import type { Pricing } from '@/lib/catalog/schema'
import { costOfUsage } from '@/lib/pricing/cost'

import type { UpstreamUsage } from './schema'

/**
 * USD for one call. Returned as a number whose JSON form is the exact decimal (big.js → the
 * shortest double that prints as that decimal), like OpenRouter's `usage.cost`.
 */
export function usageCost(pricing: Pricing, usage: UpstreamUsage): number {
  const total = costOfUsage(pricing, {
    inputTokens: usage.prompt_tokens,
    outputTokens: usage.completion_tokens,
    cachedInputTokens: usage.prompt_tokens_details?.cached_tokens ?? 0,
    reasoningTokens: usage.completion_tokens_details?.reasoning_tokens ?? 0,
  }).total
  return Number(total.toFixed())
}
