import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'

import { modelDoc } from '@/test-support/catalog-fixtures'

import type { FactOverride } from './overrides'
import { checkOverrides, factOverridesSchema } from './overrides'
import type { ModelFile } from './schema'
import { modelSchema } from './schema'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))

function file(patch: Record<string, unknown> = {}): ModelFile {
  const { id: _id, file: _file, ...data } = modelDoc('acme/a')
  return modelSchema.parse({ ...data, ...patch })
}

const reason = 'the sources copy a sibling model; the vendor page says otherwise'

describe('checkOverrides', () => {
  const models = new Map([
    [
      'acme/a',
      file({
        knowledgeCutoff: '2023-09',
        endpoints: [{ provider: 'p', modelId: 'a', contextWindow: 400000, pricing: { input: 1, output: 2 } }],
      }),
    ],
  ])

  it('names every fact that disagrees with its audited value, and overrides that name nothing', () => {
    const overrides: FactOverride[] = [
      { model: 'acme/a', field: 'knowledgeCutoff', value: '2023-10', reason },
      { model: 'acme/a', provider: 'p', field: 'contextWindow', value: 128000, reason },
      { model: 'acme/a', provider: 'q', field: 'contextWindow', value: 128000, reason },
      { model: 'acme/gone', field: 'releaseDate', value: '2025-01-01', reason },
      { model: 'acme/a', field: 'openWeights', value: true, reason },
      { model: 'acme/a', field: 'modalities.input', value: ['text', 'image'], reason },
      { model: 'acme/a', field: 'modalities.output', value: ['text'], reason },
      { model: 'acme/a', field: 'capabilities.reasoning', value: true, reason },
      { model: 'acme/a', field: 'releaseDate', value: null, reason },
      { model: 'acme/a', field: 'maxOutputTokens', value: null, reason },
    ]
    expect(checkOverrides(models, overrides)).toEqual([
      'acme/a: knowledgeCutoff: the file says 2023-09, the audited value is 2023-10',
      'acme/a @ p: contextWindow: the file says 400000, the audited value is 128000',
      'acme/a @ q: contextWindow: no such endpoint (remove the override)',
      'acme/gone: releaseDate: no such model (remove the override)',
      'acme/a: openWeights: the file says false, the audited value is true',
      'acme/a: modalities.input: the file says text, the audited value is text+image',
      'acme/a: capabilities.reasoning: the file says false, the audited value is true',
      'acme/a: releaseDate: the file says 2025-01-01, the audited value is none',
    ])
    expect(checkOverrides(models, [{ model: 'acme/a', field: 'knowledgeCutoff', value: '2023-09', reason }])).toEqual(
      [],
    )
  })

  it('takes only the fields it knows, with values of their type and a reason', () => {
    const ok = { model: 'acme/a', field: 'contextWindow', value: 4096, reason }
    expect(factOverridesSchema.safeParse([ok]).success).toBe(true)
    for (const good of [
      { ...ok, field: 'openWeights', value: true },
      { ...ok, field: 'mode', value: 'embedding' },
      { ...ok, field: 'modalities.output', value: ['text', 'image'] },
      { ...ok, field: 'capabilities.reasoning', value: false },
      { ...ok, field: 'name', value: 'Claude Haiku 3.5' },
      { ...ok, field: 'releaseDate', value: '2025-03-12' },
      { ...ok, field: 'releaseDate', value: null },
      { ...ok, provider: 'p', field: 'maxOutputTokens', value: null },
    ])
      expect(factOverridesSchema.safeParse([good]).success, JSON.stringify(good)).toBe(true)
    for (const bad of [
      { ...ok, value: '4096' },
      { ...ok, value: 0 },
      { ...ok, field: 'license', value: 'X' },
      { ...ok, field: 'releaseDate', value: 4096 },
      { ...ok, field: 'releaseDate', value: '2025-03' },
      { ...ok, field: 'openWeights', value: 'yes' },
      { ...ok, field: 'mode', value: 'video' },
      { ...ok, field: 'modalities.input', value: [] },
      { ...ok, field: 'modalities.input', value: ['smell'] },
      { ...ok, field: 'capabilities.telepathy', value: true },
      { ...ok, provider: 'p', field: 'openWeights', value: true },
      { ...ok, value: null },
      { ...ok, field: 'name', value: null },
      { ...ok, field: 'openWeights', value: null },
      { ...ok, provider: 'p', field: 'knowledgeCutoff', value: '2024-01' },
      { ...ok, reason: 'because' },
    ])
      expect(factOverridesSchema.safeParse([bad]).success, JSON.stringify(bad)).toBe(false)
  })
})

describe('content/fact-overrides.yaml', () => {
  const path = `${ROOT}content/fact-overrides.yaml`
  it.skipIf(!existsSync(path))(
    'holds in every model file (a fixed fact cannot come back)',
    () => {
      const overrides = factOverridesSchema.parse(parse(readFileSync(path, 'utf8')) ?? [])
      const models = new Map<string, ModelFile>()
      for (const id of new Set(overrides.map((o) => o.model))) {
        const [vendor] = id.split('/')
        const f = `${ROOT}content/models/${id}.yaml`
        if (vendor && readdirSync(`${ROOT}content/models`).includes(vendor) && existsSync(f))
          models.set(id, modelSchema.parse(parse(readFileSync(f, 'utf8'))))
      }
      expect(checkOverrides(models, overrides)).toEqual([])
    },
    30_000,
  )
})
