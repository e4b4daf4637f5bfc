import { describe, expect, it } from 'vitest'

import { buildCatalog } from '@/lib/catalog/derive'
import { modelDoc, proseDoc, providerDoc, vendorDoc } from '@/test-support/catalog-fixtures'

import { modelsIndexData, slimRow, toModelRow } from './rows'

const ep = (provider: string, input: number, output: number, extra = {}) => ({
  provider,
  modelId: 'm',
  contextWindow: 8000,
  status: 'available' as const,
  pricing: { input, output },
  ...extra,
})

describe('toModelRow', () => {
  const { models } = buildCatalog({
    models: [
      modelDoc('acme/m', {
        endpoints: [
          ep('dear', 3, 6),
          ep('cheap', 1, 2, { pricing: { input: 1, output: 2, cacheRead: 0.5 } }),
          ep('cheap', 0.5, 1, { status: 'deprecated' }),
          ep('gone', 0.1, 0.1, { status: 'deprecated' }),
        ],
      }),
    ],
    vendors: [vendorDoc('acme')],
    providers: ['dear', 'cheap', 'gone'].map((p) => providerDoc(p)),
    prose: [proseDoc('acme/m')],
    routers: [],
  })
  const row = toModelRow(models[0]!)

  it('prices the row at the cheapest live endpoint', () => {
    expect(row).toMatchObject({ input: 1, output: 2, cacheRead: 0.5 })
  })

  it('shows a cache price when the cheapest provider has none but another has', () => {
    const { models: ms } = buildCatalog({
      models: [
        modelDoc('acme/c', {
          endpoints: [
            ep('cheap', 1, 2),
            ep('dear', 3, 6, { pricing: { input: 3, output: 6, cacheRead: 0.3 } }),
            ep('dearer', 4, 8, { pricing: { input: 4, output: 8, cacheRead: 0.4 } }),
            ep('old', 0.1, 0.1, { pricing: { input: 0.1, output: 0.1, cacheRead: 0.01 }, status: 'deprecated' }),
          ],
        }),
      ],
      vendors: [vendorDoc('acme')],
      providers: ['cheap', 'dear', 'dearer', 'old'].map((p) => providerDoc(p)),
      prose: [proseDoc('acme/c')],
      routers: [],
    })
    // Input and output stay the cheapest provider's; the cache price is the lowest any live endpoint lists.
    expect(toModelRow(ms[0]!)).toMatchObject({ input: 1, output: 2, cacheRead: 0.3 })
  })

  it('lists each provider with its cheapest live price, null where it has only deprecated endpoints', () => {
    expect(row.providers).toEqual(['cheap', 'dear', 'gone'])
    expect(row.offers).toEqual([[1, 2, 0.5], [3, 6], null])
  })

  it('leaves the per-provider prices out of the small tables', () => {
    expect(slimRow(row, ['name', 'input'])).not.toHaveProperty('offers')
  })
})

describe('modelsIndexData', () => {
  const { models } = buildCatalog({
    models: [
      modelDoc('zeta/b', { name: 'Model 10', endpoints: [ep('y', 1, 1)] }),
      modelDoc('acme/a', { name: 'model 9', endpoints: [ep('x', 1, 1), ep('y', 2, 2)] }),
    ],
    vendors: [vendorDoc('zeta'), vendorDoc('acme')],
    providers: [providerDoc('y'), providerDoc('x')],
    prose: [proseDoc('zeta/b'), proseDoc('acme/a')],
    routers: [],
  })
  const data = modelsIndexData(models)

  it('orders rows by name, naturally and ignoring case', () => {
    expect(data.rows.map((r) => r.id)).toEqual(['acme/a', 'zeta/b'])
  })

  it('lists each vendor and provider once, by name', () => {
    expect(data.vendors).toEqual([
      ['acme', 'ACME'],
      ['zeta', 'ZETA'],
    ])
    expect(data.providers).toEqual([
      ['x', 'Provider x'],
      ['y', 'Provider y'],
    ])
  })
})
