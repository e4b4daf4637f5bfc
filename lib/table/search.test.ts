import { describe, expect, it } from 'vitest'

import { row } from '@/test-support/table-fixtures'

import { allowedEdits, ModelSearch, normalize, queryWords, substringDistance } from './search'

const rows = [
  row('openai/gpt-4o', { name: 'GPT-4o', vendorName: 'OpenAI', aliases: ['gpt-4o-2024-08-06'] }),
  row('openai/gpt-4o-mini', { name: 'GPT-4o mini', vendorName: 'OpenAI', aliases: ['gpt-4o-mini-2024-07-18'] }),
  row('openai/gpt-5', { name: 'GPT-5', vendorName: 'OpenAI' }),
  row('anthropic/claude-sonnet-4', { name: 'Claude Sonnet 4', vendorName: 'Anthropic' }),
  row('anthropic/claude-3-5-haiku', {
    name: 'Claude 3.5 Haiku',
    vendorName: 'Anthropic',
    aliases: ['claude-3-5-haiku-latest'],
  }),
  row('mistral/mistral-medium', { name: 'Mistral Médium', vendorName: 'Mistral AI' }),
  row('meta/llama-3-1-8b', { name: 'Llama 3.1 8B Instruct', vendorName: 'Meta' }),
]
const search = new ModelSearch(rows)
const ids = (q: string) => search.search(q).map((h) => h.row.id)

describe('normalize and words', () => {
  it('keeps lower-case letters and digits only, folding accents', () => {
    expect(normalize('GPT-4o mini')).toBe('gpt4omini')
    expect(normalize('Mistral Médium')).toBe('mistralmedium')
    expect(queryWords('  gpt-4o,  MINI ')).toEqual(['gpt4o', 'mini'])
  })
  it('allows more edits for longer words', () => {
    expect([3, 4, 7, 8].map(allowedEdits)).toEqual([0, 1, 1, 2])
  })
})

describe('substringDistance', () => {
  it('counts edits to the closest substring, a swap as one', () => {
    expect(substringDistance('claude', 'anthropicclaudesonnet4', 2)).toBe(0)
    expect(substringDistance('cluade', 'claudesonnet4', 2)).toBe(1)
    expect(substringDistance('sonet', 'claudesonnet4', 2)).toBe(1)
    expect(substringDistance('haikuu', 'claude35haiku', 2)).toBe(1)
    expect(substringDistance('zzzzzz', 'claude', 2)).toBe(3)
  })
  it('never replaces a digit with another digit', () => {
    expect(substringDistance('gpt5', 'gpt4o', 1)).toBe(2)
  })
})

describe('ModelSearch', () => {
  it('returns every row, in order, for an empty query', () => {
    expect(ids('')).toEqual(rows.map((r) => r.id))
    expect(ids('   ')).toHaveLength(rows.length)
  })

  it('matches name, id, vendor and aliases regardless of punctuation and case', () => {
    expect(ids('gpt-4o mini')).toEqual(['openai/gpt-4o-mini'])
    expect(ids('GPT4O MINI')).toEqual(['openai/gpt-4o-mini'])
    expect(ids('anthropic')).toEqual(['anthropic/claude-sonnet-4', 'anthropic/claude-3-5-haiku'])
    expect(ids('2024-07-18')).toEqual(['openai/gpt-4o-mini'])
    expect(ids('haiku-latest')).toEqual(['anthropic/claude-3-5-haiku'])
    expect(ids('medium')).toEqual(['mistral/mistral-medium'])
  })

  it('needs every word to match, in any field', () => {
    expect(ids('openai mini')).toEqual(['openai/gpt-4o-mini'])
    expect(ids('anthropic haiku')).toEqual(['anthropic/claude-3-5-haiku'])
    expect(ids('anthropic mini')).toEqual([])
  })

  it('ranks the exact name first, then prefixes, then substrings', () => {
    expect(ids('gpt-4o')[0]).toBe('openai/gpt-4o')
    expect(ids('gpt-4o')).toEqual(['openai/gpt-4o', 'openai/gpt-4o-mini'])
    expect(ids('gpt')).toEqual(['openai/gpt-4o', 'openai/gpt-4o-mini', 'openai/gpt-5'])
  })

  it('tolerates small typos: swaps, a missing or extra letter', () => {
    expect(ids('cluade')).toEqual(['anthropic/claude-sonnet-4', 'anthropic/claude-3-5-haiku'])
    expect(ids('claude sonet')).toEqual(['anthropic/claude-sonnet-4'])
    expect(ids('lama')).toEqual(['meta/llama-3-1-8b'])
    expect(ids('antrhopic')).toHaveLength(2)
    expect(ids('gpt-4o minni')).toEqual(['openai/gpt-4o-mini'])
  })

  it('does not use typo tolerance for a word that matches something exactly', () => {
    // "gpt5" is GPT-5 only, not every gpt-4 model one edit away.
    expect(ids('gpt5')).toEqual(['openai/gpt-5'])
  })

  it('does not match short words or long distances approximately', () => {
    expect(ids('gpz')).toEqual([])
    expect(ids('xqzzyq')).toEqual([])
  })

  it('answers 5,000 rows quickly, typos included', () => {
    const many = Array.from({ length: 5000 }, (_, i) =>
      row(`vendor${i % 20}/model-${i}`, {
        name: `Model ${['atlas', 'beacon', 'cinder', 'delta'][i % 4]} ${i}`,
        vendorName: `Vendor ${i % 20}`,
        aliases: [`model-${i}-2025-01-01`],
      }),
    )
    const s = new ModelSearch(many)
    const t0 = performance.now()
    for (const q of ['b', 'be', 'bea', 'beac', 'beaco', 'beacon', 'baecon', 'beacon 12']) s.search(q)
    const ms = performance.now() - t0
    expect(s.search('baecon')).toHaveLength(1250)
    expect(ms).toBeLessThan(2000) // a sanity bound for slow CI, not the benchmark (npm run bench:index)
  })
})
