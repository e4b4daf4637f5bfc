import Big from 'big.js'
import { describe, expect, it } from 'vitest'

import { buildCatalog } from '@/lib/catalog/derive'
import { modelDoc, proseDoc, providerDoc, vendorDoc } from '@/test-support/catalog-fixtures'

import { compareHref, compareQuery, DEFAULT_WORKLOAD, parseCompareParams, unusableWorkloadParams } from './params'
import { compareGroups } from './rows'
import { comparisonTitle, pickerOptions, resolveIds, selectModels } from './selection'
import { cachedTokens, cheapestFor, costAt, misfitText, multipleOf, quoteWorkload } from './workload'

const q = (s: string) => parseCompareParams(new URLSearchParams(s))

describe('compare URL', () => {
  it('reads ids in order, without duplicates, from commas, repeats and the picker’s add', () => {
    expect(q('models=a/x,b/y&models=c/z&add=a/x&add=d/w').ids).toEqual(['a/x', 'b/y', 'c/z', 'd/w'])
    expect(q('').ids).toEqual([])
  })

  it('reads the workload, with k/m suffixes, and falls back on bad values', () => {
    expect(q('in=2k&out=300&cached=50&rpd=1.5m').workload).toEqual({
      inputTokens: 2000,
      outputTokens: 300,
      cachedPercent: 50,
      requestsPerDay: 1_500_000,
    })
    expect(q('in=-4&out=lots&cached=150&rpd=').workload).toEqual(DEFAULT_WORKLOAD)
    expect(q('diff=1').differencesOnly).toBe(true)
  })

  it('names the workload numbers of a link it could not use', () => {
    expect(unusableWorkloadParams(new URLSearchParams('in=-4&out=lots&cached=150&rpd='))).toEqual([
      'in=-4',
      'out=lots',
      'cached=150',
      'rpd=',
    ])
    expect(unusableWorkloadParams(new URLSearchParams('in=2k&cached=12.5'))).toEqual([])
    expect(unusableWorkloadParams({ models: 'a,b' })).toEqual([])
  })

  it('writes only what differs from the defaults, keeping slashes and commas readable', () => {
    const p = {
      ids: ['openai/gpt-4o-mini', 'anthropic/claude-haiku-4-5'],
      workload: { ...DEFAULT_WORKLOAD, cachedPercent: 25 },
      differencesOnly: true,
    }
    expect(compareQuery(p)).toBe('models=openai/gpt-4o-mini,anthropic/claude-haiku-4-5&cached=25&diff=1')
    expect(parseCompareParams(new URLSearchParams(compareQuery(p)))).toEqual(p)
    expect(compareHref({ ids: [], workload: DEFAULT_WORKLOAD, differencesOnly: false })).toBe('/compare')
  })
})

