import { readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'

import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { parse } from 'yaml'

import type { Capabilities } from '@/lib/catalog/schema'
import { CAPABILITY_KEYS } from '@/lib/catalog/schema'

import { checkContent } from './check'
import { readContent, readSource, writeContent } from './fs'
import { runImport } from './index'
import type { LiteLLMEntry, ModelsDevRow } from './input'
import { ImportInputError, parseSource } from './input'
import { planImport } from './plan'
import { formatReport } from './report'
import type { LiteLLMMatch, ModelView } from './sources/litellm/map'
import { compareWithEndpoint, enrich, mapLiteLLMEntry, perMillion } from './sources/litellm/map'
import {
  BOTH,
  emptyContent,
  FIXTURES,
  handWrittenContent,
  LITELLM,
  MODELSDEV,
  OPENROUTER,
  readModel,
  tree,
} from './test-helpers'

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
    expect(skipped.get('no catalog model has this id or alias (vendor openai)')?.get('gpt-9')).toBe(1)
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

describe('--from litellm: input validation', () => {
  it('names the file, the key and the field of a bad entry (and skips sample_spec)', () => {
    const file = join(FIXTURES, 'bad-litellm.json')
    expect(() => readSource('litellm', file)).toThrow(ImportInputError)
    let message = ''
    try {
      readSource('litellm', file)
    } catch (e) {
      message = (e as Error).message
    }
    expect(message).toContain('bad-litellm.json')
    expect(message).toMatch(/entry "gpt-4o-mini": max_input_tokens: .*expected number/)
    expect(message).toMatch(/entry "gpt-4o-mini": supports_vision: .*expected boolean/)
    expect(message).toMatch(/entry "o3": deprecation_date: expected a date as "YYYY-MM-DD"/)
    expect(message).not.toContain('sample_spec')
    expect(message).not.toContain('"gpt-4.1"')
  })

  it('rejects a file of the wrong shape', () => {
    expect(() => parseSource('litellm', 'x.json', [])).toThrow(/x\.json[\s\S]*top level/)
    expect(() => parseSource('litellm', 'x.json', { 'gpt-4o': 'cheap' })).toThrow(
      /entry "gpt-4o": \(the entry itself\)/,
    )
  })

  it('counts the documentation entry as a record but not as a model', () => {
    const s = readSource('litellm', LITELLM)
    expect(s.kind).toBe('litellm')
    if (s.kind !== 'litellm') return
    expect(s.documentation).toEqual(['sample_spec'])
    expect(s.entries.map((e) => e.key)).not.toContain('sample_spec')
  })
})

describe('litellm mapping rules (pure)', () => {
  const providers = new Set(['openai', 'gemini', 'perplexity', 'nvidia_nim', 'vertex_ai-language-models', 'azure'])
  const vendors = (v: string) => ['openai', 'google', 'perplexity', 'nvidia'].includes(v)
  const map = (key: string, provider: string) =>
    mapLiteLLMEntry(key, { litellm_provider: provider }, providers, vendors)

  it('strips the provider prefix and a same-vendor namespace, and skips the rest by reason', () => {
    expect(map('gemini/gemini-2.5-pro', 'gemini')).toMatchObject({
      ok: true,
      candidate: { vendor: 'google', name: 'gemini-2.5-pro' },
    })
    expect(map('gemini-2.5-pro', 'vertex_ai-language-models')).toMatchObject({
      ok: true,
      candidate: { vendor: 'google', name: 'gemini-2.5-pro' },
    })
    expect(map('vertex_ai/gemini-3-pro-image', 'vertex_ai-language-models')).toMatchObject({
      ok: true,
      candidate: { name: 'gemini-3-pro-image' },
    })
    expect(map('nvidia_nim/nvidia/nv-rerankqa-mistral-4b-v3', 'nvidia_nim')).toMatchObject({
      ok: true,
      candidate: { vendor: 'nvidia', name: 'nv-rerankqa-mistral-4b-v3' },
    })
    expect(map('perplexity/openai/gpt-5.2', 'perplexity')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('second namespace'),
    })
    expect(map('low/1024-x-1024/gpt-image-1', 'openai')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('size- or quality-specific'),
    })
    expect(map('azure/gpt-4o', 'azure')).toMatchObject({ ok: false, example: 'azure' })
    expect(map('voyage-3', 'voyage')).toMatchObject({
      ok: false,
      reason: 'vendor without content/vendors/<vendor>.yaml',
    })
  })

  const caps = (on: Partial<Capabilities> = {}) => ({
    ...(Object.fromEntries(CAPABILITY_KEYS.map((k) => [k, false])) as Capabilities),
    tools: true,
    ...on,
  })
  const chat: ModelView = {
    mode: 'chat',
    modalities: { input: ['text'], output: ['text'] },
    capabilities: caps({ streaming: true }),
  }
  const match = (entry: LiteLLMEntry, rank = 0, provider = 'openai', key = 'm'): LiteLLMMatch => ({
    candidate: { key, provider, vendor: 'openai', name: key, entry },
    rank,
  })

  it('maps the non-chat modes onto a chat model, but keeps chat for a model that writes text', () => {
    expect(enrich(chat, [match({ mode: 'embedding' })], TODAY).mode).toBe('embedding')
    expect(enrich(chat, [match({ mode: 'audio_transcription' })], TODAY).mode).toBe('audio-transcription')
    expect(
      enrich({ ...chat, modalities: { input: ['text'], output: ['audio'] } }, [match({ mode: 'audio_speech' })], TODAY)
        .mode,
    ).toBe('audio-speech')
    const image = enrich(
      { ...chat, modalities: { input: ['text', 'image'], output: ['text', 'image'] } },
      [match({ mode: 'image_generation' })],
      TODAY,
    )
    expect(image.mode).toBeUndefined()
    expect(image.modeNotApplied?.why).toContain('also writes text')
    const responses = enrich(chat, [match({ mode: 'responses' })], TODAY)
    expect(responses.mode).toBeUndefined()
    expect(responses.modeNotApplied).toEqual({ litellm: 'responses', why: 'no counterpart the importer sets' })
    // Only a chat model changes mode.
    expect(enrich({ ...chat, mode: 'embedding' }, [match({ mode: 'rerank' })], TODAY).mode).toBeUndefined()
  })

  it('combines entries: any true switches a flag on; the first dated entry gives the date', () => {
    const e = enrich(
      chat,
      [
        match({ supports_web_search: false, deprecation_date: '2026-07-01' }, 0),
        match({ supports_web_search: true, deprecation_date: '2026-03-01' }, 1, 'openai', 'm-2025'),
      ],
      TODAY,
    )
    expect(e.capabilities.webSearch).toBe(true)
    expect(e).toMatchObject({ deprecationDate: '2026-07-01', deprecated: false, otherDates: ['m-2025 2026-03-01'] })
    expect(enrich(chat, [match({ deprecation_date: TODAY })], TODAY).deprecated).toBe(true)
  })

  it('takes a flag only where the entry backs it and the model can have it', () => {
    const noTools = { ...chat, capabilities: caps({ tools: false }) }
    expect(enrich(noTools, [match({ supports_parallel_function_calling: true })], TODAY).notSet).toEqual([
      { flag: 'parallelToolCalls', why: 'the model has no tool calling' },
    ])
    expect(enrich(chat, [match({ supports_prompt_caching: true })], TODAY).notSet).toEqual([
      { flag: 'promptCaching', why: 'no cache-read price in the entry' },
    ])
    expect(
      enrich(chat, [match({ supports_prompt_caching: true, cache_read_input_token_cost: 1e-7 })], TODAY).capabilities
        .promptCaching,
    ).toBe(true)
    const native = new Set(['anthropic'])
    const emulated = enrich(chat, [match({ supports_response_schema: true }, 0, 'anthropic')], TODAY, native)
    expect(emulated.capabilities.structuredOutputs).toBe(false)
    expect(emulated.notSet.map((n) => n.flag)).toEqual(['structuredOutputs', 'jsonMode'])
    const nativeOn = enrich(
      chat,
      [match({ supports_response_schema: true, supports_native_structured_output: true }, 0, 'anthropic')],
      TODAY,
      native,
    )
    expect(nativeOn.capabilities).toMatchObject({ structuredOutputs: true, jsonMode: true })
  })

  it('converts per-token prices exactly and compares limits as input limit vs window', () => {
    expect(perMillion(1.25e-7)).toBe(0.125)
    expect(perMillion(0.0000025)).toBe(2.5)
    expect(perMillion(3e-8)).toBe(0.03)
    const endpoint = {
      provider: 'openai',
      modelId: 'gpt-5',
      contextWindow: 400000,
      maxOutputTokens: 128000,
      pricing: { input: 1.25, output: 10, cacheRead: 0.125 },
      status: 'available' as const,
    }
    // 272,000 input + 128,000 output = the 400,000 window: not a disagreement.
    expect(
      compareWithEndpoint(
        {
          max_input_tokens: 272000,
          max_output_tokens: 128000,
          input_cost_per_token: 0.00000125,
          output_cost_per_token: 0.00001,
          cache_read_input_token_cost: 1.25e-7,
        },
        endpoint,
      ),
    ).toEqual([])
    expect(
      compareWithEndpoint(
        { max_input_tokens: 128000, max_output_tokens: 16384, input_cost_per_token: 0.0000025 },
        endpoint,
      ),
    ).toEqual([
      'input 2.5 ≠ 1.25',
      'max_input_tokens 128000 ≠ contextWindow 400000',
      'max_output_tokens 16384 ≠ maxOutputTokens 128000',
    ])
  })
})
