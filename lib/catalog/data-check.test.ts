import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'

import { modelDoc } from '@/test-support/catalog-fixtures'

import type { CheckedModel } from './data-check'
import { applyExceptions, checkData, dataExceptionsSchema, formatViolation } from './data-check'
import { modelSchema } from './schema'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))

function model(id: string, patch: Record<string, unknown> = {}): CheckedModel {
  const { id: _id, file: _file, ...data } = modelDoc(id)
  return { id, file: `content/models/${id}.yaml`, data: modelSchema.parse({ ...data, ...patch }) }
}

const endpoint = (provider: string, extra: Record<string, unknown> = {}) => ({
  provider,
  modelId: 'x',
  contextWindow: 1000,
  maxOutputTokens: 100,
  pricing: { input: 1, output: 2 },
  status: 'available',
  ...extra,
})

describe('checkData', () => {
  it('passes a sound model', () => {
    expect(checkData([model('acme/a', { endpoints: [endpoint('p')] })])).toEqual([])
  })

  it('lists every violation with file and field', () => {
    const bad = model('acme/b', {
      name: 'Twin',
      releaseDate: '2025-01-01',
      knowledgeCutoff: '2025-06',
      contextWindow: 1000,
      maxOutputTokens: 2000,
      endpoints: [
        endpoint('p', { pricing: { input: 1, output: 2, cacheRead: 3 }, maxOutputTokens: 5000 }),
        endpoint('q', { pricing: { input: 0.000001, output: 5000 } }),
      ],
    })
    const twin = model('acme/c', {
      name: 'twin',
      status: 'available',
      endpoints: [endpoint('r', { status: 'deprecated' })],
    })
    const lines = checkData([bad, twin]).map(formatViolation)
    expect(lines).toEqual(
      expect.arrayContaining([
        'content/models/acme/b.yaml: endpoints.0.pricing.cacheRead: cache-above-input: 3 > input 1',
        'content/models/acme/b.yaml: endpoints.0.maxOutputTokens: output-above-context: 5000 > contextWindow 1000',
        'content/models/acme/b.yaml: maxOutputTokens: output-above-context: 2000 > contextWindow 1000',
        'content/models/acme/b.yaml: knowledgeCutoff: cutoff-after-release: 2025-06 is after releaseDate 2025-01-01',
        expect.stringContaining('content/models/acme/b.yaml: endpoints.1.pricing.input: price-band:'),
        expect.stringContaining('content/models/acme/b.yaml: endpoints.1.pricing.output: price-band:'),
        'content/models/acme/c.yaml: status: available-but-retired: available, but every endpoint is deprecated or retired',
        expect.stringContaining('content/models/acme/c.yaml: name: duplicate-name:'),
      ]),
    )
  })

  it('flags a provider whose prices are consistently a multiple of everyone else’s (another currency)', () => {
    const peers = [
      endpoint('p', { pricing: { input: 0.3, output: 1.2 } }),
      endpoint('q', { pricing: { input: 0.3, output: 1.1 } }),
      endpoint('r', { pricing: { input: 0.35, output: 1.3 } }),
    ]
    const cny = (input: number, output: number) => endpoint('cny', { pricing: { input, output } })
    const a = model('acme/a', { endpoints: [...peers, cny(2.1, 8.4)] })
    const b = model('acme/b', { name: 'B', endpoints: [...peers, cny(2.2, 8)] })
    const lines = checkData([a, b]).map(formatViolation)
    expect(lines).toEqual([
      expect.stringMatching(
        /^content\/models\/acme\/a\.yaml: endpoints\.3\.pricing\.input: price-scale: cny's prices are a median 7\.0× other providers'/,
      ),
      expect.stringContaining('content/models/acme/a.yaml: endpoints.3.pricing.output: price-scale:'),
      expect.stringContaining('content/models/acme/b.yaml: endpoints.3.pricing.input: price-scale:'),
      expect.stringContaining('content/models/acme/b.yaml: endpoints.3.pricing.output: price-scale:'),
    ])
    // One dear endpoint among cheap ones is a premium, not a currency: not flagged.
    const premium = model('acme/c', { name: 'C', endpoints: [...peers, cny(0.4, 1.5)] })
    expect(checkData([a, premium]).filter((v) => v.rule === 'price-scale')).toEqual([])
    // A converted, trial or promotional price is not a list price and is never compared.
    const converted = (id: string, name: string, input: number, output: number) =>
      model(id, { name, endpoints: [...peers, endpoint('cny', { offer: 'converted', pricing: { input, output } })] })
    expect(checkData([converted('acme/a', 'A', 2.1, 8.4), converted('acme/b', 'B', 2.2, 8)])).toEqual([])
  })

  it('takes exceptions by file, rule and field, and reports stale ones', () => {
    const v = checkData([model('acme/d', { knowledgeCutoff: '2099-01' })])
    const exception = {
      file: 'content/models/acme/d.yaml',
      rule: 'cutoff-after-release' as const,
      field: 'knowledgeCutoff',
      reason: 'a test',
    }
    const stale = { ...exception, file: 'content/models/acme/gone.yaml' }
    const r = applyExceptions(v, [exception, stale])
    expect(r.violations).toEqual([])
    expect(r.stale).toEqual([stale])
  })
})

describe('content/ data check', () => {
  const dir = `${ROOT}content/models`
  it.skipIf(!existsSync(dir))(
    'has no violation that content/data-exceptions.yaml does not excuse',
    () => {
      const models: CheckedModel[] = []
      for (const vendor of readdirSync(dir)) {
        for (const f of readdirSync(`${dir}/${vendor}`)) {
          if (!f.endsWith('.yaml')) continue
          const id = `${vendor}/${f.slice(0, -5)}`
          const file = `content/models/${id}.yaml`
          models.push({ id, file, data: modelSchema.parse(parse(readFileSync(`${ROOT}${file}`, 'utf8'))) })
        }
      }
      const exceptions = dataExceptionsSchema.parse(
        parse(readFileSync(`${ROOT}content/data-exceptions.yaml`, 'utf8')) ?? [],
      )
      const { violations, stale } = applyExceptions(checkData(models), exceptions)
      expect(violations.map(formatViolation)).toEqual([])
      expect(stale.map((x) => `${x.file}: ${x.field}: ${x.rule} (stale exception: no such violation)`)).toEqual([])
      // Reads ~1,000 model files: seconds on a loaded 2-core machine.
    },
    30_000,
  )
})
