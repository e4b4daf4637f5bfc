/** Price history in imports: appends, never rewrites; suspicious changes are held until accepted; removals retire. */
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { modelSchema } from '@/lib/catalog/schema'

import { checkContent } from './check'
import { readContent, readSource, writeContent } from './fs'
import { suspicious } from './history'
import type { ModelsDevRow } from './input'
import { parseSource } from './input'
import { planImport } from './plan'
import { formatReport } from './report'
import { emptyContent, MODELSDEV, OPENROUTER, readModel } from './test-helpers'

let dir: string

beforeEach(() => {
  dir = emptyContent()
})
afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
})

const FILE = 'models/openai/gpt-4.1.yaml'
const fixtureRows = () => JSON.parse(readFileSync(MODELSDEV, 'utf8')) as ModelsDevRow[]

/** Import the fixtures with the Azure gpt-4.1 row's cost replaced (or the row dropped), on `today`. */
function importOn(today: string, azureCost?: ModelsDevRow['cost'] | 'gone', accept: string[] = []) {
  let rows = fixtureRows()
  if (azureCost === 'gone') rows = rows.filter((r) => !(r.provider === 'azure' && r.modelId === 'gpt-4.1'))
  else if (azureCost) rows.find((r) => r.provider === 'azure' && r.modelId === 'gpt-4.1')!.cost = azureCost
  const sources = [parseSource('models.dev', 'rows.json', rows), readSource('openrouter', OPENROUTER)]
  const result = planImport(sources, readContent(dir), { today, accept })
  writeContent(dir, result.writes)
  return result
}

const azure = () => readModel(dir, 'openai/gpt-4.1').endpoints.find((e) => e.provider === 'azure')!
const text = () => readFileSync(join(dir, FILE), 'utf8')

