import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'

import type { HistoryEndpoint } from '@/lib/catalog/price-history'
import { priceHistoryView } from '@/lib/catalog/price-history'

import { PriceHistorySection } from './price-history-section'

const deepseek: HistoryEndpoint = {
  provider: 'deepseek',
  pricing: { input: 0.14, output: 0.28 },
  history: [
    { from: '2025-06-10', input: 0.27, output: 1.1 },
    { from: '2025-08-25', to: '2025-09-01', input: 0.57, output: 1.68 },
    { from: '2025-11-17', input: 0.28, output: 0.42 },
    { from: '2026-04-25', input: 0.14, output: 0.28 },
  ],
}
const other: HistoryEndpoint = {
  provider: 'cloud',
  pricing: { input: 0.3, output: 0.5 },
  retirementDate: '2026-06-20',
  history: [{ from: '2026-02-01', input: 0.3, output: 0.5 }],
}
const names: Record<string, string> = { deepseek: 'DeepSeek', cloud: 'Cloud' }
const html = () =>
  renderToStaticMarkup(
    <PriceHistorySection
      view={priceHistoryView([deepseek, other], (p) => names[p] ?? p)}
      today="2026-12-05"
      modelName="DeepSeek Chat"
      deprecationDate="2026-07-01"
    />,
  )
const text = (markup: string) => markup.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')

describe('PriceHistorySection', () => {
  it('says how often prices changed since when, and calls out the latest change', () => {
    const out = text(html())
    expect(out).toContain('Prices changed 3 times since June 10, 2025.')
    expect(out).toContain(
      'Latest: −40 % on 2026-04-25 at DeepSeek (input $0.28 → $0.14, output $0.42 → $0.28 per 1M tokens).',
    )
    expect(out).toContain('Deprecated: July 1, 2026.')
    expect(out).toContain('Cloud stopped offering it on June 20, 2026 (retired).')
    expect(out).toContain('Cloud (2026-02-01)')
  })

  it('draws one step per recorded period, at the recorded prices', () => {
    const out = html()
    const path = (series: string) => new RegExp(`<path d="([^"]+)"[^>]*data-series="${series}"`).exec(out)![1]!
    for (const [series, prices] of [
      ['input', [0.27, 0.57, 0.28, 0.14]],
      ['output', [1.1, 1.68, 0.42, 0.28]],
    ] as const) {
      const d = path(series)
      // One horizontal segment per period; the gap after 2025-09-01 is a move, not a step.
      expect(d.match(/H/g)).toHaveLength(4)
      expect(d.match(/M/g)).toHaveLength(2)
      // The heights follow the prices: y = 4 + (1 - price / max) * 72, max = 1.68 (the highest price).
      const ys = [...d.matchAll(/(?:M[\d.]+ |V)([\d.]+)/g)].map((m) => Number(m[1]))
      expect(ys).toEqual(prices.map((p) => Number((4 + (1 - p / 1.68) * 72).toFixed(1))))
    }
  })

  it('lists every change in a table, newest first, with the percent', () => {
    const rows = [...html().matchAll(/<tr class="border-t[^"]*">(.*?)<\/tr>/g)].map((m) => text(m[1]!).trim())
    expect(rows).toEqual([
      '2026-04-25 DeepSeek $0.28 → $0.14 $0.42 → $0.28 −40 %',
      '2025-11-17 DeepSeek $0.57 → $0.28 $1.68 → $0.42 −68.9 %',
      '2025-08-25 DeepSeek $0.27 → $0.57 $1.10 → $1.68 +64.2 %',
    ])
  })
})
