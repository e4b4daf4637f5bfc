import { describe, expect, it } from 'vitest'

import type { Pricing } from '@/lib/catalog/schema'

import type { Usage } from './cost'
import { costOfUsage, pricesForPrompt } from './cost'

/** Total cost in USD as an exact decimal string (e.g. "0.00045"). */
const costUsd = (pricing: Pricing, usage: Usage) => costOfUsage(pricing, usage).total.toFixed()

const mini: Pricing = { input: 0.15, output: 0.6, cacheRead: 0.075 }

describe('costOfUsage: total', () => {
  it('prices input and output per 1M tokens exactly', () => {
    // 1,000 × $0.15/1M + 500 × $0.60/1M = 0.00015 + 0.0003
    expect(costUsd(mini, { inputTokens: 1000, outputTokens: 500 })).toBe('0.00045')
  })

  it('has no float artefacts where plain numbers would', () => {
    expect(0.1 + 0.2).not.toBe(0.3)
    expect(costUsd({ input: 0.1, output: 0.2 }, { inputTokens: 1_000_000, outputTokens: 1_000_000 })).toBe('0.3')
  })

  it('bills cached prompt tokens at the cache-read price', () => {
    // 600 uncached × 0.15 + 400 cached × 0.075 = 0.00009 + 0.00003
    expect(costUsd(mini, { inputTokens: 1000, cachedInputTokens: 400, outputTokens: 0 })).toBe('0.00012')
  })

  it('bills cached tokens as input where there is no cache price', () => {
    expect(costUsd({ input: 1, output: 2 }, { inputTokens: 1000, cachedInputTokens: 1000, outputTokens: 0 })).toBe(
      '0.001',
    )
  })

  it('bills reasoning apart only where the endpoint has a reasoning price', () => {
    const usage = { inputTokens: 0, outputTokens: 1000, reasoningTokens: 400 }
    expect(costUsd({ input: 1, output: 10 }, usage)).toBe('0.01')
    // 600 × 10 + 400 × 20 per 1M
    expect(costUsd({ input: 1, output: 10, reasoning: 20 }, usage)).toBe('0.014')
  })

  it('adds per-request and per-image fees', () => {
    const p: Pricing = { input: 0, output: 0, request: 0.005, image: 0.001 }
    expect(costUsd(p, { inputTokens: 10, outputTokens: 10, requests: 3, images: 2 })).toBe('0.017')
  })

  it('switches to tier prices above the threshold, per request', () => {
    const p: Pricing = { input: 3, output: 15, tiers: [{ above: 200_000, input: 6, output: 22.5 }] }
    expect(pricesForPrompt(p, 200_000).input).toBe(3)
    expect(pricesForPrompt(p, 200_001).input).toBe(6)
    expect(costUsd(p, { inputTokens: 250_000, outputTokens: 1000 })).toBe('1.5225')
    // two requests of 125K each stay under the threshold
    expect(costUsd(p, { inputTokens: 250_000, outputTokens: 0, requests: 2 })).toBe('0.75')
  })

  it('breaks the total down by kind', () => {
    const b = costOfUsage(mini, { inputTokens: 2000, cachedInputTokens: 1000, outputTokens: 100 })
    expect(b.input.toFixed()).toBe('0.00015')
    expect(b.cachedInput.toFixed()).toBe('0.000075')
    expect(b.output.toFixed()).toBe('0.00006')
    expect(b.total.toFixed()).toBe('0.000285')
  })
})
