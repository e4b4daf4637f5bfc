/** models.dev mapping rules on single values, without a fixture. */
import { describe, expect, it } from 'vitest'

import { modelsDevRowSchema } from '../../input'
import { isPlaceholderPrice, isPlanProvider, mapModelsDev, NON_USD_PROVIDERS } from './map'

type Cost = { input: number; output: number }

/** A models.dev row with the given provider, ids and prices (other facts fixed). */
const offerRow = (provider: string, modelId: string, canonicalModelId: string, cost: Cost) =>
  modelsDevRowSchema.parse({
    provider,
    providerName: provider,
    modelId,
    canonicalModelId,
    name: modelId,
    release_date: '2025-12-22',
    modalities: { input: ['text'], output: ['text'] },
    cost,
    limit: { context: 200000, output: 128000 },
  })

/** The rows mapped with every vendor known; the skips as [reason, example]. */
function mapWithSkips(rows: ReturnType<typeof offerRow>[]) {
  const skipped: Array<[string, string]> = []
  const { candidates } = mapModelsDev(
    rows,
    () => true,
    (reason, example) => skipped.push([reason, example]),
    () => {},
  )
  return { candidates, skipped }
}

describe('plans', () => {
  it('treats flat-fee plans and free prototyping allowances as not per-token prices', () => {
    for (const p of ['zai-coding-plan', 'alibaba-token-plan', 'kimi-for-coding', 'github-copilot', 'github-models'])
      expect(isPlanProvider(p), p).toBe(true)
    for (const p of ['openai', 'nvidia', 'openrouter']) expect(isPlanProvider(p), p).toBe(false)
  })
})

describe('prices in another currency', () => {
  const row = (provider: string, modelId: string, cost: Cost) =>
    offerRow(provider, modelId, `zhipuai/${modelId.toLowerCase()}`, cost)

  it('skips a non-USD provider’s prices with the reason, and keeps a zero price (zero in any currency)', () => {
    const { candidates, skipped } = mapWithSkips([
      row('zai', 'GLM-4.7', { input: 0.6, output: 2.2 }),
      row('moark', 'GLM-4.7', { input: 3.5, output: 14 }),
      row('llmtr', 'GLM-4.7-Free', { input: 0, output: 0 }),
    ])
    expect(NON_USD_PROVIDERS).toMatchObject({ moark: 'CNY', llmtr: 'TRY' })
    expect(skipped).toContainEqual(['prices in CNY, not USD (not converted: no USD price is known)', 'moark/GLM-4.7'])
    const endpoints = candidates.flatMap((c) => c.endpoints.map((e) => `${e.provider} ${e.pricing.input}`))
    expect(endpoints).toEqual(expect.arrayContaining(['zai 0.6', 'llmtr 0']))
    expect(endpoints.some((e) => e.startsWith('moark'))).toBe(false)
  })
})

describe('placeholder prices', () => {
  const row = (provider: string, modelId: string, cost: Cost) => offerRow(provider, modelId, modelId, cost)

  it('skips NanoGPT’s 9.996 / 19.992 placeholder with the reason, and keeps its real prices and other providers’', () => {
    const { candidates, skipped } = mapWithSkips([
      row('openai', 'openai/o3-pro', { input: 20, output: 80 }),
      row('nano-gpt', 'openai/o3-pro', { input: 9.996, output: 19.992 }),
      row('nano-gpt', 'openai/gpt-4-turbo', { input: 9.996, output: 30.005 }),
      row('acme', 'openai/gpt-4-turbo', { input: 9.996, output: 19.992 }),
    ])
    expect(skipped).toEqual([
      [
        "placeholder price 9.996 / 19.992: the figure the provider gives models it has no price for, not this model's price",
        'nano-gpt/openai/o3-pro',
      ],
    ])
    const endpoints = candidates.flatMap((c) => c.endpoints.map((e) => `${c.id} ${e.provider} ${e.pricing.input}`))
    expect(endpoints.sort()).toEqual([
      'openai/gpt-4-turbo acme 9.996',
      'openai/gpt-4-turbo nano-gpt 9.996',
      'openai/o3-pro openai 20',
    ])
  })

  it('is the exact pair only, on the provider that uses it', () => {
    expect(isPlaceholderPrice('nano-gpt', { input: 9.996, output: 19.992 })).toBe(true)
    expect(isPlaceholderPrice('nano-gpt', { input: 7.004, output: 19.992 })).toBe(false)
    expect(isPlaceholderPrice('openrouter', { input: 9.996, output: 19.992 })).toBe(false)
  })
})
