/** Seeding price histories from the models.dev history file: periods, spikes, holds, retirements, once only. */
import { rmSync } from 'node:fs'

import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { checkContent } from '../../check'
import { readContent, writeContent } from '../../fs'
import { runImport } from '../../index'
import { formatReport } from '../../report'
import { BOTH, emptyContent, readModel } from '../../test-helpers'
import type { HistoryOffer } from './input'
import { parseHistoryFile } from './input'
import { draftPeriods, judgePeriods, seedHistory } from './seed'

const offer = (prices: HistoryOffer['prices'], extra: Partial<HistoryOffer> = {}): HistoryOffer => ({
  added: prices[0]!.from,
  removed: null,
  prices,
  ...extra,
})

describe('draftPeriods', () => {
  it('maps records to periods, merges repeats and ends a period where the cost table goes', () => {
    const o = offer([
      { from: '2025-06-10', input: 0.27, output: 1.1, cache_read: 0.07 },
      { from: '2025-07-01', input: 0.27, output: 1.1, cache_read: 0.07 },
      { from: '2025-08-25', input: null, output: null },
      { from: '2025-09-01', input: 0.57, output: 1.68 },
    ])
    expect(draftPeriods(o, 'x')).toEqual([
      { from: '2025-06-10', to: '2025-08-25', pricing: { input: 0.27, output: 1.1, cacheRead: 0.07 } },
      { from: '2025-09-01', pricing: { input: 0.57, output: 1.68 } },
    ])
  })
})

describe('judgePeriods', () => {
  const draft = (...prices: Array<[string, number, number]>) =>
    prices.map(([from, input, output]) => ({ from, pricing: { input, output } }))

  it('leaves out a spike that is undone later and holds it for review', () => {
    const d = draft(
      ['2025-06-10', 1, 2],
      ['2025-12-13', 1_000_000, 2_000_000],
      ['2025-12-23', 1, 2],
      ['2026-03-01', 0.8, 1.6],
    )
    const out = judgePeriods(d, 'acme/x', 'cloud', new Set())
    expect(out.periods).toEqual(draft(['2025-06-10', 1, 2], ['2026-03-01', 0.8, 1.6]))
    expect(out.held).toHaveLength(1)
    expect(out.held[0]!.effect).toBe('undone on 2025-12-23: left out as a data error')
    // Accepted: the spike stays in.
    expect(judgePeriods(d, 'acme/x', 'cloud', new Set([out.held[0]!.id])).periods).toEqual(d)
  })

  it('holds a suspicious change that is not undone: no history until accepted', () => {
    const d = draft(['2025-06-10', 0, 0], ['2025-12-24', 0.34, 0.34])
    const out = judgePeriods(d, 'acme/x', 'cloud', new Set())
    expect(out.periods).toBeUndefined()
    expect(out.held[0]!.reasons).toEqual(['input from zero (0 → 0.34)', 'output from zero (0 → 0.34)'])
    const accepted = judgePeriods(d, 'acme/x', 'cloud', new Set([out.held[0]!.id]))
    expect(accepted.periods).toEqual(d)
    expect(accepted.accepted.map((h) => h.id)).toEqual([out.held[0]!.id])
  })
})

describe('seedHistory', () => {
  let dir: string
  beforeEach(() => {
    dir = emptyContent()
    runImport({ sources: BOTH, contentDir: dir, today: '2026-07-01' })
    // Start from endpoints without history, as the catalog was before the seed.
    const snapshot = readContent(dir)
    for (const [id, f] of snapshot.models)
      if (f.yaml) snapshot.models.set(id, { ...f, yaml: f.yaml.replace(/\n {4}history:\n( {6}- .*\n)+/g, '\n') })
    writeContent(
      dir,
      [...snapshot.models].map(([id, f]) => ({ path: `models/${id}.yaml`, content: f.yaml!, kind: 'update' as const })),
    )
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  const file = parseHistoryFile('history.json', {
    source: 'test',
    from: '2025-06-04',
    to: '2026-07-01',
    units: 'USD per 1M tokens',
    offers: {
      'azure/gpt-4.1': offer([
        { from: '2025-06-04', input: 2.5, output: 10, cache_read: 0.625 },
        { from: '2026-01-10', input: 2, output: 8, cache_read: 0.5 },
      ]),
      'openai/gpt-4.1': offer([{ from: '2025-06-04', input: 2, output: 8, cache_read: 0.5 }], {
        removed: '2026-06-20',
      }),
      'nvidia/openai/gpt-4.1': offer([{ from: '2025-06-04', input: 0.1, output: 0.1 }]),
    },
  })

  it('writes each endpoint its periods, retires removed offers and reports the rest', () => {
    const { writes, report } = seedHistory(file, readContent(dir), { today: '2026-12-05' })
    writeContent(dir, writes)
    const m = readModel(dir, 'openai/gpt-4.1')
    const by = (p: string) => m.endpoints.find((e) => e.provider === p)!
    expect(by('azure').history).toEqual([
      { from: '2025-06-04', input: 2.5, output: 10, cacheRead: 0.625 },
      { from: '2026-01-10', input: 2, output: 8, cacheRead: 0.5 },
    ])
    expect(by('openai')).toMatchObject({ retirementDate: '2026-06-20' })
    expect(by('nvidia').history).toBeUndefined() // the history ends at another price than the file
    expect(report.history.seed).toMatchObject({ seeded: 2, periods: 3, changes: 1, retired: 1 })
    expect(formatReport(report)).toContain('2 endpoints got a history: 3 periods, 1 price changes')
    expect(checkContent(readContent(dir)).problems).toEqual([])

    // Seeding runs once: a second run leaves every history as it is.
    const again = seedHistory(file, readContent(dir), { today: '2026-12-06' })
    expect(again.writes).toEqual([])
    expect(again.report.history.seed!.alreadyHadHistory).toBe(2)
  })
})
