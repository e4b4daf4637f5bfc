/** Whole runs of the models.dev and OpenRouter fixtures: into an empty catalog, re-runs and updates. */
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { parse } from 'yaml'

import { modelSchema, providerSchema } from '@/lib/catalog/schema'

import { checkContent } from './check'
import { readContent, readSource, writeContent } from './fs'
import { runImport } from './index'
import type { ModelsDevRow } from './input'
import { parseSource } from './input'
import { planImport } from './plan'
import { formatReport } from './report'
import { BOTH, emptyContent, handWrittenContent, MODELSDEV, OPENROUTER, readModel, tree } from './test-helpers'

let dir: string

afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true })
})

describe('import into an empty content directory', () => {
  beforeEach(() => {
    dir = emptyContent()
  })

  it('creates valid model, provider and prose files', () => {
    const { report } = runImport({ sources: BOTH, contentDir: dir })
    const files = tree(dir)

    expect(report.newModels.map((m) => m.id).sort()).toEqual([
      'anthropic/claude-sonnet-4-5',
      'minimax/minimax-m2',
      'openai/gpt-4.1',
      'openai/gpt-4o-mini',
      'xai/grok-4.1-fast',
    ])
    for (const [path, text] of files) {
      if (path.startsWith('models/') && path.endsWith('.yaml'))
        expect(modelSchema.safeParse(parse(text)).success, path).toBe(true)
      if (path.startsWith('providers/')) expect(providerSchema.safeParse(parse(text)).success, path).toBe(true)
      if (path.startsWith('models/') && path.endsWith('.yaml'))
        expect(files.has(path.replace(/\.yaml$/, '.mdx')), path).toBe(true)
    }
    expect(checkContent(readContent(dir)).problems).toEqual([])
    expect([...files.keys()].filter((p) => p.startsWith('providers/')).sort()).toEqual([
      'providers/anthropic.yaml',
      'providers/azure.yaml',
      'providers/minimax.yaml',
      'providers/nvidia.yaml',
      'providers/openai.yaml',
      'providers/openrouter.yaml',
    ])
  })

  it('maps a dotted id, a zero price, a tiered price and an OpenRouter endpoint', () => {
    runImport({ sources: BOTH, contentDir: dir, today: '2026-07-02' })
    const gpt41 = readModel(dir, 'openai/gpt-4.1')
    expect(gpt41.endpoints.map((e) => e.provider)).toEqual(['openai', 'azure', 'nvidia', 'openrouter'])
    expect(gpt41.endpoints.find((e) => e.provider === 'nvidia')!.pricing).toEqual({ input: 0, output: 0 })
    expect(gpt41.endpoints.find((e) => e.provider === 'openrouter')).toEqual({
      provider: 'openrouter',
      modelId: 'openai/gpt-4.1',
      contextWindow: 1047576,
      maxOutputTokens: 32768,
      pricing: { input: 2, output: 8, cacheRead: 0.5 },
      status: 'available',
      // A new endpoint's price history begins on the day of the import.
      history: [{ from: '2026-07-02', input: 2, output: 8, cacheRead: 0.5 }],
    })
    // From OpenRouter: parameters with defaults, tokenizer, moderation, and the flags it knows.
    expect(gpt41.parameters).toContainEqual({ name: 'temperature', default: 1 })
    expect(gpt41.tokenizer).toBe('GPT')
    expect(gpt41.moderated).toBe(true)
    expect(gpt41.capabilities).toMatchObject({
      parallelToolCalls: true,
      webSearch: true,
      promptCaching: true,
      structuredOutputs: true,
    })
    expect(gpt41.modalities).toEqual({ input: ['text', 'image', 'file'], output: ['text'] })

    const sonnet = readModel(dir, 'anthropic/claude-sonnet-4-5')
    expect(sonnet.endpoints[0]!.pricing.tiers).toEqual([
      { above: 200000, input: 6, output: 22.5, cacheRead: 0.6, cacheWrite: 7.5 },
    ])
    expect(sonnet.knowledgeCutoff).toBe('2025-07')
    // Matched by normalised id (claude-sonnet-4.5 = claude-sonnet-4-5); no max output from OpenRouter.
    const or = sonnet.endpoints.find((e) => e.provider === 'openrouter')!
    expect(or.modelId).toBe('anthropic/claude-sonnet-4.5')
    expect(or.maxOutputTokens).toBeUndefined()
    expect(or.pricing).toEqual({ input: 3, output: 15, cacheRead: 0.3, cacheWrite: 3.75 })
  })

  it('converts OpenRouter per-token strings to exact per-1M prices', () => {
    runImport({ sources: BOTH, contentDir: dir, today: '2026-07-02' })
    const mini = readModel(dir, 'openai/gpt-4o-mini')
    expect(mini.endpoints.find((e) => e.provider === 'openrouter')!.pricing).toEqual({
      input: 0.15,
      output: 0.6,
      cacheRead: 0.075,
    })
    const grok = readModel(dir, 'xai/grok-4.1-fast')
    expect(grok.endpoints).toEqual([
      {
        provider: 'openrouter',
        modelId: 'x-ai/grok-4.1-fast',
        contextWindow: 2000000,
        maxOutputTokens: 30000,
        pricing: { input: 0.2, output: 0.5, cacheRead: 0.05 },
        status: 'available',
        history: [{ from: '2026-07-02', input: 0.2, output: 0.5, cacheRead: 0.05 }],
      },
    ])
    expect(grok.name).toBe('Grok 4.1 Fast')
    expect(grok.releaseDate).toBe('2025-11-19')
  })

  it('writes stable YAML: schema key order, quoted dates, flow modality lists', () => {
    runImport({ sources: BOTH, contentDir: dir })
    const text = readFileSync(join(dir, 'models/openai/gpt-4.1.yaml'), 'utf8')
    expect(text).toContain('releaseDate: "2025-04-14"\nknowledgeCutoff: "2024-04"\n')
    expect(text).toContain('  input: [text, image, file]\n  output: [text]\n')
    const keys = Object.keys(parse(text) as object)
    const schemaOrder = Object.keys(modelSchema.shape)
    expect(keys).toEqual(schemaOrder.filter((k) => keys.includes(k)))
  })

  it('makes ids URL-safe and keeps the source spelling as an alias', () => {
    runImport({ sources: BOTH, contentDir: dir })
    const m2 = readModel(dir, 'minimax/minimax-m2')
    expect(m2.aliases).toEqual(['MiniMax-M2'])
    expect(m2.status).toBe('preview')
    expect(m2.releaseDate).toBe('2025-10-01') // month-only date, reported as approximate
    expect(m2.endpoints[0]!.pricing).toEqual({ input: 0.3, output: 1.2, cacheRead: 0.03 })
    // The Anthropic-style API URL is not an OpenAI-compatible base URL.
    expect(parse(readFileSync(join(dir, 'providers/minimax.yaml'), 'utf8'))).not.toHaveProperty('baseUrl')
  })

  it('reports skipped rows by reason, including unknown vendors and plans', () => {
    const { report } = runImport({ sources: BOTH, contentDir: dir })
    const md = report.skipped.get('models.dev')!
    expect(md.get('unknown vendor (no content/vendors/<vendor>.yaml)')?.get('acme')).toBe(1)
    expect(md.get('subscription plan: prices are not per token')?.get('github-copilot')).toBe(1)
    expect(md.get('no cost (no per-token price)')?.get('anyapi/openai/gpt-4.1')).toBe(1)
    // A row without a canonical id whose name names no lab is the provider's own model (resolve.ts).
    expect(md.get('unknown vendor (no content/vendors/<vendor>.yaml)')?.get('302ai')).toBe(1)
    const or = report.skipped.get('openrouter')!
    expect(or.get('unknown vendor (no content/vendors/<vendor>.yaml)')?.get('acme-labs')).toBe(1)
    expect([...or.keys()].some((r) => r.startsWith('floating alias'))).toBe(true)
    expect([...or.keys()].some((r) => r.startsWith('variable price'))).toBe(true)
    expect([...or.keys()].some((r) => r.startsWith('variant of another OpenRouter id'))).toBe(true)
    const text = formatReport(report)
    expect(text).toContain('unknown vendor')
    expect(text).toContain('acme-labs')
    expect(text).toContain('New models (5)')
  })

  it('writes nothing on a dry run', () => {
    const before = tree(dir)
    const { report, writes } = runImport({ sources: BOTH, contentDir: dir, dryRun: true })
    expect(writes.length).toBeGreaterThan(0)
    expect(report.newModels.length).toBe(5)
    expect(tree(dir)).toEqual(before)
    expect(formatReport(report)).toContain('dry run')
  })
})

