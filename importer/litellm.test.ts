/** Whole runs with the LiteLLM fixture on top of the other two: what it enriches, skips and reports. */
import { readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'

import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { parse } from 'yaml'

import { checkContent } from './check'
import { readContent, readSource, writeContent } from './fs'
import { runImport } from './index'
import type { ModelsDevRow } from './input'
import { parseSource } from './input'
import { planImport } from './plan'
import { formatReport } from './report'
import { BOTH, emptyContent, handWrittenContent, LITELLM, MODELSDEV, OPENROUTER, readModel, tree } from './test-helpers'

const TODAY = '2026-06-01'
const ALL = [...BOTH, { kind: 'litellm' as const, file: LITELLM }]

let dir: string

beforeEach(() => {
  dir = handWrittenContent()
})

afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
})

describe('--from litellm: enriching existing models', () => {
  it('switches on the flags a first-party entry gives, and reports every change', () => {
    runImport({ sources: BOTH, contentDir: dir, today: TODAY })
    const { report } = runImport({ sources: ALL, contentDir: dir, today: TODAY })
    const sonnet = readModel(dir, 'anthropic/claude-sonnet-4-5')
    // models.dev and OpenRouter leave these off; Anthropic's own LiteLLM entry switches them on.
    expect(sonnet.capabilities).toMatchObject({
      parallelToolCalls: true,
      webSearch: true,
      structuredOutputs: true,
      jsonMode: true,
    })
    expect(report.otherChanges).toContainEqual({
      model: 'anthropic/claude-sonnet-4-5',
      field: 'capabilities',
      from: expect.objectContaining({ parallelToolCalls: false, webSearch: false }),
      to: expect.objectContaining({ parallelToolCalls: true, webSearch: true }),
    })
    const text = formatReport(report)
    expect(text).toContain('anthropic/claude-sonnet-4-5: capabilities.parallelToolCalls false → true')
    expect(text).toContain('capabilities.webSearch → true: 2')
    expect(checkContent(readContent(dir)).problems).toEqual([])
  })

  it('never switches a flag off: a LiteLLM false leaves it on, and the report says so', () => {
    const { report } = runImport({ sources: ALL, contentDir: dir, today: TODAY })
    // models.dev says Claude Sonnet 4.5 reasons; the fixture's LiteLLM entry says supports_reasoning: false.
    expect(readModel(dir, 'anthropic/claude-sonnet-4-5').capabilities.reasoning).toBe(true)
    expect(
      report.notes.get(
        'LiteLLM says a flag is off that the catalog has on (kept on: an import only switches flags on)',
      ),
    ).toContain('anthropic/claude-sonnet-4-5: reasoning')
  })

  it('keeps a locked field, matching the model through its alias', () => {
    const before = readFileSync(join(dir, 'models/openai/gpt-4o-mini.yaml'), 'utf8')
    runImport({ sources: BOTH, contentDir: dir, today: TODAY })
    const afterTwo = readFileSync(join(dir, 'models/openai/gpt-4o-mini.yaml'), 'utf8')
    const { report } = runImport({ sources: ALL, contentDir: dir, today: TODAY })
    // `gpt-4o-mini-2024-07-18` is an alias of openai/gpt-4o-mini, whose capabilities are locked:
    // LiteLLM's supports_web_search stays out, and the report shows the kept value.
    expect(readFileSync(join(dir, 'models/openai/gpt-4o-mini.yaml'), 'utf8')).toBe(afterTwo)
    expect(readModel(dir, 'openai/gpt-4o-mini').capabilities.webSearch).toBe(false)
    expect(parse(before).capabilities).toEqual(readModel(dir, 'openai/gpt-4o-mini').capabilities)
    const kept = report.lockedKept.find((c) => c.model === 'openai/gpt-4o-mini' && c.field === 'capabilities')
    expect(kept?.to).toMatchObject({ webSearch: true })
    expect(formatReport(report)).toContain('openai/gpt-4o-mini: capabilities kept (webSearch false, source true)')
  })

  it('deprecates a model whose deprecation date has passed, and only dates one still ahead', () => {
    runImport({ sources: BOTH, contentDir: dir, today: TODAY })
    const { report } = runImport({ sources: ALL, contentDir: dir, today: TODAY })
    const sonnet = readModel(dir, 'anthropic/claude-sonnet-4-5')
    expect(sonnet.status).toBe('deprecated')
    expect(sonnet.deprecationDate).toBe('2026-05-01')
    const gpt41 = readModel(dir, 'openai/gpt-4.1')
    expect(gpt41.status).toBe('available')
    expect(gpt41.deprecationDate).toBe('2027-04-14')
    expect(readFileSync(join(dir, 'models/openai/gpt-4.1.yaml'), 'utf8')).toContain('deprecationDate: "2027-04-14"\n')
    expect(report.otherChanges).toContainEqual({
      model: 'anthropic/claude-sonnet-4-5',
      field: 'status',
      from: 'available',
      to: 'deprecated',
    })
    expect(formatReport(report)).toContain('deprecation dates compared with 2026-06-01')

    // The same file a year later: the date has passed.
    const later = runImport({ sources: ALL, contentDir: dir, today: '2027-06-01' })
    expect(later.report.otherChanges).toEqual([
      { model: 'openai/gpt-4.1', field: 'status', from: 'available', to: 'deprecated' },
    ])
  })

  it('matches a normalised id (reported), and adds no modality', () => {
    const { report } = runImport({ sources: ALL, contentDir: dir, today: TODAY })
    const grok = readModel(dir, 'xai/grok-4.1-fast')
    expect(grok.capabilities.webSearch).toBe(true)
    expect(report.notes.get('LiteLLM keys matched by normalised form (check these)')).toEqual([
      'xai/grok-4-1-fast → xai/grok-4.1-fast',
    ])
    // supports_pdf_input, but the model reads no files: not set.
    expect(grok.capabilities.fileInput).toBe(false)
    expect(grok.modalities.input).toEqual(['text', 'image'])
    expect(
      report.notes.get('LiteLLM flags not set (not backed by the entry, or the model lacks what the flag needs)'),
    ).toContain('xai/grok-4.1-fast: fileInput (no file input: LiteLLM adds no modality)')
  })

  it('skips aggregator and other non-model entries, grouped with counts, and creates nothing', () => {
    const { report } = runImport({ sources: ALL, contentDir: dir, today: TODAY })
    const skipped = report.skipped.get('litellm')!
    const reseller = skipped.get("not a vendor's own API (cloud, aggregator, reseller or subscription)")!
    expect(Object.fromEntries(reseller)).toEqual({ azure: 1, openrouter: 1 })
    expect(skipped.get('documentation entry (describes the format), not a model')?.get('sample_spec')).toBe(1)
    expect(skipped.get('no litellm_provider: not a model entry')?.get('routing_rules')).toBe(1)
    // gpt-9 would be a new OpenAI flagship (create.ts), but its entry has no price to create it with.
    expect(skipped.get('a new first-party model, but no input/output price')?.get('gpt-9')).toBe(1)
    expect(skipped.get('fine-tuning price (ft:…), not a model')?.get('ft:gpt-4.1-2025-04-14')).toBe(1)
    expect(skipped.get('size- or quality-specific price (the key has a path)')?.get('1024-x-1024/dall-e-3')).toBe(1)
    // The Azure entry's reasoning flag and deprecation date are Azure's, not OpenAI's.
    const gpt41 = readModel(dir, 'openai/gpt-4.1')
    expect(gpt41.capabilities.reasoning).toBe(false)
    expect(gpt41.deprecationDate).toBe('2027-04-14')
    expect(report.newModels).toEqual(expect.not.arrayContaining([expect.objectContaining({ id: 'openai/gpt-9' })]))
    const text = formatReport(report)
    expect(text).toMatch(/litellm: \d+/)
    expect(text).toContain('azure, openrouter')
  })

  it('imports no prices or limits, but reports where they differ from the first-party endpoint', () => {
    runImport({ sources: BOTH, contentDir: dir, today: TODAY })
    const endpointsBefore = new Map(
      ['openai/gpt-4.1', 'anthropic/claude-sonnet-4-5', 'xai/grok-4.1-fast', 'minimax/minimax-m2'].map((id) => [
        id,
        readModel(dir, id).endpoints,
      ]),
    )
    const { report } = runImport({ sources: ALL, contentDir: dir, today: TODAY })
    for (const [id, endpoints] of endpointsBefore) expect(readModel(dir, id).endpoints, id).toEqual(endpoints)
    expect(report.priceChanges).toEqual([])
    expect(report.limitChanges).toEqual([])
    expect(report.newEndpoints).toEqual([])
    // The fixture's gpt-4.1 output price is $9 per 1M; OpenAI's endpoint says $8.
    expect(report.disagreements).toEqual([
      { model: 'openai/gpt-4.1', provider: 'openai', key: 'gpt-4.1', detail: 'output 9 ≠ 8' },
    ])
    expect(formatReport(report)).toContain('openai/gpt-4.1 @ openai (gpt-4.1): output 9 ≠ 8')
  })

  it('does not create models from LiteLLM alone', () => {
    const empty = emptyContent()
    const { writes, report } = runImport({
      sources: [{ kind: 'litellm', file: LITELLM }],
      contentDir: empty,
      today: TODAY,
    })
    expect(writes).toEqual([])
    expect(report.skipped.get('litellm')?.get('no catalog model has this id or alias (vendor openai)')?.size).toBe(3)
    rmSync(empty, { recursive: true })
  })

  it('keeps a prompt-caching flag LiteLLM backs with a cache-read price when no endpoint prices cache reads', () => {
    runImport({ sources: ALL, contentDir: dir, today: TODAY })
    const rows = (JSON.parse(readFileSync(MODELSDEV, 'utf8')) as ModelsDevRow[]).map((r) =>
      r.canonicalModelId === 'minimax/MiniMax-M2' && r.cost
        ? { ...r, cost: { input: r.cost.input, output: r.cost.output } }
        : r,
    )
    const plan = (withLiteLLM: boolean) =>
      planImport(
        [
          parseSource('models.dev', 'modified.json', rows),
          readSource('openrouter', OPENROUTER),
          ...(withLiteLLM ? [readSource('litellm', LITELLM)] : []),
        ],
        readContent(dir),
        { today: TODAY },
      )
    // Without LiteLLM the flag follows the endpoints (no cache-read price left: off) …
    const without = plan(false)
    expect(without.report.otherChanges).toContainEqual(
      expect.objectContaining({
        model: 'minimax/minimax-m2',
        field: 'capabilities',
        to: expect.objectContaining({ promptCaching: false }),
      }),
    )
    // … with it, MiniMax's own entry (supports_prompt_caching and a cache-read price) keeps it on.
    const withIt = plan(true)
    writeContent(dir, withIt.writes)
    expect(readModel(dir, 'minimax/minimax-m2').capabilities.promptCaching).toBe(true)
    expect(withIt.report.disagreements).toContainEqual({
      model: 'minimax/minimax-m2',
      provider: 'minimax',
      key: 'minimax/MiniMax-M2',
      detail: 'cacheRead 0.03 ≠ (none)',
    })
  })
})

