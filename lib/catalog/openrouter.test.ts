import { describe, expect, it } from 'vitest'

import { modelDoc, proseDoc, providerDoc, vendorDoc } from '@/test-support/catalog-fixtures'

import { buildCatalog } from './derive'
import { perToken, pricingStrings, toOpenRouterEndpoints, toOpenRouterModel } from './openrouter'

describe('OpenRouter shapes', () => {
  it('converts per-1M prices to exact per-token strings', () => {
    expect(perToken(0.15)).toBe('0.00000015')
    expect(perToken(0.075)).toBe('0.000000075')
    expect(perToken(15)).toBe('0.000015')
    expect(perToken(0)).toBe('0')
    expect(pricingStrings({ input: 0.15, output: 0.6, cacheRead: 0.075 })).toEqual({
      prompt: '0.00000015',
      completion: '0.0000006',
      input_cache_read: '0.000000075',
    })
  })

  it('maps a model and its endpoints', () => {
    const cat = buildCatalog({
      models: [
        modelDoc('acme/one', {
          releaseDate: '2024-07-18',
          parameters: [{ name: 'temperature', default: 1 }, { name: 'seed' }],
        }),
      ],
      vendors: [vendorDoc('acme')],
      providers: [providerDoc('p1')],
      prose: [proseDoc('acme/one', 'One model.')],
    })
    const m = toOpenRouterModel(cat.models[0]!)
    expect(m).toMatchObject({
      id: 'acme/one',
      name: 'ACME: one',
      created: 1721260800,
      context_length: 128000,
      description: 'One model.',
      architecture: { modality: 'text->text', input_modalities: ['text'], output_modalities: ['text'] },
      pricing: { prompt: '0.000001', completion: '0.000002' },
      supported_parameters: ['temperature', 'seed'],
      default_parameters: { temperature: 1 },
    })
    const e = toOpenRouterEndpoints(cat.models[0]!)
    expect(e.data.endpoints[0]).toEqual({
      provider: 'p1',
      provider_name: 'Provider p1',
      model: 'acme/one',
      context_length: 128000,
      max_completion_tokens: null,
      pricing: { prompt: '0.000001', completion: '0.000002' },
      status: 'available',
    })
  })

  it('gives created: null for a model whose release date is unknown (never a made-up date)', () => {
    const cat = buildCatalog({
      models: [modelDoc('acme/one', { releaseDate: undefined })],
      vendors: [vendorDoc('acme')],
      providers: [providerDoc('p1')],
      prose: [proseDoc('acme/one', 'One model.')],
    })
    expect(toOpenRouterModel(cat.models[0]!).created).toBeNull()
    expect(toOpenRouterEndpoints(cat.models[0]!).data.created).toBeNull()
  })
})
