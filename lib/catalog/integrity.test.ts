import { describe, expect, it } from 'vitest'

import { modelDoc, proseDoc, providerDoc, vendorDoc } from '@/test-support/catalog-fixtures'

import { checkIntegrity } from './integrity'

const base = () => ({
  models: [modelDoc('acme/one'), modelDoc('acme/two')],
  vendors: [vendorDoc('acme')],
  providers: [providerDoc('p1')],
  prose: [proseDoc('acme/one'), proseDoc('acme/two')],
})

describe('checkIntegrity', () => {
  it('accepts a sound catalog', () => {
    expect(checkIntegrity(base())).toEqual([])
  })

  it('names the file and field of an unknown provider', () => {
    const input = base()
    input.models[0] = modelDoc('acme/one', {
      endpoints: [
        { provider: 'nope', modelId: 'x', contextWindow: 1000, pricing: { input: 0, output: 0 }, status: 'available' },
      ],
    })
    expect(checkIntegrity(input)).toEqual([
      'content/models/acme/one.yaml: endpoints.0.provider: unknown provider "nope" (no content/providers/nope.yaml)',
    ])
  })

  it('names an unknown vendor and a vendor that does not match the folder', () => {
    const input = base()
    input.models[1] = modelDoc('acme/two', { vendor: 'ghost' })
    const problems = checkIntegrity(input)
    expect(problems).toContain(
      'content/models/acme/two.yaml: vendor: unknown vendor "ghost" (no content/vendors/ghost.yaml)',
    )
    expect(problems).toContain(
      'content/models/acme/two.yaml: vendor: "ghost" does not match the folder "acme" the file is in',
    )
  })

  it('requires prose for every model and a model for every prose file', () => {
    const input = base()
    input.prose = [proseDoc('acme/one'), proseDoc('acme/three')]
    expect(checkIntegrity(input)).toEqual([
      'content/models/acme/two.yaml: description: missing prose file content/models/acme/two.mdx',
      'content/models/acme/three.mdx: no model file content/models/acme/three.yaml for this prose',
    ])
  })

  it('rejects an alias claimed twice, duplicate endpoints and parameters', () => {
    const input = base()
    const ep = {
      provider: 'p1',
      modelId: 'm',
      contextWindow: 1000,
      pricing: { input: 1, output: 1 },
      status: 'available' as const,
    }
    input.models = [
      modelDoc('acme/one', {
        aliases: ['snap-1'],
        endpoints: [ep, ep],
        parameters: [{ name: 'seed' }, { name: 'seed' }],
      }),
      modelDoc('acme/two', { aliases: ['snap-1'] }),
    ]
    expect(checkIntegrity(input)).toEqual([
      'content/models/acme/one.yaml: endpoints.1: duplicate endpoint p1 / m',
      'content/models/acme/one.yaml: parameters.1.name: "seed" is listed twice',
      'content/models/acme/two.yaml: aliases.0: "snap-1" is also claimed by content/models/acme/one.yaml',
    ])
  })

  it("rejects an alias that is another model's id of the same vendor", () => {
    const input = base()
    input.models[0] = modelDoc('acme/one', { aliases: ['two', 'one-2025'] })
    expect(checkIntegrity(input)).toEqual([
      'content/models/acme/one.yaml: aliases.0: "two" is another model\'s id (acme/two)',
    ])
  })

  it('rejects tiers out of order and unsafe file names', () => {
    const input = base()
    input.models = [
      modelDoc('acme/One Two', {
        endpoints: [
          {
            provider: 'p1',
            modelId: 'm',
            contextWindow: 1000,
            status: 'available',
            pricing: {
              input: 1,
              output: 1,
              tiers: [
                { above: 200, input: 2 },
                { above: 100, input: 3 },
              ],
            },
          },
        ],
      }),
    ]
    input.prose = [proseDoc('acme/One Two')]
    expect(checkIntegrity(input)).toEqual([
      'content/models/acme/One Two.yaml: file name: "acme/One Two" must be lower-case letters, digits, ".", "_" or "-"',
      'content/models/acme/One Two.yaml: endpoints.0.pricing.tiers.1.above: tiers must ascend by threshold',
    ])
  })
})

describe('checkIntegrity: routers', () => {
  it('names unknown variant and fallback models and duplicate variants', () => {
    const input = {
      ...base(),
      routers: [
        {
          id: 'router/r',
          slug: 'r',
          file: 'content/routers/r.yaml',
          name: 'R',
          description: 'd',
          variants: [
            { model: 'acme/one', weight: 1 },
            { model: 'acme/ghost', weight: 1 },
            { model: 'acme/one', weight: 2 },
          ],
          fallbacks: ['acme/two', 'nope/nope'],
        },
      ],
    }
    expect(checkIntegrity(input)).toEqual([
      'content/routers/r.yaml: variants.1.model: unknown model "acme/ghost" (no content/models/acme/ghost.yaml)',
      'content/routers/r.yaml: variants.2.model: "acme/one" is listed twice',
      'content/routers/r.yaml: fallbacks.1: unknown model "nope/nope" (no content/models/nope/nope.yaml)',
    ])
  })

  it('names unknown and repeated models of a curated list', () => {
    const list = (ids: string[]) => ({
      id: 'featured',
      file: 'content/lists/featured.yaml',
      title: 'Featured models',
      models: ids.map((id) => ({ id })),
    })
    expect(checkIntegrity({ ...base(), lists: [list(['acme/one', 'acme/two'])] })).toEqual([])
    expect(checkIntegrity({ ...base(), lists: [list(['acme/one', 'acme/nope', 'acme/one'])] })).toEqual([
      'content/lists/featured.yaml: models.1.id: unknown model "acme/nope" (no content/models/acme/nope.yaml)',
      'content/lists/featured.yaml: models.2.id: "acme/one" is listed twice',
    ])
  })
})