describe('price history on import', () => {
  it('opens a history for a new endpoint, then appends each change on the import day, one line each', () => {
    importOn('2026-07-01')
    expect(azure().history).toEqual([{ from: '2026-07-01', input: 2, output: 8, cacheRead: 0.5 }])
    const first = text()
    expect(first).toContain('    history:\n      - {from: "2026-07-01", input: 2, output: 8, cacheRead: 0.5}\n')

    const { report } = importOn('2026-08-01', { input: 1.8, output: 8, cache_read: 0.45 })
    expect(azure().pricing).toEqual({ input: 1.8, output: 8, cacheRead: 0.45 })
    expect(azure().history).toEqual([
      { from: '2026-07-01', input: 2, output: 8, cacheRead: 0.5 },
      { from: '2026-08-01', input: 1.8, output: 8, cacheRead: 0.45 },
    ])
    expect(report.history.appended).toEqual([{ model: 'openai/gpt-4.1', provider: 'azure', date: '2026-08-01' }])
    expect(text()).toContain(
      '      - {from: "2026-07-01", input: 2, output: 8, cacheRead: 0.5}\n      - {from: "2026-08-01", input: 1.8, output: 8, cacheRead: 0.45}\n',
    )
    expect(checkContent(readContent(dir)).problems).toEqual([])
  })

  it('never rewrites a past period: every earlier line stays byte for byte', () => {
    importOn('2026-07-01')
    importOn('2026-08-01', { input: 1.8, output: 8, cache_read: 0.45 })
    const lines = (t: string) => t.split('\n').filter((l) => l.startsWith('      - {from:'))
    const before = lines(text())
    importOn('2026-09-01', { input: 1.5, output: 6, cache_read: 0.375 })
    const after = lines(text())
    const added = '      - {from: "2026-09-01", input: 1.5, output: 6, cacheRead: 0.375}'
    expect(after.filter((l) => l !== added)).toEqual(before)
    expect(after).toHaveLength(before.length + 1)
    expect(azure().history!.at(-1)).toEqual({ from: '2026-09-01', input: 1.5, output: 6, cacheRead: 0.375 })
    // Re-running the same import changes nothing.
    const again = importOn('2026-09-02', { input: 1.5, output: 6, cache_read: 0.375 })
    expect(again.writes).toEqual([])
  })

  it('holds a suspicious change until --accept names it', () => {
    importOn('2026-07-01')
    const before = text()
    const { report } = importOn('2026-08-01', { input: 2000, output: 8, cache_read: 0.5 })
    expect(azure().pricing).toEqual({ input: 2, output: 8, cacheRead: 0.5 })
    expect(text()).toBe(before)
    expect(report.history.held).toHaveLength(1)
    const held = report.history.held[0]!
    expect(held).toMatchObject({ model: 'openai/gpt-4.1', provider: 'azure', date: '2026-08-01' })
    expect(held.reasons).toEqual(['input moves 1.00e+3× (2 → 2000)', 'output 8 is 10× or more cheaper than input 2000'])
    expect(held.id).toMatch(/^openai\/gpt-4\.1@azure#[0-9a-f]{8}$/)
    const printed = formatReport(report)
    expect(printed).toContain('Price changes held for review (not applied; apply one with --accept <id>) (1):')
    expect(printed).toContain(held.id)
    expect(report.priceChanges.filter((c) => c.provider === 'azure')).toEqual([])

    // The same run again, with the id: applied and appended.
    const accepted = importOn('2026-08-01', { input: 2000, output: 8, cache_read: 0.5 }, [held.id])
    expect(accepted.report.history.held).toEqual([])
    expect(accepted.report.history.accepted.map((h) => h.id)).toEqual([held.id])
    expect(azure().pricing.input).toBe(2000)
    expect(azure().history!.map((p) => [p.from, p.input])).toEqual([
      ['2026-07-01', 2],
      ['2026-08-01', 2000],
    ])
  })

  it('retires an endpoint the source no longer lists, with the day it left, and keeps it', () => {
    importOn('2026-07-01')
    const { report } = importOn('2026-08-01', 'gone')
    expect(azure()).toMatchObject({ retirementDate: '2026-08-01', pricing: { input: 2, output: 8, cacheRead: 0.5 } })
    expect(azure().history).toEqual([{ from: '2026-07-01', input: 2, output: 8, cacheRead: 0.5 }])
    expect(report.history.retired).toEqual([{ model: 'openai/gpt-4.1', provider: 'azure', date: '2026-08-01' }])
    expect(formatReport(report)).toContain('openai/gpt-4.1 @ azure on 2026-08-01')

    // Listed again later: back in service after a gap, with a new period.
    const back = importOn('2026-09-01', { input: 2, output: 8, cache_read: 0.5 })
    expect(azure().retirementDate).toBeUndefined()
    expect(azure().history).toEqual([
      { from: '2026-07-01', to: '2026-08-01', input: 2, output: 8, cacheRead: 0.5 },
      { from: '2026-09-01', input: 2, output: 8, cacheRead: 0.5 },
    ])
    expect(back.report.history.returned).toHaveLength(1)
    expect(checkContent(readContent(dir)).problems).toEqual([])
  })

  it('keeps a retired endpoint as the file has it when a source older than its retirement still lists it, deprecated', () => {
    // OpenRouter's list (its newest entry: 2026-02-02) still has Grok 4.1 Fast, marked deprecated,
    // while a newer source saw it leave on 2026-03-01: it stays retired, with its whole history.
    const openRouter = JSON.parse(readFileSync(OPENROUTER, 'utf8')) as { data: Array<Record<string, unknown>> }
    openRouter.data.find((m) => m.id === 'x-ai/grok-4.1-fast')!.expiration_date = '2026-03-01'
    const sources = () => [readSource('models.dev', MODELSDEV), parseSource('openrouter', 'or.json', openRouter)]
    const run = (today: string) => {
      const result = planImport(sources(), readContent(dir), { today })
      writeContent(dir, result.writes)
      return result
    }
    run('2026-01-10')
    const file = join(dir, 'models/xai/grok-4.1-fast.yaml')
    const created = readFileSync(file, 'utf8')
    expect(created).toContain('    status: deprecated\n    history:\n')
    const retired = created.replace(
      '    status: deprecated\n    history:\n',
      '    status: deprecated\n    retirementDate: "2026-03-01"\n    history:\n',
    )
    writeFileSync(file, retired)
    const endpoint = () => readModel(dir, 'xai/grok-4.1-fast').endpoints.find((e) => e.provider === 'openrouter')!
    expect(endpoint()).toMatchObject({ status: 'deprecated', retirementDate: '2026-03-01' })
    const history = endpoint().history
    expect(history).toHaveLength(1)

    const again = run('2026-04-01')
    expect(again.writes).toEqual([])
    expect(readFileSync(file, 'utf8')).toBe(retired)
    expect(endpoint()).toMatchObject({ retirementDate: '2026-03-01', history })
    expect(again.report.history.returned).toEqual([])
    expect(again.report.history.retired).toEqual([])
  })

  it('does not retire an endpoint whose offer the source lists under another model, and reports the duplicate', () => {
    importOn('2026-07-01')
    // An earlier mapping left OpenRouter's gpt-4.1 offer on MiniMax M2 too.
    const file = join(dir, 'models/minimax/minimax-m2.yaml')
    const duplicate = `${readFileSync(file, 'utf8')}  - provider: openrouter
    modelId: openai/gpt-4.1
    contextWindow: 1047576
    pricing:
      input: 2
      output: 8
    status: available
`
    writeFileSync(file, duplicate)
    const { report, writes } = importOn('2026-08-01')
    expect(readFileSync(file, 'utf8')).toBe(duplicate)
    expect(writes.map((w) => w.path)).not.toContain('models/minimax/minimax-m2.yaml')
    expect(report.history.retired).toEqual([])
    expect(report.history.listedElsewhere).toEqual([
      { model: 'minimax/minimax-m2', provider: 'openrouter', modelId: 'openai/gpt-4.1', on: 'openai/gpt-4.1' },
    ])
    expect(formatReport(report)).toContain(
      'minimax/minimax-m2 @ openrouter (openai/gpt-4.1) is listed under openai/gpt-4.1',
    )
  })
})

describe('suspicious', () => {
  it('flags 5× moves, to and from zero, cache above input and output 10× cheaper than input', () => {
    expect(suspicious({ input: 1, output: 2 }, { input: 0.5, output: 1 })).toEqual([])
    expect(suspicious({ input: 1, output: 2 }, { input: 5, output: 2 })).toEqual(['input moves 5.00× (1 → 5)'])
    expect(suspicious({ input: 1, output: 2 }, { input: 0, output: 0 })).toEqual([
      'input to zero (1 → 0)',
      'output to zero (2 → 0)',
    ])
    expect(suspicious({ input: 0, output: 0 }, { input: 1, output: 2 })).toEqual([
      'input from zero (0 → 1)',
      'output from zero (0 → 2)',
    ])
    expect(suspicious({ input: 3, output: 15, cacheRead: 0.3 }, { input: 3, output: 15, cacheRead: 3.75 })).toEqual([
      'cacheRead moves 12.5× (0.3 → 3.75)',
      'cacheRead 3.75 above input 3',
    ])
    expect(suspicious({ input: 1, output: 0.4 }, { input: 1, output: 0.1 })).toEqual([
      'output 0.1 is 10× or more cheaper than input 1',
    ])
  })
})

describe('history validation', () => {
  const endpoint = (history: unknown[]) => ({
    provider: 'acme-cloud',
    modelId: 'x',
    contextWindow: 8192,
    pricing: { input: 0.28, output: 0.42, cacheRead: 0.028 },
    history,
  })
  it('fails the catalog check naming the file and the field', () => {
    const model = {
      name: 'X',
      vendor: 'acme',
      status: 'available',
      releaseDate: '2025-01-01',
      mode: 'chat',
      modalities: { input: ['text'], output: ['text'] },
      capabilities: Object.fromEntries(Object.keys(modelSchema.shape.capabilities.shape).map((k) => [k, false])),
      moderated: false,
      openWeights: false,
      contextWindow: 8192,
      endpoints: [
        endpoint([
          { from: '2025-08-25', input: 1, output: 2 },
          { from: '2025-06-10', input: 0.28, output: 0.42, cacheRead: 0.028 },
        ]),
      ],
    }
    const summary = checkContent({
      models: new Map([['acme/x', { yaml: JSON.stringify(model), mdx: 'About X.' }]]),
      vendors: new Map([['acme', 'name: Acme\nwebsite: https://acme.example\ndescription: A lab.\n']]),
      providers: new Map([['acme-cloud', 'name: Acme Cloud\nwebsite: https://cloud.acme.example\n']]),
    })
    expect(summary.problems).toEqual([
      "models/acme/x.yaml: endpoints.0.history.1.from: periods must be in date order: 2025-06-10 is not after the previous period's 2025-08-25",
    ])
  })
})
