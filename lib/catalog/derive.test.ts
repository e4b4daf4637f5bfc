import { describe, expect, it } from 'vitest'

import { modelDoc, proseDoc, providerDoc, vendorDoc } from '@/test-support/catalog-fixtures'

import { buildCatalog, clipWords, orderEndpoints, similarModels, summarize } from './derive'
import type { Endpoint } from './schema'

type EndpointInput = Endpoint

const ep = (provider: string, input: number, output: number, status: 'available' | 'deprecated' = 'available') => ({
  provider,
  modelId: 'm',
  contextWindow: 1000,
  pricing: { input, output },
  status,
})

describe('buildCatalog', () => {
  it('orders endpoints cheapest first, deprecated last, and marks the cheapest', () => {
    const cat = buildCatalog({
      models: [modelDoc('acme/one', { endpoints: [ep('p1', 3, 3), ep('p2', 0, 0, 'deprecated'), ep('p3', 1, 2)] })],
      vendors: [vendorDoc('acme')],
      providers: [providerDoc('p1'), providerDoc('p2'), providerDoc('p3')],
      prose: [proseDoc('acme/one', '**One** is a [model](https://x.y).\n\nSecond paragraph.')],
    })
    const m = cat.models[0]!
    expect(m.endpoints.map((e) => e.provider)).toEqual(['p3', 'p1', 'p2'])
    expect(m.cheapest?.provider).toBe('p3')
    expect(m.endpoints.filter((e) => e.cheapest)).toHaveLength(1)
    expect(m.endpoints[0]?.providerName).toBe('Provider p3')
    expect(m.vendorName).toBe('ACME')
    expect(m.summary).toBe('One is a model.')
  })

  it("puts the vendor's own API first among equal prices", () => {
    const cat = buildCatalog({
      models: [modelDoc('acme/one', { endpoints: [ep('p1', 1, 2), ep('acme', 1, 2), ep('p3', 1, 2)] })],
      vendors: [vendorDoc('acme')],
      providers: [providerDoc('p1'), providerDoc('acme'), providerDoc('p3')],
      prose: [proseDoc('acme/one')],
    })
    expect(cat.models[0]?.endpoints.map((e) => e.provider)).toEqual(['acme', 'p1', 'p3'])
  })

  it('has no cheapest endpoint when all are deprecated', () => {
    const cat = buildCatalog({
      models: [modelDoc('acme/one', { endpoints: [ep('p1', 1, 1, 'deprecated')] })],
      vendors: [vendorDoc('acme')],
      providers: [providerDoc('p1')],
      prose: [proseDoc('acme/one')],
    })
    expect(cat.models[0]?.cheapest).toBeUndefined()
  })
})

describe('summarize', () => {
  it('cuts long text at a word boundary', () => {
    expect(summarize('word '.repeat(100), 20)).toBe('word word word word…')
  })
})

describe('clipWords', () => {
  it('keeps text within the limit as it is', () => {
    expect(clipWords('A small model.', 14)).toBe('A small model.')
  })
  it('cuts at the last space within the limit, never inside a word, and adds an ellipsis', () => {
    const out = clipWords('GPT-4.1 mini is the mid-sized model in the family: quick and inexpensive.', 40)
    expect(out).toBe('GPT-4.1 mini is the mid-sized model in…')
    expect(out.length).toBeLessThanOrEqual(40)
  })
  it('drops punctuation left before the ellipsis', () => {
    expect(clipWords('Quick and inexpensive, for chat and extraction', 24)).toBe('Quick and inexpensive…')
    expect(clipWords('A model: fast and cheap', 10)).toBe('A model…')
  })
  it('cuts a single word longer than the limit inside it', () => {
    expect(clipWords('Llama-4-Maverick-17B-128E-Instruct-FP8', 10)).toBe('Llama-4-M…')
  })
})

describe('similarModels', () => {
  it('prefers the same family and nearby price, never the model itself', () => {
    const cat = buildCatalog({
      models: [
        modelDoc('acme/a', { family: 'x', endpoints: [ep('p1', 1, 2)] }),
        modelDoc('acme/b', { family: 'x', endpoints: [ep('p1', 50, 100)] }),
        modelDoc('acme/c', { endpoints: [ep('p1', 1, 2)] }),
        modelDoc('acme/d', { mode: 'embedding', endpoints: [ep('p1', 1, 2)] }),
      ],
      vendors: [vendorDoc('acme')],
      providers: [providerDoc('p1')],
      prose: ['a', 'b', 'c', 'd'].map((x) => proseDoc(`acme/${x}`)),
    })
    const [a] = cat.models
    const ids = similarModels(a!, cat.models).map((m) => m.id)
    expect(ids).toEqual(['acme/b', 'acme/c'])
  })
})

describe('buildRouters', () => {
  it('computes shares, the blended price, the range and the fallback order', () => {
    const cat = buildCatalog({
      models: [
        modelDoc('acme/a', { endpoints: [ep('p1', 1, 2)] }),
        modelDoc('acme/b', { endpoints: [ep('p1', 3, 10)] }),
      ],
      vendors: [vendorDoc('acme')],
      providers: [providerDoc('p1')],
      prose: [proseDoc('acme/a'), proseDoc('acme/b')],
      routers: [
        {
          id: 'router/r',
          slug: 'r',
          file: 'f',
          name: 'R',
          description: 'd',
          variants: [
            { model: 'acme/a', weight: 1 },
            { model: 'acme/b', weight: 3 },
          ],
        },
      ],
    })
    const r = cat.routers[0]!
    expect(r.variants.map((v) => v.share)).toEqual([0.25, 0.75])
    expect(r.blended).toEqual({ input: 2.5, output: 8 }) // 0.25 × 1 + 0.75 × 3; 0.25 × 2 + 0.75 × 10
    expect(r.range).toEqual({ input: [1, 3], output: [2, 10] })
    expect(r.fallbackOrder).toEqual(['acme/b', 'acme/a'])
  })
})

describe('orderEndpoints and offers', () => {
  const offerEp = (provider: string, input: number, extra: Partial<EndpointInput> = {}): EndpointInput => ({
    provider,
    modelId: 'm',
    contextWindow: 1000,
    pricing: { input, output: input },
    status: 'available',
    ...extra,
  })
  it('never marks a trial, promotional or deprecated endpoint as cheapest', () => {
    const list = orderEndpoints(
      [
        offerEp('paid', 1),
        offerEp('nvidia', 0, { offer: 'trial' }),
        offerEp('or', 0, { offer: 'promotional' }),
        offerEp('old', 0.1, { status: 'deprecated' }),
      ],
      (id) => id,
    )
    expect(list[0]!.provider).toBe('paid')
    expect(list.filter((e) => e.cheapest).map((e) => e.provider)).toEqual(['paid'])
  })
  it('leaves a model with only marked endpoints without a cheapest one', () => {
    const list = orderEndpoints([offerEp('nvidia', 0, { offer: 'trial' })], (id) => id)
    expect(list.some((e) => e.cheapest)).toBe(false)
  })
})
