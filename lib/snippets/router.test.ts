import { describe, expect, it } from 'vitest'

import { buildCatalog } from '@/lib/catalog/derive'
import { modelDoc, proseDoc, providerDoc, vendorDoc } from '@/test-support/catalog-fixtures'

import { snippetFeatures } from './features'
import { routerSnippetModel } from './router'

describe('routerSnippetModel', () => {
  it('offers only what every variant supports', () => {
    const caps = modelDoc('x/x').capabilities
    const cat = buildCatalog({
      models: [
        modelDoc('acme/a', {
          maxOutputTokens: 8000,
          capabilities: { ...caps, tools: true, vision: true },
          parameters: [{ name: 'temperature' }, { name: 'tools' }, { name: 'seed' }],
        }),
        modelDoc('acme/b', {
          maxOutputTokens: 4000,
          capabilities: { ...caps, tools: true, vision: false },
          parameters: [{ name: 'tools' }, { name: 'temperature' }],
        }),
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
            { model: 'acme/b', weight: 1 },
          ],
        },
      ],
    })
    const m = routerSnippetModel(cat.routers[0]!, cat.models)
    expect(m.id).toBe('router/r')
    expect(m.parameters.map((p) => p.name)).toEqual(['temperature', 'tools'])
    expect(m.maxOutputTokens).toBe(4000)
    const f = snippetFeatures(m)
    expect(f).toMatchObject({ tools: true, image: false, temperature: true, seed: false })
  })
})
