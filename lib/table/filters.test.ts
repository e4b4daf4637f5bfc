import { describe, expect, it } from 'vitest'

import { row } from '@/test-support/table-fixtures'

import type { IndexFilters } from './filters'
import {
  activeFilters,
  daysBefore,
  filterRows,
  loosenings,
  matchesFilters,
  NO_FILTERS,
  priceBasis,
  pricedAt,
  withoutFilter,
} from './filters'
import { ModelSearch } from './search'
import { viewRows } from './view'

const f = (over: Partial<IndexFilters>): IndexFilters => ({ ...NO_FILTERS, ...over })

const rows = [
  row('openai/gpt-4o', {
    vendorName: 'OpenAI',
    providers: ['openai', 'azure'],
    inputModalities: ['text', 'image', 'file'],
    capabilities: ['tools', 'vision', 'streaming'],
    context: 128_000,
    input: 2.5,
    output: 10,
    cacheRead: 1.25,
  }),
  row('openai/gpt-4o-mini', {
    vendorName: 'OpenAI',
    providers: ['openai'],
    inputModalities: ['text', 'image'],
    capabilities: ['tools', 'vision'],
    context: 128_000,
    input: 0.15,
    output: 0.6,
  }),
  row('meta/llama-3-8b', {
    vendorName: 'Meta',
    providers: ['groq', 'together'],
    openWeights: true,
    context: 8_192,
    input: 0,
    output: 0,
  }),
  row('google/gemini-1-0', {
    vendorName: 'Google',
    providers: [],
    status: 'deprecated',
    context: 32_000,
    input: undefined,
    output: undefined,
    inputModalities: ['text', 'audio'],
    outputModalities: ['text', 'audio'],
  }),
  row('google/gemini-2-5-pro', {
    vendorName: 'Google',
    providers: ['google'],
    context: 1_048_576,
    input: 1.25,
    output: 10,
    capabilities: ['tools', 'reasoning'],
  }),
]
const ids = (filters: IndexFilters) => filterRows(rows, filters).map((r) => r.id)

describe('pricedAt: a provider filter prices each model at the chosen providers', () => {
  const gpt = row('openai/gpt-4o', {
    providers: ['poe', 'openai', 'azure', 'old-cloud'],
    input: 2,
    output: 8,
    offers: [[2, 8], [2.5, 10, 1.25], [2.75, 11], null],
  })
  it('takes the cheapest of the chosen providers, with its cache price', () => {
    expect(pricedAt(gpt, ['azure', 'openai'])).toMatchObject({ input: 2.5, output: 10, cacheRead: 1.25 })
    const azure = pricedAt(gpt, ['azure'])
    expect(azure).toMatchObject({ input: 2.75, output: 11 })
    expect(azure).not.toHaveProperty('cacheRead')
  })
  it('says where the prices come from', () => {
    const facet: [string, string][] = [
      ['azure', 'Azure'],
      ['groq', 'Groq'],
    ]
    expect(priceBasis(NO_FILTERS, facet)).toBe("each model's cheapest provider")
    expect(priceBasis(f({ providers: ['azure'] }), facet)).toBe('Azure')
    expect(priceBasis(f({ providers: ['azure', 'groq'] }), facet)).toBe('the cheapest of Azure, Groq')
  })
  it('leaves prices unknown where none of them prices the model', () => {
    for (const none of [pricedAt(gpt, ['groq']), pricedAt(gpt, ['old-cloud'])]) {
      expect(none.input).toBeUndefined()
      expect(none.output).toBeUndefined()
    }
  })
  it('filters and sorts by those prices: a price bound or "free" holds at the chosen provider', () => {
    const llama = row('meta/llama', {
      providers: ['groq', 'together'],
      input: 0,
      output: 0,
      offers: [
        [0, 0],
        [0.2, 0.2],
      ],
    })
    expect(filterRows([gpt, llama], f({ providers: ['together'], free: true }))).toEqual([])
    expect(filterRows([gpt, llama], f({ providers: ['groq'], free: true })).map((r) => r.id)).toEqual(['meta/llama'])
    expect(
      filterRows([gpt, llama], f({ providers: ['azure', 'together'], maxOutput: 5 })).map((r) => [r.id, r.output]),
    ).toEqual([['meta/llama', 0.2]])
  })
})

