import { describe, expect, it } from 'vitest'

import { getCatalogChanges, getModelsIndex } from '@/lib/catalog'
import { buildCatalog } from '@/lib/catalog/derive'
import { modelDoc, proseDoc, providerDoc, vendorDoc } from '@/test-support/catalog-fixtures'

import { packIndex, unpackIndex } from './packed'
import { modelsIndexData } from './rows'

describe('packIndex', () => {
  it('gives back every row of the real catalog unchanged', () => {
    const data = getModelsIndex()
    expect(unpackIndex(packIndex(data))).toStrictEqual(data)
  })

  it('keeps absent values absent, modalities in the model’s order and aliases', () => {
    const { models } = buildCatalog({
      models: [
        modelDoc('acme/bare', { endpoints: [] }),
        modelDoc('acme/full', {
          aliases: ['full-2025'],
          knowledgeCutoff: '2024-10',
          status: 'deprecated',
          deprecationDate: '2025-06-01',
          retirementDate: '2025-12-01',
          openWeights: true,
          maxOutputTokens: 4096,
          modalities: { input: ['image', 'text'], output: ['text', 'audio'] },
        }),
      ],
      vendors: [vendorDoc('acme')],
      providers: [providerDoc('p1')],
      prose: [proseDoc('acme/bare'), proseDoc('acme/full')],
      routers: [],
    })
    const data = modelsIndexData(models, (m) =>
      m.id === 'acme/full' ? { date: '2025-11-17', kind: 'cut', percent: -50 } : undefined,
    )
    const packed = packIndex(data)
    expect(unpackIndex(packed)).toStrictEqual(data)
    const full = unpackIndex(packed).rows.find((r) => r.id === 'acme/full')!
    expect(full.inputModalities).toEqual(['image', 'text'])
    expect(full).toMatchObject({
      aliases: ['full-2025'],
      retirementDate: '2025-12-01',
      openWeights: true,
      lastChange: { date: '2025-11-17', kind: 'cut', percent: -50 },
    })
    expect(unpackIndex(packed).rows.find((r) => r.id === 'acme/bare')).not.toHaveProperty('input')
  })

  it('is much smaller than the row objects it stands for', () => {
    const data = getModelsIndex()
    expect(JSON.stringify(packIndex(data)).length).toBeLessThan(JSON.stringify(data).length / 2)
  })

  it('carries each model’s newest price change, the same as the catalog’s list of changes', () => {
    const rows = unpackIndex(packIndex(getModelsIndex())).rows
    const newest = new Map<string, string>()
    for (const c of getCatalogChanges())
      if (c.kind.startsWith('price-') && (newest.get(c.model) ?? '') < c.date) newest.set(c.model, c.date)
    expect(newest.size).toBeGreaterThan(0)
    for (const r of rows) expect(r.lastChange?.date, r.id).toBe(newest.get(r.id))
    const cut = rows.find((r) => r.lastChange?.kind === 'cut')!
    expect(cut.lastChange!.percent).toBeLessThan(0)
  })
})