describe('--from litellm: re-running', () => {
  it('reports no changes and leaves every file byte-identical on a second full run', () => {
    runImport({ sources: ALL, contentDir: dir, today: TODAY })
    const first = tree(dir)
    const { report, writes } = runImport({ sources: ALL, contentDir: dir, today: TODAY })
    expect(writes).toEqual([])
    expect(report.otherChanges).toEqual([])
    expect(tree(dir)).toEqual(first)
    expect(formatReport(report)).toContain('No changes')
  })

  it('applies LiteLLM after the other sources whatever the order given', () => {
    runImport({ sources: ALL, contentDir: dir, today: TODAY })
    const first = tree(dir)
    const reversed = [{ kind: 'litellm' as const, file: LITELLM }, ...BOTH]
    const { writes, report } = runImport({ sources: reversed, contentDir: dir, today: TODAY })
    expect(writes).toEqual([])
    expect(tree(dir)).toEqual(first)
    expect(report.sources.map((s) => s.kind)).toEqual(['models.dev', 'openrouter', 'litellm'])
  })

  it('needs a fixed "today" from the caller', () => {
    const sources = [readSource('litellm', LITELLM)]
    expect(() => planImport(sources, readContent(dir))).toThrow(/today/)
    expect(() => planImport(sources, readContent(dir), { today: '21/11/2026' })).toThrow(/YYYY-MM-DD/)
  })
})
