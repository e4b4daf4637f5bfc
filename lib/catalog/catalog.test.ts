// Runs over the content build's generated collections (`next build` runs first in `npm test`).
import { describe, expect, it } from 'vitest'

import { buildRoutingTable, resolveModel } from '@/lib/proxy/routing'

import {
  getAliasPaths,
  getAliasTarget,
  getCatalogChanges,
  getModel,
  getModelList,
  getModels,
  getPriceHistory,
  getProviders,
  getRouters,
  getVendors,
} from './index'
import { toOpenRouterEndpointsOn } from './openrouter'

describe('the catalog', () => {
  it('loads without integrity problems and has the promised breadth', () => {
    const models = getModels()
    const endpoints = models.flatMap((m) => m.endpoints)
    expect(models.length).toBeGreaterThanOrEqual(200)
    expect(new Set(models.map((m) => m.vendor)).size).toBeGreaterThanOrEqual(15)
    expect(endpoints.length).toBeGreaterThanOrEqual(500)
    expect(new Set(endpoints.map((e) => e.provider)).size).toBeGreaterThanOrEqual(20)
    expect(getVendors().length).toBeGreaterThanOrEqual(15)
    expect(getProviders().length).toBeGreaterThanOrEqual(20)
  })

  it('has a featured list of live, priced models for the home page', () => {
    const featured = getModelList('featured')!
    expect(featured.title).toBe('Featured models')
    expect(featured.entries.length).toBeGreaterThanOrEqual(6)
    for (const e of featured.entries) {
      expect(e.model.status, e.model.id).not.toBe('deprecated')
      expect(e.model.cheapest, e.model.id).toBeDefined()
    }
    expect(getModelList('no-such-list')).toBeUndefined()
  })

  it('has openai/gpt-4o-mini right', () => {
    const m = getModel('openai/gpt-4o-mini')!
    expect(m).toMatchObject({
      contextWindow: 128000,
      maxOutputTokens: 16384,
      knowledgeCutoff: '2023-10',
      tokenizer: 'o200k_base',
      moderated: true,
      modalities: { input: ['text', 'image', 'file'], output: ['text'] },
      capabilities: {
        tools: true,
        parallelToolCalls: true,
        vision: true,
        structuredOutputs: true,
        promptCaching: true,
      },
    })
    expect(m.cheapest?.provider).toBe('openai')
    expect(m.cheapest?.pricing).toEqual({ input: 0.15, output: 0.6, cacheRead: 0.075 })
    expect(m.parameters.map((p) => p.name).sort()).toEqual(
      [
        'frequency_penalty',
        'logit_bias',
        'logprobs',
        'max_tokens',
        'presence_penalty',
        'response_format',
        'seed',
        'stop',
        'structured_outputs',
        'temperature',
        'tool_choice',
        'tools',
        'top_logprobs',
        'top_p',
        'web_search_options',
      ].sort(),
    )
  })

  it('gives every model a description and a usable price', () => {
    for (const m of getModels()) {
      expect(m.summary.length, m.id).toBeGreaterThan(20)
      expect(m.endpoints.length, m.id).toBeGreaterThan(0)
    }
  })

  it('sends the merged snapshot ids to their models: page redirect and proxy', () => {
    const table = buildRoutingTable(getModels(), getProviders(), getRouters())
    const merged = {
      'anthropic/claude-haiku-4-5-20251001': 'anthropic/claude-haiku-4-5',
      'anthropic/claude-opus-4-1-20250805': 'anthropic/claude-opus-4-1',
      'anthropic/claude-opus-4-5-20251101': 'anthropic/claude-opus-4-5',
      'anthropic/claude-sonnet-4-5-20250929': 'anthropic/claude-sonnet-4-5',
      'anthropic/claude-opus-4-20250514': 'anthropic/claude-opus-4-0',
      'anthropic/claude-sonnet-4-20250514': 'anthropic/claude-sonnet-4-0',
      'mistral/devstral-medium-2507': 'mistral/devstral-medium',
      'mistral/devstral-small-2507': 'mistral/devstral-small',
      'mistral/devstral-2512': 'mistral/devstral-medium-latest',
      'mistral/mistral-large-2512': 'mistral/mistral-large-latest',
    }
    for (const [alias, id] of Object.entries(merged)) {
      expect(getModel(alias), alias).toBeUndefined()
      expect(getAliasTarget(alias)?.id, alias).toBe(id)
      expect(resolveModel(alias, table).id, alias).toBe(id)
      expect(resolveModel(alias.split('/')[1]!, table).id, alias).toBe(id)
    }
    // Alias pages never shadow a model and always land on one.
    for (const { path, model } of getAliasPaths()) {
      expect(getModel(path), path).toBeUndefined()
      expect(getModel(model.id), path).toBe(model)
    }
  })
})

describe('price history in the catalog', () => {
  it('answers ?at= with the old price on a known change (DeepSeek Chat at ZenMux, cut on 2026-01-05)', () => {
    const model = getModel('deepseek/deepseek-chat')!
    const history = getPriceHistory(model.id)
    const zenmux = (at: string) =>
      toOpenRouterEndpointsOn(model, history, at).body?.data.endpoints.find((e) => e.provider === 'zenmux')
    expect(zenmux('2026-01-04')?.pricing).toMatchObject({ prompt: '0.00000056', completion: '0.00000168' })
    expect(zenmux('2026-01-05')?.pricing).toMatchObject({ prompt: '0.00000028', completion: '0.00000042' })
    // Before any endpoint of the model had a recorded price: nothing, so the route answers 404.
    expect(toOpenRouterEndpointsOn(model, history, '2024-01-01').body).toBeUndefined()
  })

  it('lists catalog-wide changes newest first, with price cuts among them', () => {
    const changes = getCatalogChanges()
    expect(changes.length).toBeGreaterThan(100)
    expect(changes.map((c) => c.date)).toEqual([...changes.map((c) => c.date)].sort().reverse())
    expect(changes.some((c) => c.kind === 'price-cut' && c.model === 'deepseek/deepseek-chat')).toBe(true)
  })
})