describe('re-running and updating', () => {
  beforeEach(() => {
    dir = handWrittenContent()
  })

  it('reports no changes and leaves every file byte-identical on a second run', () => {
    runImport({ sources: BOTH, contentDir: dir })
    const first = tree(dir)
    const { report, writes } = runImport({ sources: BOTH, contentDir: dir })
    expect(writes).toEqual([])
    expect(report.newModels).toEqual([])
    expect(report.newEndpoints).toEqual([])
    expect(report.priceChanges).toEqual([])
    expect(report.limitChanges).toEqual([])
    expect(report.otherChanges).toEqual([])
    expect(tree(dir)).toEqual(first)
    expect(formatReport(report)).toContain('No changes')
  })

  it('keeps locked fields and the hand-written prose, and adds other endpoints', () => {
    const yamlBefore = readFileSync(join(dir, 'models/openai/gpt-4o-mini.yaml'), 'utf8')
    const mdxBefore = readFileSync(join(dir, 'models/openai/gpt-4o-mini.mdx'), 'utf8')
    const { report } = runImport({ sources: BOTH, contentDir: dir })
    const after = readModel(dir, 'openai/gpt-4o-mini')
    const before = modelSchema.parse(parse(yamlBefore))

    // Locked: the sources say knowledge 2023-09, family gpt-mini, tokenizer GPT, not moderated.
    for (const field of before.locked) expect(after[field], field).toEqual(before[field])
    expect(after.knowledgeCutoff).toBe('2023-10')
    expect(after.family).toBe('gpt-4o')
    expect(after.moderated).toBe(true)
    expect(report.lockedKept.map((c) => c.field)).toEqual(
      expect.arrayContaining(['knowledgeCutoff', 'family', 'tokenizer', 'moderated']),
    )
    // Not locked, unchanged by the source: the openai endpoint and the limits.
    expect(after.endpoints[0]).toEqual(before.endpoints[0])
    expect(after.contextWindow).toBe(128000)
    expect(after.maxOutputTokens).toBe(16384)
    expect(after.endpoints.map((e) => e.provider)).toEqual(['openai', 'azure', 'openrouter'])
    // The prose is never touched; the hand-written YAML is kept verbatim up to the new endpoints.
    expect(readFileSync(join(dir, 'models/openai/gpt-4o-mini.mdx'), 'utf8')).toBe(mdxBefore)
    const yamlAfter = readFileSync(join(dir, 'models/openai/gpt-4o-mini.yaml'), 'utf8')
    const head = yamlBefore.slice(0, yamlBefore.indexOf('locked:'))
    expect(yamlAfter.startsWith(head)).toBe(true)
    expect(yamlAfter.endsWith(yamlBefore.slice(yamlBefore.indexOf('locked:')))).toBe(true)
    expect(report.newEndpoints.map((e) => e.provider)).toEqual(['azure', 'openrouter'])
    expect(report.newModels.map((m) => m.id)).not.toContain('openai/gpt-4o-mini')
  })

  it('never overwrites a hand-written .mdx', () => {
    runImport({ sources: BOTH, contentDir: dir })
    writeFileSync(join(dir, 'models/openai/gpt-4.1.mdx'), 'Hand-written.\n')
    const rows = JSON.parse(readFileSync(MODELSDEV, 'utf8')) as ModelsDevRow[]
    rows[0]!.name = 'GPT-4.1 (renamed)'
    const { report } = planAndWrite(rows)
    expect(report.otherChanges).toContainEqual({
      model: 'openai/gpt-4.1',
      field: 'name',
      from: 'GPT-4.1',
      to: 'GPT-4.1 (renamed)',
    })
    expect(readFileSync(join(dir, 'models/openai/gpt-4.1.mdx'), 'utf8')).toBe('Hand-written.\n')
  })

  it('regenerates a generated description when its facts change, and reports it', () => {
    runImport({ sources: BOTH, contentDir: dir })
    const path = join(dir, 'models/openai/gpt-4.1.mdx')
    const before = readFileSync(path, 'utf8')
    expect(before).toContain('1,047,576 tokens')
    const rows = JSON.parse(readFileSync(MODELSDEV, 'utf8')) as ModelsDevRow[]
    rows.find((r) => r.provider === 'openai' && r.modelId === 'gpt-4.1')!.limit = { context: 2000000, output: 32768 }

    const { report } = planAndWrite(rows)
    const after = readFileSync(path, 'utf8')
    expect(after.startsWith('---\ngenerated: true\n---\n')).toBe(true)
    expect(after).toContain('2,000,000 tokens')
    expect(after).not.toContain('1,047,576')
    expect(report.regeneratedProse).toEqual(['openai/gpt-4.1'])
    expect(report.newProse).toEqual([])
    expect(formatReport(report)).toMatch(/Generated descriptions regenerated .*\(1\)\n {2}~ openai\/gpt-4\.1/)
    // The same facts again: the text is what they give, so nothing is rewritten.
    expect(planAndWrite(rows).report.regeneratedProse).toEqual([])
  })

  it('never rewrites a description without `generated: true`, however stale its facts', () => {
    runImport({ sources: BOTH, contentDir: dir })
    const path = join(dir, 'models/openai/gpt-4.1.mdx')
    const generated = readFileSync(path, 'utf8')
    const ownWords = generated.replace('---\ngenerated: true\n---\n\n', '')
    const markedFalse = generated.replace('generated: true', 'generated: false')
    const rows = JSON.parse(readFileSync(MODELSDEV, 'utf8')) as ModelsDevRow[]
    rows.find((r) => r.provider === 'openai' && r.modelId === 'gpt-4.1')!.limit = { context: 2000000, output: 32768 }
    for (const text of [ownWords, markedFalse]) {
      writeFileSync(path, text)
      const { report } = planAndWrite(rows)
      expect(readFileSync(path, 'utf8')).toBe(text)
      expect(report.regeneratedProse).toEqual([])
    }
  })

  it('writes the audited facts of fact-overrides.yaml over the sources, every run, and reports them', () => {
    runImport({ sources: BOTH, contentDir: dir })
    const reason = 'a test: the sources copy a sibling model, the vendor says otherwise'
    writeFileSync(
      join(dir, 'fact-overrides.yaml'),
      [
        '- model: openai/gpt-4.1',
        '  field: knowledgeCutoff',
        '  value: "2024-06"',
        `  reason: "${reason}"`,
        '- model: openai/gpt-4.1',
        '  provider: azure',
        '  field: contextWindow',
        '  value: 128000',
        `  reason: "${reason}"`,
        '- model: openai/gpt-4.1',
        '  field: openWeights',
        '  value: true',
        `  reason: "${reason}"`,
        '- model: openai/gpt-4.1',
        '  field: modalities.input',
        '  value: [text]',
        `  reason: "${reason}"`,
        '- model: openai/gpt-4.1',
        '  field: capabilities.reasoning',
        '  value: true',
        `  reason: "${reason}"`,
        '- model: openai/gpt-4.1',
        '  field: name',
        '  value: GPT-4.1 (audited)',
        `  reason: "${reason}"`,
        '- model: openai/gpt-4.1',
        '  field: releaseDate',
        '  value: null',
        `  reason: "${reason}"`,
        '- model: openai/gpt-4.1',
        '  provider: azure',
        '  field: maxOutputTokens',
        '  value: null',
        `  reason: "${reason}"`,
        '',
      ].join('\n'),
    )
    const before = readModel(dir, 'openai/gpt-4.1')
    const { report } = runImport({ sources: BOTH, contentDir: dir })
    const m = readModel(dir, 'openai/gpt-4.1')
    expect(m.knowledgeCutoff).toBe('2024-06')
    expect(m.endpoints.find((e) => e.provider === 'azure')?.contextWindow).toBe(128000)
    expect(m.openWeights).toBe(true)
    expect(m.name).toBe('GPT-4.1 (audited)')
    // null leaves an optional fact out: no source date, no reply limit on that endpoint.
    expect(before.releaseDate).toBeDefined()
    expect(m.releaseDate).toBeUndefined()
    expect(m.endpoints.find((e) => e.provider === 'azure')?.maxOutputTokens).toBeUndefined()
    // A list or a flag is set alone: the rest of modalities and capabilities is the sources'.
    expect(m.modalities).toEqual({ ...before.modalities, input: ['text'] })
    expect(m.capabilities).toEqual({ ...before.capabilities, reasoning: true })
    const lines = report.notes.get('Audited facts written over the sources (content/fact-overrides.yaml)') ?? []
    expect(lines).toEqual([
      expect.stringMatching(/^openai\/gpt-4\.1: knowledgeCutoff: the sources say .+, kept 2024-06$/),
      'openai/gpt-4.1 @ azure: contextWindow: the sources say 1047576, kept 128000',
      'openai/gpt-4.1: openWeights: the sources say false, kept true',
      `openai/gpt-4.1: modalities.input: the sources say ${before.modalities.input.join('+')}, kept text`,
      'openai/gpt-4.1: capabilities.reasoning: the sources say false, kept true',
      'openai/gpt-4.1: name: the sources say GPT-4.1, kept GPT-4.1 (audited)',
      `openai/gpt-4.1: releaseDate: the sources say ${before.releaseDate}, kept none`,
      'openai/gpt-4.1 @ azure: maxOutputTokens: the sources say 32768, kept none',
    ])
    // The next run starts from the fixed file: the sources still disagree, the file stays.
    const again = runImport({ sources: BOTH, contentDir: dir })
    expect(again.report.filesWritten).toEqual([])
    expect(readModel(dir, 'openai/gpt-4.1').knowledgeCutoff).toBe('2024-06')
    // A broken overrides file stops the import, naming the file and field.
    writeFileSync(join(dir, 'fact-overrides.yaml'), '- model: openai/gpt-4.1\n  field: license\n  value: X\n')
    expect(() => runImport({ sources: BOTH, contentDir: dir })).toThrow(/fact-overrides\.yaml is invalid: 0\.field/)
  })

  it('reports and writes a price change and a limit change', () => {
    runImport({ sources: BOTH, contentDir: dir })
    const rows = JSON.parse(readFileSync(MODELSDEV, 'utf8')) as ModelsDevRow[]
    const azure = rows.find((r) => r.provider === 'azure' && r.modelId === 'gpt-4.1')!
    azure.cost = { input: 1.8, output: 8, cache_read: 0.45 }
    azure.limit = { context: 1047576, output: 65536 }
    const openai = rows.find((r) => r.provider === 'openai' && r.modelId === 'gpt-4.1')!
    openai.limit = { context: 2000000, output: 32768 }

    const { report } = planAndWrite(rows)
    expect(report.priceChanges).toEqual(
      expect.arrayContaining([
        { model: 'openai/gpt-4.1', provider: 'azure', field: 'input', from: 2, to: 1.8 },
        { model: 'openai/gpt-4.1', provider: 'azure', field: 'cacheRead', from: 0.5, to: 0.45 },
      ]),
    )
    expect(report.limitChanges).toEqual(
      expect.arrayContaining([
        { model: 'openai/gpt-4.1', provider: 'azure', field: 'maxOutputTokens', from: 32768, to: 65536 },
        { model: 'openai/gpt-4.1', field: 'contextWindow', from: 1047576, to: 2000000 },
        { model: 'openai/gpt-4.1', provider: 'openai', field: 'contextWindow', from: 1047576, to: 2000000 },
      ]),
    )
    const text = formatReport(report)
    expect(text).toContain('openai/gpt-4.1 @ azure: input 2 → 1.8, cacheRead 0.5 → 0.45')
    const m = readModel(dir, 'openai/gpt-4.1')
    expect(m.contextWindow).toBe(2000000)
    expect(m.endpoints.find((e) => e.provider === 'azure')).toMatchObject({
      maxOutputTokens: 65536,
      pricing: { input: 1.8, output: 8, cacheRead: 0.45 },
    })
  })

  it('keeps an endpoint the source no longer lists and reports it', () => {
    runImport({ sources: BOTH, contentDir: dir })
    const rows = (JSON.parse(readFileSync(MODELSDEV, 'utf8')) as ModelsDevRow[]).filter(
      (r) => !(r.provider === 'azure' && r.modelId === 'gpt-4.1'),
    )
    const { report } = planAndWrite(rows)
    expect(report.notInSource).toContainEqual({ model: 'openai/gpt-4.1', provider: 'azure', modelId: 'gpt-4.1' })
    expect(readModel(dir, 'openai/gpt-4.1').endpoints.map((e) => e.provider)).toContain('azure')
  })

  it('leaves an invalid existing model file alone and reports it', () => {
    const path = join(dir, 'models/openai/gpt-4o-mini.yaml')
    const broken = readFileSync(path, 'utf8').replace('status: available\nreleaseDate', 'status: retired\nreleaseDate')
    writeFileSync(path, broken)
    const { report } = runImport({ sources: BOTH, contentDir: dir })
    expect(readFileSync(path, 'utf8')).toBe(broken)
    expect(report.invalidExisting[0]!.file).toBe('models/openai/gpt-4o-mini.yaml')
    expect(report.invalidExisting[0]!.problems.join()).toContain('status')
  })
})

/** Plan with modified models.dev rows (plus the OpenRouter fixture) and write the result. */
function planAndWrite(rows: ModelsDevRow[]) {
  const sources = [parseSource('models.dev', 'modified.json', rows), readSource('openrouter', OPENROUTER)]
  const result = planImport(sources, readContent(dir))
  writeContent(dir, result.writes)
  return result
}