describe('matchesFilters', () => {
  it('passes everything with no filters', () => {
    expect(ids(NO_FILTERS)).toHaveLength(rows.length)
  })
  it('vendor and provider: any of the selected', () => {
    expect(ids(f({ vendors: ['meta', 'google'] }))).toEqual([
      'meta/llama-3-8b',
      'google/gemini-1-0',
      'google/gemini-2-5-pro',
    ])
    expect(ids(f({ providers: ['azure', 'groq'] }))).toEqual(['openai/gpt-4o', 'meta/llama-3-8b'])
  })
  it('modalities and capabilities: all of the selected', () => {
    expect(ids(f({ inputModalities: ['image', 'file'] }))).toEqual(['openai/gpt-4o'])
    expect(ids(f({ outputModalities: ['audio'] }))).toEqual(['google/gemini-1-0'])
    expect(ids(f({ capabilities: ['tools', 'vision'] }))).toEqual(['openai/gpt-4o', 'openai/gpt-4o-mini'])
    expect(ids(f({ capabilities: ['tools', 'reasoning'] }))).toEqual(['google/gemini-2-5-pro'])
  })
  it('minimum context and maximum prices; unpriced models fail a price bound', () => {
    expect(ids(f({ minContext: 128_000 }))).toEqual(['openai/gpt-4o', 'openai/gpt-4o-mini', 'google/gemini-2-5-pro'])
    expect(ids(f({ maxInput: 1.25 }))).toEqual(['openai/gpt-4o-mini', 'meta/llama-3-8b', 'google/gemini-2-5-pro'])
    expect(ids(f({ maxOutput: 0.6 }))).toEqual(['openai/gpt-4o-mini', 'meta/llama-3-8b'])
  })
  it('free, open weights and hide deprecated', () => {
    expect(ids(f({ free: true }))).toEqual(['meta/llama-3-8b'])
    expect(ids(f({ openWeights: true }))).toEqual(['meta/llama-3-8b'])
    expect(ids(f({ hideDeprecated: true }))).not.toContain('google/gemini-1-0')
    expect(matchesFilters(rows[3]!, f({ hideDeprecated: true }))).toBe(false)
  })
  it('combines filters with AND', () => {
    expect(ids(f({ vendors: ['openai'], maxInput: 1, capabilities: ['vision'] }))).toEqual(['openai/gpt-4o-mini'])
  })
})

describe('active filters and the empty state', () => {
  const search = new ModelSearch(rows)
  const searchFn = (rs: readonly (typeof rows)[number][], q: string) => {
    const keep = new Set(rs)
    return search
      .search(q)
      .map((h) => h.row)
      .filter((r) => keep.has(r))
  }

  it('describes each filter in words', () => {
    const labels = activeFilters(
      f({ vendors: ['openai'], maxInput: 0.5, maxOutput: 0, minContext: 128_000, free: true, capabilities: ['tools'] }),
      'mini',
      {
        vendors: [['openai', 'OpenAI']],
      },
    ).map((a) => a.label)
    expect(labels).toEqual([
      'Search: “mini”',
      'Vendor: OpenAI',
      'Has: Tool calling',
      'Context ≥ 128K',
      'Input ≤ $0.50',
      'Output ≤ $0.00',
      'Free only',
    ])
  })

  it('removes one filter at a time', () => {
    expect(withoutFilter(f({ vendors: ['x'], free: true }), 'vendors')).toEqual(f({ free: true }))
  })

  it('names the filter whose removal brings back the most models', () => {
    const filters = f({ vendors: ['openai'], free: true })
    expect(viewRows(rows, search, '', filters)).toEqual([])
    const l = loosenings(rows, filters, '', searchFn)
    // Without "free": OpenAI's two models; without "vendor": the one free model.
    expect(l[0]).toMatchObject({ key: 'free', count: 2 })
    expect(l[1]).toMatchObject({ key: 'vendors', count: 1 })
  })

  it('counts the search as a filter to loosen', () => {
    const l = loosenings(rows, f({ vendors: ['meta'] }), 'gpt', searchFn)
    expect(l.map((x) => [x.key, x.count])).toEqual([
      ['vendors', 2],
      ['q', 1],
    ])
  })
})

describe('viewRows', () => {
  it('searches (relevance order) then filters', () => {
    const search = new ModelSearch(rows)
    expect(viewRows(rows, search, 'gpt-4o', NO_FILTERS).map((r) => r.id)).toEqual([
      'openai/gpt-4o',
      'openai/gpt-4o-mini',
    ])
    expect(viewRows(rows, search, 'gpt-4o', f({ maxInput: 1 })).map((r) => r.id)).toEqual(['openai/gpt-4o-mini'])
    expect(viewRows(rows, search, '', NO_FILTERS)).toEqual(rows)
  })
})

describe('price changed in the last N days', () => {
  const today = '2026-03-31'
  const changed = (id: string, date?: string) =>
    row(id, date ? { lastChange: { date, kind: 'cut', percent: -50 } } : {})
  const list = [
    changed('a/today', '2026-03-31'),
    changed('a/edge', '2026-03-01'),
    changed('a/older', '2026-02-28'),
    changed('a/announced', '2026-04-15'),
    changed('a/never'),
  ]
  const ids = (days: number) => filterRows(list, f({ changedWithin: days }), today).map((r) => r.id)

  it('counts days back from today, both ends included, and leaves out changes still to come', () => {
    expect(daysBefore(today, 30)).toBe('2026-03-01')
    expect(daysBefore('2026-03-01', 1)).toBe('2026-02-28')
    expect(ids(30)).toEqual(['a/today', 'a/edge'])
    expect(ids(90)).toEqual(['a/today', 'a/edge', 'a/older'])
    expect(matchesFilters(list[4]!, f({ changedWithin: 3650 }), today)).toBe(false)
  })

  it('is a chip of its own, and the empty state counts what removing it brings back', () => {
    expect(activeFilters(f({ changedWithin: 30 }))).toEqual([
      { key: 'changedWithin', label: 'Price changed in the last 30 days' },
    ])
    expect(withoutFilter(f({ changedWithin: 30 }), 'changedWithin').changedWithin).toBeUndefined()
    const found = loosenings(list, f({ changedWithin: 30, vendors: ['nobody'] }), '', (rs) => rs, {}, today)
    expect(found.find((l) => l.key === 'vendors')?.count).toBe(2)
    expect(found.find((l) => l.key === 'changedWithin')?.count).toBe(0)
  })
})
