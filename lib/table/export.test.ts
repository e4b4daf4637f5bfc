import { describe, expect, it } from 'vitest'

import { row } from '@/test-support/table-fixtures'

import { toCsv, toJson } from './export'

const rows = [
  row('openai/gpt-4o-mini', {
    name: 'GPT-4o mini',
    vendorName: 'OpenAI',
    input: 0.15,
    output: 0.6,
    cacheRead: 0.075,
    providers: ['openai', 'azure'],
    lastChange: { date: '2025-11-17', kind: 'cut', percent: -50 },
  }),
  row('acme/quote', {
    name: 'He said "hi", twice',
    vendorName: 'Acme',
    input: undefined,
    output: undefined,
    providers: [],
  }),
]

describe('export', () => {
  it('writes CSV with units in the headers, raw numbers and RFC 4180 quoting', () => {
    const csv = toCsv(rows, ['name', 'vendor', 'input', 'output', 'cacheRead', 'providers'])
    const lines = csv.split('\r\n')
    expect(lines[0]).toBe(
      'Id,Model,Vendor,Input (USD per 1M tokens),Output (USD per 1M tokens),Cache read (USD per 1M tokens),Providers',
    )
    expect(lines[1]).toBe('openai/gpt-4o-mini,GPT-4o mini,OpenAI,0.15,0.6,0.075,openai; azure')
    expect(lines[2]).toBe('acme/quote,"He said ""hi"", twice",Acme,,,,')
    expect(csv.endsWith('\r\n')).toBe(true)
  })

  it('writes JSON objects with numbers, nulls for unknowns, and the units', () => {
    const json = JSON.parse(toJson(rows, ['name', 'input', 'context']))
    expect(json.count).toBe(2)
    expect(json.units).toEqual({ input: 'USD per 1M tokens', context: 'tokens' })
    expect(json.models[0]).toEqual({ id: 'openai/gpt-4o-mini', name: 'GPT-4o mini', input: 0.15, context: 128000 })
    expect(json.models[1].input).toBeNull()
  })

  it('exports the last price change as its day and percent, empty where none is recorded', () => {
    const lines = toCsv(rows, ['name', 'priceChange']).split('\r\n')
    expect(lines[0]).toBe('Id,Model,Last price change,Last price change (% of input + output)')
    expect(lines[1]).toBe('openai/gpt-4o-mini,GPT-4o mini,2025-11-17,-50')
    expect(lines[2]).toBe('acme/quote,"He said ""hi"", twice",,')
  })
})
