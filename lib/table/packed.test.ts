import { describe, expect, it } from 'vitest'

import { getModelsIndex } from '@/lib/catalog'
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
    const data = modelsIndexData(models)
    const packed = packIndex(data)
    expect(unpackIndex(packed)).toStrictEqual(data)
    const full = unpackIndex(packed).rows.find((r) => r.id === 'acme/full')!
    expect(full.inputModalities).toEqual(['image', 'text'])
    expect(full).toMatchObject({ aliases: ['full-2025'], retirementDate: '2025-12-01', openWeights: true })
    expect(unpackIndex(packed).rows.find((r) => r.id === 'acme/bare')).not.toHaveProperty('input')
  })

  it('is much smaller than the row objects it stands for', () => {
    const data = getModelsIndex()
    expect(JSON.stringify(packIndex(data)).length).toBeLessThan(JSON.stringify(data).length / 2)
  })
})
