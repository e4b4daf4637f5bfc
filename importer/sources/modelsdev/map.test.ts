/** models.dev mapping rules on single values, without a fixture. */
import { describe, expect, it } from 'vitest'

import { modelsDevRowSchema } from '../../input'
import { isPlanProvider, mapModelsDev, NON_USD_PROVIDERS } from './map'

describe('plans', () => {
  it('treats flat-fee plans and free prototyping allowances as not per-token prices', () => {
    for (const p of ['zai-coding-plan', 'alibaba-token-plan', 'kimi-for-coding', 'github-copilot', 'github-models'])
      expect(isPlanProvider(p), p).toBe(true)
    for (const p of ['openai', 'nvidia', 'openrouter']) expect(isPlanProvider(p), p).toBe(false)
  })
})

describe('prices in another currency', () => {
  const row = (provider: string, modelId: string, cost: { input: number; output: number }) =>
    modelsDevRowSchema.parse({
      provider,
      providerName: provider,
      modelId,
      canonicalModelId: `zhipuai/${modelId.toLowerCase()}`,
      name: modelId,
      release_date: '2025-12-22',
      modalities: { input: ['text'], output: ['text'] },
      cost,
      limit: { context: 200000, output: 128000 },
    })

  it('skips a non-USD provider’s prices with the reason, and keeps a zero price (zero in any currency)', () => {
    const skipped: Array<[string, string]> = []
    const { candidates } = mapModelsDev(
      [
        row('zai', 'GLM-4.7', { input: 0.6, output: 2.2 }),
        row('moark', 'GLM-4.7', { input: 3.5, output: 14 }),
        row('llmtr', 'GLM-4.7-Free', { input: 0, output: 0 }),
      ],
      () => true,
      (reason, example) => skipped.push([reason, example]),
      () => {},
    )
    expect(NON_USD_PROVIDERS).toMatchObject({ moark: 'CNY', llmtr: 'TRY' })
    expect(skipped).toContainEqual(['prices in CNY, not USD (not converted: no USD price is known)', 'moark/GLM-4.7'])
    const endpoints = candidates.flatMap((c) => c.endpoints.map((e) => `${e.provider} ${e.pricing.input}`))
    expect(endpoints).toEqual(expect.arrayContaining(['zai 0.6', 'llmtr 0']))
    expect(endpoints.some((e) => e.startsWith('moark'))).toBe(false)
  })
})