describe('workload cost', () => {
  const mini = { provider: 'openai', providerName: 'OpenAI', pricing: { input: 0.15, output: 0.6, cacheRead: 0.075 } }

  it('matches a hand computation: 1,000 requests a day of 1,000 in / 500 out at $0.15 / $0.60', () => {
    // (1,000 × 0.15 + 500 × 0.60) / 1M = 0.00045 per request; × 1,000 = 0.45 a day; × 30 = 13.5 a month.
    const c = costAt(mini, DEFAULT_WORKLOAD)
    expect(c.perRequest.toFixed()).toBe('0.00045')
    expect(c.perDay.toFixed()).toBe('0.45')
    expect(c.perMonth.toFixed()).toBe('13.5')
  })

  it('bills the cached share at the cache price', () => {
    const w = { inputTokens: 10_000, outputTokens: 1_000, cachedPercent: 40, requestsPerDay: 5_000 }
    expect(cachedTokens(w)).toBe(4_000)
    // 6,000 × 0.15 + 4,000 × 0.075 + 1,000 × 0.60 = 900 + 300 + 600 = 1,800 per 1M → 0.0018 per request.
    const c = costAt(mini, w)
    expect(c.perRequest.toFixed()).toBe('0.0018')
    expect(c.perDay.toFixed()).toBe('9')
    expect(c.perMonth.toFixed()).toBe('270')
  })

  it('picks the endpoint cheapest for this workload, not the lowest list price', () => {
    const noCache = { provider: 'cheap', providerName: 'Cheap', pricing: { input: 0.12, output: 0.6 } }
    const deprecated = {
      provider: 'old',
      providerName: 'Old',
      pricing: { input: 0, output: 0 },
      status: 'deprecated' as const,
    }
    const heavyCache = { ...DEFAULT_WORKLOAD, cachedPercent: 90 }
    expect(cheapestFor([mini, noCache, deprecated], DEFAULT_WORKLOAD)?.endpoint.provider).toBe('cheap')
    expect(cheapestFor([mini, noCache, deprecated], heavyCache)?.endpoint.provider).toBe('openai')
    // A retired endpoint prices nothing, and neither does a trial (lib/catalog/offers.ts).
    expect(cheapestFor([deprecated], DEFAULT_WORKLOAD)).toBeUndefined()
    const trial = {
      provider: 'nvidia',
      providerName: 'NVIDIA',
      pricing: { input: 0, output: 0 },
      offer: 'trial' as const,
    }
    expect(cheapestFor([noCache, trial], DEFAULT_WORKLOAD)?.endpoint.provider).toBe('cheap')
    expect(cheapestFor([], DEFAULT_WORKLOAD)).toBeUndefined()
  })

  it('never prices a workload longer than the context window or the maximum output', () => {
    const small = { ...mini, contextWindow: 128_000, maxOutputTokens: 16_384 }
    const long = { inputTokens: 300_000, outputTokens: 500, cachedPercent: 0, requestsPerDay: 1_000 }
    expect(cheapestFor([small], long)).toBeUndefined()
    expect(quoteWorkload([small], long)).toEqual({ kind: 'misfit', misfit: { kind: 'context', limit: 128_000 } })
    // The prompt and the completion share the window: 127,800 + 500 does not fit 128,000.
    expect(quoteWorkload([small], { ...long, inputTokens: 127_800 }).kind).toBe('misfit')
    expect(quoteWorkload([small], { ...long, inputTokens: 127_500 }).kind).toBe('priced')
    const longAnswer = { ...DEFAULT_WORKLOAD, outputTokens: 20_000 }
    expect(quoteWorkload([small], longAnswer)).toEqual({ kind: 'misfit', misfit: { kind: 'output', limit: 16_384 } })

    // A dearer provider with a larger window takes the long prompt; the cheap one is skipped.
    const wide = { provider: 'wide', providerName: 'Wide', pricing: { input: 1, output: 2 }, contextWindow: 1_000_000 }
    const q = quoteWorkload([small, wide], long)
    expect(q.kind === 'priced' && q.cost.endpoint.provider).toBe('wide')
    // Nothing fits: the largest window is the one named.
    expect(quoteWorkload([small, { ...wide, contextWindow: 200_000 }], { ...long, inputTokens: 900_000 })).toEqual({
      kind: 'misfit',
      misfit: { kind: 'context', limit: 200_000 },
    })
    // An unknown limit is no limit.
    expect(quoteWorkload([mini], long).kind).toBe('priced')
    // No live list price: unpriced, whatever the workload.
    expect(quoteWorkload([{ ...small, status: 'deprecated' as const }], DEFAULT_WORKLOAD)).toEqual({ kind: 'unpriced' })
    expect(quoteWorkload([], DEFAULT_WORKLOAD)).toEqual({ kind: 'unpriced' })
  })

  it('says why a workload does not fit, with its numbers', () => {
    const w = { inputTokens: 300_000, outputTokens: 500, cachedPercent: 0, requestsPerDay: 1 }
    expect(misfitText({ kind: 'context', limit: 128_000 }, w)).toBe(
      '300,000 input + 500 output tokens are more than its context window of 128,000 tokens.',
    )
    expect(misfitText({ kind: 'context', limit: 128_000 }, { ...w, outputTokens: 0 })).toBe(
      '300,000 input tokens are more than its context window of 128,000 tokens.',
    )
    expect(misfitText({ kind: 'output', limit: 16_384 }, { ...w, outputTokens: 20_000 })).toBe(
      '20,000 output tokens are more than its maximum output of 16,384 tokens.',
    )
  })

  it('adds per-request fees and long-prompt tiers', () => {
    const tiered = {
      provider: 't',
      providerName: 'T',
      pricing: { input: 1, output: 2, request: 0.001, tiers: [{ above: 1000, input: 2 }] },
    }
    // 2,000 in at the tier price 2 + 500 out at 2 = 5,000 per 1M = 0.005, + 0.001 fee.
    expect(costAt(tiered, { ...DEFAULT_WORKLOAD, inputTokens: 2000 }).perRequest.toFixed()).toBe('0.006')
  })

  it('states each cost as a multiple of the cheapest', () => {
    expect(multipleOf(new Big('0.45'), new Big('0.45'))).toBe('×1')
    expect(multipleOf(new Big('1.44'), new Big('0.45'))).toBe('×3.2')
    expect(multipleOf(new Big('5.4'), new Big('0.45'))).toBe('×12')
    expect(multipleOf(new Big('603'), new Big('0.45'))).toBe('×1,340')
    expect(multipleOf(new Big('1.35'), new Big('0.45'))).toBe('×3')
    expect(multipleOf(new Big('4.48'), new Big('0.45'))).toBe('×10')
    expect(multipleOf(new Big('1'), new Big('0'))).toBeNull()
    expect(multipleOf(new Big('0'), new Big('0'))).toBe('×1')
  })
})

