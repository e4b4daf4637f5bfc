import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'

import { endpointSchema } from './schema'

const endpoint = (history: unknown[], extra: Record<string, unknown> = {}) => ({
  provider: 'acme-cloud',
  modelId: 'x',
  contextWindow: 8192,
  pricing: { input: 0.28, output: 0.42, cacheRead: 0.028 },
  history,
  ...extra,
})

/** `path: message` of every issue, as content-collections prints them. */
function problems(value: unknown): string[] {
  const r = endpointSchema.safeParse(value)
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)
}

describe('endpoint price history', () => {
  it('accepts periods in date order whose last one is the current pricing, in one-line flow style', () => {
    const yaml = `
provider: deepseek
modelId: deepseek-chat
contextWindow: 128000
pricing: {input: 0.28, output: 0.42, cacheRead: 0.028}
history:
  - {from: "2025-06-10", input: 0.27, output: 1.1, cacheRead: 0.07}
  - {from: "2025-08-25", to: "2025-09-01", input: 0.57, output: 1.68, cacheRead: 0.07}
  - {from: "2025-11-17", input: 0.28, output: 0.42, cacheRead: 0.028}
`
    expect(problems(parse(yaml))).toEqual([])
  })

  it('refuses periods out of date order, naming the field', () => {
    const e = endpoint([
      { from: '2025-08-25', input: 0.57, output: 1.68 },
      { from: '2025-06-10', input: 0.28, output: 0.42, cacheRead: 0.028 },
    ])
    expect(problems(e)).toEqual([
      "history.1.from: periods must be in date order: 2025-06-10 is not after the previous period's 2025-08-25",
    ])
  })

  it('refuses overlapping periods and a period that ends before it begins', () => {
    expect(
      problems(
        endpoint([
          { from: '2025-06-10', to: '2025-07-01', input: 1, output: 2 },
          { from: '2025-06-20', input: 0.28, output: 0.42, cacheRead: 0.028 },
        ]),
      ),
    ).toEqual(['history.0.to: periods overlap: this one runs to 2025-07-01, the next begins 2025-06-20'])
    expect(
      problems(
        endpoint([
          { from: '2025-06-10', to: '2025-06-01', input: 1, output: 2 },
          { from: '2025-06-20', input: 0.28, output: 0.42, cacheRead: 0.028 },
        ]),
      ),
    ).toEqual(['history.0.to: the period ends (2025-06-01) before it begins (2025-06-10)'])
  })

  it('refuses a price period without a price', () => {
    expect(problems(endpoint([{ from: '2025-06-10', output: 0.42 }]))).toContain(
      'history.0.input: a price period needs an input price (USD per 1M tokens)',
    )
  })

  it('refuses a last period that differs from the current pricing, or that has an end', () => {
    expect(problems(endpoint([{ from: '2025-06-10', input: 0.28, output: 0.42 }]))).toEqual([
      'history.0: the last period must equal the current pricing (period: input 0.28, output 0.42; pricing: input 0.28, output 0.42, cacheRead 0.028)',
    ])
    expect(
      problems(endpoint([{ from: '2025-06-10', to: '2025-07-01', input: 0.28, output: 0.42, cacheRead: 0.028 }])),
    ).toEqual(['history.0.to: the last period runs until today (or the retirementDate) and takes no "to"'])
  })

  it('refuses a retirement before the last period began', () => {
    expect(
      problems(
        endpoint([{ from: '2025-06-10', input: 0.28, output: 0.42, cacheRead: 0.028 }], {
          retirementDate: '2025-06-01',
        }),
      ),
    ).toEqual(['retirementDate: retired on 2025-06-01, before the last price period began (2025-06-10)'])
  })
})
