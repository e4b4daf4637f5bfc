import { describe, expect, it } from 'vitest'

import { modelDoc, proseDoc, providerDoc, vendorDoc } from '@/test-support/catalog-fixtures'

import { buildCatalog } from './derive'
import { toOpenRouterEndpointsOn, toOpenRouterEndpointsWithHistory } from './openrouter'
import type { HistoryEndpoint } from './price-history'
import { catalogChanges, changeSummary, priceChanges, pricingOn, resolvePeriods } from './price-history'

/** DeepSeek's own API as the models.dev records have it (USD per 1M tokens). */
const deepseek: HistoryEndpoint = {
  provider: 'deepseek',
  pricing: { input: 0.14, output: 0.28, cacheRead: 0.028 },
  history: [
    { from: '2025-06-10', input: 0.27, output: 1.1, cacheRead: 0.07 },
    { from: '2025-08-25', to: '2025-09-01', input: 0.57, output: 1.68, cacheRead: 0.07 },
    { from: '2025-11-17', input: 0.28, output: 0.42, cacheRead: 0.028 },
    { from: '2026-04-25', input: 0.14, output: 0.28, cacheRead: 0.028 },
  ],
}

describe('one endpoint', () => {
  it('lists its changes with the date, old → new and the percent of input + output', () => {
    const changes = priceChanges(deepseek)
    expect(changes.map((c) => [c.date, c.kind, c.percent])).toEqual([
      ['2025-08-25', 'rise', 64.2],
      ['2025-11-17', 'cut', -68.9],
      ['2026-04-25', 'cut', -40],
    ])
    expect(changes[1]).toMatchObject({ from: { input: 0.57, output: 1.68 }, to: { input: 0.28, output: 0.42 } })
  })

  it('says how often it changed since when, and the latest change', () => {
    const s = changeSummary(deepseek)
    expect(s).toMatchObject({ count: 3, since: '2025-06-10' })
    expect(s.latest?.date).toBe('2026-04-25')
  })

  it('gives the prices in force on a day: none before the records, in a gap or after retirement', () => {
    expect(pricingOn(deepseek, '2025-06-09')).toBeUndefined()
    expect(pricingOn(deepseek, '2025-06-10')?.pricing.input).toBe(0.27)
    expect(pricingOn(deepseek, '2025-08-31')?.pricing.input).toBe(0.57)
    expect(pricingOn(deepseek, '2025-09-01')).toBeUndefined() // the gap after `to`
    expect(pricingOn(deepseek, '2025-11-16')).toBeUndefined()
    expect(pricingOn(deepseek, '2026-12-31')).toMatchObject({ from: '2026-04-25', to: null })
    const retired = { ...deepseek, retirementDate: '2026-06-01' }
    expect(pricingOn(retired, '2026-05-31')?.pricing.input).toBe(0.14)
    expect(pricingOn(retired, '2026-06-01')).toBeUndefined()
    expect(resolvePeriods(retired).at(-1)).toMatchObject({ from: '2026-04-25', to: '2026-06-01' })
    expect(pricingOn({ provider: 'x', pricing: { input: 1, output: 1 } }, '2026-01-01')).toBeUndefined()
  })
})

describe('the catalog', () => {
  it('lists dated changes newest first: prices, new models and endpoints, deprecations, retirements', () => {
    const other: HistoryEndpoint = {
      provider: 'cloud',
      pricing: { input: 0.3, output: 0.5 },
      retirementDate: '2026-06-20',
      history: [{ from: '2026-02-01', input: 0.3, output: 0.5 }],
    }
    const changes = catalogChanges([
      {
        id: 'deepseek/deepseek-chat',
        name: 'DeepSeek Chat',
        vendor: 'deepseek',
        releaseDate: '2025-01-01',
        deprecationDate: '2026-07-01',
        endpoints: [deepseek, other],
      },
    ])
    expect(changes.map((c) => [c.date, c.kind, c.provider ?? null, c.price?.percent ?? null])).toEqual([
      ['2026-07-01', 'deprecation', null, null],
      ['2026-06-20', 'retirement', 'cloud', null],
      ['2026-04-25', 'price-cut', 'deepseek', -40],
      // The first recorded day is when the records begin, not when the endpoint arrived.
      ['2026-02-01', 'new-endpoint', 'cloud', null],
      ['2025-11-17', 'price-cut', 'deepseek', -68.9],
      ['2025-08-25', 'price-rise', 'deepseek', 64.2],
      ['2025-01-01', 'new-model', null, null],
    ])
  })
})

describe('the endpoints API', () => {
  const cat = buildCatalog({
    models: [
      modelDoc('deepseek/deepseek-chat', {
        endpoints: [{ ...deepseek, modelId: 'deepseek-chat', contextWindow: 128000, status: 'available' }],
      }),
    ],
    vendors: [vendorDoc('deepseek')],
    providers: [providerDoc('deepseek')],
    prose: [proseDoc('deepseek/deepseek-chat', 'A model.')],
  })
  const model = cat.models[0]!

  it('answers ?at= with the old price on a known change', () => {
    const before = toOpenRouterEndpointsOn(model, [deepseek], '2025-11-16')
    expect(before.body).toBeUndefined() // in the gap
    const old = toOpenRouterEndpointsOn(model, [deepseek], '2025-10-01')
    expect(old.body).toBeUndefined()
    const then = toOpenRouterEndpointsOn(model, [deepseek], '2026-01-15')
    expect(then.body?.data.endpoints[0]).toMatchObject({
      provider: 'deepseek',
      pricing: { prompt: '0.00000028', completion: '0.00000042', input_cache_read: '0.000000028' },
      pricing_period: { from: '2025-11-17', to: '2026-04-25' },
    })
    const now = toOpenRouterEndpointsOn(model, [deepseek], '2026-05-01')
    expect(now.body?.data.endpoints[0]?.pricing.prompt).toBe('0.00000014')
  })

  it('answers a day before the records with nothing, naming the first recorded day', () => {
    expect(toOpenRouterEndpointsOn(model, [deepseek], '2024-12-31')).toEqual({
      body: undefined,
      earliest: '2025-06-10',
    })
  })

  it('adds pricing_history per endpoint without ?at=', () => {
    const body = toOpenRouterEndpointsWithHistory(model, [deepseek])
    const history = body.data.endpoints[0]!.pricing_history!
    expect(history).toHaveLength(4)
    expect(history[0]).toEqual({
      from: '2025-06-10',
      to: '2025-08-25',
      pricing: { prompt: '0.00000027', completion: '0.0000011', input_cache_read: '0.00000007' },
    })
    expect(history.at(-1)).toMatchObject({ from: '2026-04-25', to: null })
  })
})
