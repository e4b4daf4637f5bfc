import { describe, expect, it } from 'vitest'

import { buildCatalog } from '@/lib/catalog/derive'
import { modelDoc, proseDoc, providerDoc, vendorDoc } from '@/test-support/catalog-fixtures'

import { buildRoutingTable, candidates, pickWeighted, resolveModel, resolveTargets } from './routing'

/** mulberry32: a small seeded PRNG, so the split is reproducible. */
function seeded(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

describe('pickWeighted', () => {
  it('honours the weights over 1,000 calls (within 3 points)', () => {
    for (const [seed, weights] of [
      [1, [33, 33, 34]],
      [42, [90, 10]],
      [7, [1, 2, 3, 4]],
    ] as const) {
      const random = seeded(seed)
      const counts = weights.map(() => 0)
      for (let i = 0; i < 1000; i++) counts[pickWeighted([...weights], random)]!++
      const total = weights.reduce((s, w) => s + w, 0)
      weights.forEach((w, i) => {
        expect(
          Math.abs(counts[i]! / 10 - (w / total) * 100),
          `seed ${seed}, variant ${i}: ${counts[i]} of 1000`,
        ).toBeLessThanOrEqual(3)
      })
    }
  })
  it('maps the random range onto the weights exactly', () => {
    expect(pickWeighted([1, 3], () => 0)).toBe(0)
    expect(pickWeighted([1, 3], () => 0.2499)).toBe(0)
    expect(pickWeighted([1, 3], () => 0.25)).toBe(1)
    expect(pickWeighted([1, 3], () => 0.9999)).toBe(1)
  })
})

describe('a merged dated snapshot', () => {
  // acme/chat-1 absorbed acme/chat-1-20250101: the dated id is now one of its aliases.
  const cat = buildCatalog({
    models: [
      modelDoc('acme/chat-1', {
        aliases: ['chat-1-20250101'],
        endpoints: [
          {
            provider: 'p1',
            modelId: 'chat-1',
            contextWindow: 128000,
            pricing: { input: 1, output: 2 },
            status: 'available',
          },
          {
            provider: 'p2',
            modelId: 'chat-1@20250101',
            contextWindow: 128000,
            pricing: { input: 1, output: 2 },
            status: 'available',
          },
        ],
      }),
      modelDoc('acme/chat-2'),
    ],
    vendors: [vendorDoc('acme')],
    providers: [providerDoc('p1'), providerDoc('p2')],
    prose: [proseDoc('acme/chat-1'), proseDoc('acme/chat-2')],
  })
  const table = buildRoutingTable(cat.models, cat.providers)

  it('routes the old full id and the bare dated id to the canonical model', () => {
    for (const name of ['acme/chat-1-20250101', 'chat-1-20250101', 'ACME/chat-1-20250101']) {
      expect(resolveModel(name, table).id, name).toBe('acme/chat-1')
      expect(
        resolveTargets(name, table).map((t) => t.model.id),
        name,
      ).toEqual(['acme/chat-1'])
    }
  })

  it("tries the canonical model's endpoints, its own model id sent to each provider", () => {
    const env = { providerKey: () => 'k', providerBaseUrl: (p: string) => `https://${p}.example/v1` }
    const list = candidates(resolveModel('acme/chat-1-20250101', table), table, env)
    expect(list.map((c) => [c.model.id, c.endpoint.provider, c.endpoint.modelId])).toEqual([
      ['acme/chat-1', 'p1', 'chat-1'],
      ['acme/chat-1', 'p2', 'chat-1@20250101'],
    ])
  })

  it('still answers model_not_found for a dated id nobody claims', () => {
    expect(() => resolveModel('acme/chat-1-20990101', table)).toThrow(/not in the catalog/)
  })
})