describe('comparison rows', () => {
  const { models } = buildCatalog({
    models: [
      modelDoc('v/a', {
        name: 'A',
        contextWindow: 128_000,
        maxOutputTokens: 4096,
        releaseDate: '2024-01-01',
        parameters: [{ name: 'temperature', default: 1 }, { name: 'seed' }],
        endpoints: [
          {
            provider: 'p1',
            modelId: 'a',
            contextWindow: 128_000,
            pricing: { input: 1, output: 2, cacheRead: 0.5 },
            status: 'available',
          },
          {
            provider: 'p2',
            modelId: 'a',
            contextWindow: 128_000,
            pricing: { input: 1.5, output: 3 },
            status: 'available',
          },
        ],
      }),
      modelDoc('v/b', {
        name: 'B',
        contextWindow: 1_000_000,
        releaseDate: '2025-06-01',
        aliases: ['b-2025-06-01'],
        modalities: { input: ['text', 'image'], output: ['text'] },
        parameters: [{ name: 'temperature' }],
        endpoints: [
          {
            provider: 'p1',
            modelId: 'b',
            contextWindow: 1_000_000,
            pricing: { input: 3, output: 2 },
            status: 'available',
          },
        ],
      }),
    ],
    vendors: [vendorDoc('v')],
    providers: [providerDoc('p1'), providerDoc('p2')],
    prose: [proseDoc('v/a'), proseDoc('v/b')],
  })
  const groups = compareGroups(models)
  const find = (key: string) => groups.flatMap((g) => g.rows).find((r) => r.key === key)!

  it('groups rows in the order readers scan them', () => {
    expect(groups.map((g) => g.key)).toEqual([
      'pricing',
      'limits',
      'capabilities',
      'modalities',
      'parameters',
      'model',
      'dates',
      'status',
      'providers',
    ])
  })

  it('marks the cheapest price, the largest limit and the newest date', () => {
    expect(find('price-input')).toMatchObject({ best: [true, false], bestWord: 'cheapest', same: false })
    expect(find('price-input').cells.map((c) => c.text)).toEqual(['$1.00', '$3.00'])
    expect(find('context').best).toEqual([false, true])
    expect(find('released').best).toEqual([false, true])
  })

  it('marks nothing where all agree, and flags the row as the same', () => {
    expect(find('price-output')).toMatchObject({ best: [], same: true })
    expect(find('cap-tools')).toMatchObject({ best: [], same: true })
  })

  it('never marks a missing value as best and says what is missing', () => {
    const cache = find('price-cacheRead')
    expect(cache.best).toEqual([])
    expect(cache.cells[1]).toMatchObject({ text: 'Not offered', missing: true })
    expect(find('max-output').cells[1]!.text).toBe('Unknown')
    // No separate reasoning price is not "no reasoning".
    expect(find('price-reasoning').cells.map((c) => c.text)).toEqual(['Not a reasoning model', 'Not a reasoning model'])
    const thinking = buildCatalog({
      models: [
        modelDoc('v/r', {
          capabilities: { ...models[0]!.capabilities, reasoning: true },
          endpoints: [
            {
              provider: 'p1',
              modelId: 'r',
              contextWindow: 1000,
              pricing: { input: 1, output: 2 },
              status: 'available',
            },
          ],
        }),
      ],
      vendors: [vendorDoc('v')],
      providers: [providerDoc('p1')],
      prose: [proseDoc('v/r')],
    }).models
    const reasoningRow = compareGroups(thinking)
      .flatMap((g) => g.rows)
      .find((r) => r.key === 'price-reasoning')!
    expect(reasoningRow.cells[0]!.text).toBe('Billed as output')
  })

  it('marks support in yes/no rows and shows the per-provider spread', () => {
    expect(find('input-image')).toMatchObject({ best: [false, true], same: false })
    expect(find('param-seed').cells.map((c) => c.flag)).toEqual([true, false])
    expect(find('param-temperature').cells[0]!.text).toBe('Yes, default 1')
    expect(find('spread-input').cells.map((c) => c.text)).toEqual(['$1.00–$1.50 over 2', 'One provider'])
  })

  it('resolves full ids, aliases and unique bare ids; reports the rest', () => {
    expect(resolveIds(['v/b', 'b-2025-06-01', 'a', 'nope/nope', 'zzz'], models)).toEqual({
      found: [models[1], models[0]],
      unknown: ['nope/nope', 'zzz'],
    })
    expect(resolveIds(['b'], models).found).toEqual([models[1]])
    expect(resolveIds(['A'], models).found).toEqual([models[0]])
  })

  it('selects the models of a URL, with the plain URL of the set and a redirect for the picker form', () => {
    const s = selectModels({ models: 'v/b,nope/nope', in: '2000' }, models)
    expect(s.chosen).toEqual([models[1]])
    expect(s.unknown).toEqual(['nope/nope'])
    expect(s.href).toBe('/compare?models=v/b&in=2000')
    expect(s.redirect).toBeUndefined()
    expect(selectModels({ models: 'v/b', add: 'a' }, models).redirect).toBe('/compare?models=v/b,v/a')
    expect(comparisonTitle(s.chosen)).toBeUndefined()
    expect(comparisonTitle(selectModels({ models: 'v/a,v/b' }, models).chosen)).toMatch(/ vs /)
  })

  it('gives the picker a few strings per model, made once', () => {
    expect(pickerOptions(models)[0]).toEqual({ id: 'v/a', name: models[0]!.name, vendor: 'v', vendorName: 'V' })
    expect(pickerOptions(models)).toBe(pickerOptions(models))
  })
})
