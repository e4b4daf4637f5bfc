/**
 * Bad content must stop `next build`, naming the file and the field. Each case builds a tiny
 * catalog in a temporary folder with `isolatedBuild` (a throw-away copy of the project), so the
 * working tree's `.next/` is never touched. No browser page is used.
 *
 * Cost: schema violations fail in the content phase, before Turbopack compiles (a few seconds
 * each), so each gets its own build. Reference errors are only found when pages are generated
 * (a full compile, ~20 s), and the integrity check reports every problem at once, so the unknown
 * provider and the unknown vendor share one build.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

import { expect, test } from '@playwright/test'

import type { IsolatedBuildResult } from '../scripts/lib/isolated-build'
import { isolatedBuild } from '../scripts/lib/isolated-build'

test.describe.configure({ mode: 'serial' })
// One full build takes ~20-40 s on two busy cores; leave room for a slow machine.
test.setTimeout(5 * 60_000)

const VENDOR = `name: Acme Labs
website: https://acme.example
description: A made-up lab for the content validation tests.
`

const PROVIDER = `name: Acme Cloud
website: https://cloud.acme.example
baseUrl: https://api.cloud.acme.example/v1
description: A made-up provider for the content validation tests.
`

interface ModelOptions {
  vendor?: string
  provider?: string
  contextWindow?: string
  inputs?: string
  /** Drop the line that starts with this key. */
  without?: string
  /** Extra lines appended to the first endpoint. */
  endpointExtra?: string
}

function modelYaml(name: string, o: ModelOptions = {}): string {
  const yaml = `name: ${name}
vendor: ${o.vendor ?? 'acme'}
status: available
releaseDate: "2025-03-01"
mode: chat
modalities:
  input: [${o.inputs ?? 'text, image'}]
  output: [text]
capabilities:
  tools: true
  parallelToolCalls: false
  vision: true
  fileInput: false
  promptCaching: false
  structuredOutputs: true
  jsonMode: true
  webSearch: false
  reasoning: false
  streaming: true
moderated: false
openWeights: true
license: Apache-2.0
contextWindow: ${o.contextWindow ?? '131072'}
maxOutputTokens: 8192
parameters:
  - name: temperature
    default: 0.7
  - name: max_tokens
faq:
  - question: Is ${name} real?
    answer: No, it exists only for the content validation tests.
endpoints:
  - provider: ${o.provider ?? 'acme-cloud'}
    modelId: ${name.toLowerCase().replace(/\s+/g, '-')}
    contextWindow: 131072
    pricing:
      input: 0.5
      output: 1.5
${o.endpointExtra ?? ''}`
  return o.without
    ? yaml
        .split('\n')
        .filter((l) => !l.startsWith(`${o.without}:`))
        .join('\n')
    : yaml
}

const router = (variants: Array<[string, number]>) => `name: Test router
description: Splits calls between the test models.
variants:
${variants.map(([model, weight]) => `  - model: ${model}\n    weight: ${weight}`).join('\n')}
`

const prose = (name: string) => `${name} is a made-up model used to check that the site builds from a minimal catalog.

It has a second paragraph, so the summary logic has something to cut.
`

/** A valid catalog: 1 vendor, 1 provider, 2 models with prose. `files` adds or replaces files. */
function writeCatalog(files: Record<string, string> = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'content-validation-'))
  const all: Record<string, string> = {
    'vendors/acme.yaml': VENDOR,
    'providers/acme-cloud.yaml': PROVIDER,
    'models/acme/alpha.yaml': modelYaml('Alpha'),
    'models/acme/alpha.mdx': prose('Alpha'),
    'models/acme/beta.yaml': modelYaml('Beta'),
    'models/acme/beta.mdx': prose('Beta'),
    'routers/ab.yaml': router([
      ['acme/alpha', 1],
      ['acme/beta', 3],
    ]),
    ...files,
  }
  for (const [path, text] of Object.entries(all)) {
    mkdirSync(dirname(join(root, path)), { recursive: true })
    writeFileSync(join(root, path), text)
  }
  return root
}

const roots: string[] = []
test.afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true })
})

async function build(files: Record<string, string> = {}): Promise<IsolatedBuildResult> {
  const root = writeCatalog(files)
  roots.push(root)
  // The type-check is skipped: it does not look at content, and `npm test` type-checks the code in
  // its own `next build` first. This keeps these tests about content and ~4 s faster per build.
  const result = await isolatedBuild({
    contentDir: root,
    label: 'content-validation',
    timeoutMs: 4 * 60_000,
    skipTypecheck: true,
  })
  expect(result.timedOut, 'the build timed out').toBe(false)
  return result
}

/** Field paths print as `a,b,0` (content-collections) or `a.b.0` (integrity check). */
const field = (path: string) => path.split('.').join('[.,]')

async function expectSchemaFailure(files: Record<string, string>, file: string, path: string, message: RegExp) {
  const result = await build(files)
  expect(result.exitCode, result.output).not.toBe(0)
  // e.g. "Validation failed on catalog-content/models/acme/beta.yaml: - contextWindow: Invalid input: …"
  const line = result.output.split('\n').find((l) => l.includes(file) && /Validation failed/.test(l))
  expect(line, `no "Validation failed on …${file}" line in:\n${result.output}`).toBeTruthy()
  // The problems follow as "- <path>: <message>" lines.
  const afterFile = result.output.slice(result.output.indexOf(file))
  expect(afterFile).toMatch(new RegExp(`^- ${field(path)}: .*${message.source}`, 'm'))
}

test('a minimal valid catalog builds', async () => {
  const result = await build()
  expect(result.exitCode, result.output).toBe(0)
  expect(result.output).toContain('/models/acme/alpha')
  expect(result.output).toContain('/models/acme/beta')
  expect(result.output).toContain('/routers/ab')
})

test('(a) a wrong type fails the build', async () => {
  await expectSchemaFailure(
    { 'models/acme/beta.yaml': modelYaml('Beta', { contextWindow: '"lots"' }) },
    'models/acme/beta.yaml',
    'contextWindow',
    /expected number, received string/,
  )
})

test('(b) a missing required field fails the build', async () => {
  await expectSchemaFailure(
    { 'models/acme/beta.yaml': modelYaml('Beta', { without: 'contextWindow' }) },
    'models/acme/beta.yaml',
    'contextWindow',
    /expected number, received undefined/,
  )
})

test('(c) an unknown key fails the build', async () => {
  await expectSchemaFailure(
    { 'models/acme/beta.yaml': modelYaml('Beta', { endpointExtra: '    discount: 0.5\n' }) },
    'models/acme/beta.yaml',
    'endpoints.0',
    /Unrecognized key: "discount"/,
  )
})

test('(d) an unknown enum value fails the build', async () => {
  await expectSchemaFailure(
    { 'models/acme/beta.yaml': modelYaml('Beta', { inputs: 'text, smell' }) },
    'models/acme/beta.yaml',
    'modalities.input.1',
    /Invalid option: expected one of/,
  )
})

test('(i) a price history out of date order fails the build', async () => {
  const history = [
    '    history:',
    '      - {from: "2025-08-01", input: 0.8, output: 2}',
    '      - {from: "2025-06-01", input: 0.5, output: 1.5}',
    '',
  ].join('\n')
  await expectSchemaFailure(
    { 'models/acme/beta.yaml': modelYaml('Beta', { endpointExtra: history }) },
    'models/acme/beta.yaml',
    'endpoints.0.history.1.from',
    /periods must be in date order: 2025-06-01 is not after the previous period's 2025-08-01/,
  )
})

test('(j) a price period without a price fails the build', async () => {
  const history = ['    history:', '      - {from: "2025-06-01", output: 1.5}', ''].join('\n')
  await expectSchemaFailure(
    { 'models/acme/beta.yaml': modelYaml('Beta', { endpointExtra: history }) },
    'models/acme/beta.yaml',
    'endpoints.0.history.0.input',
    /a price period needs an input price/,
  )
})

test('(g) a router weight that is not positive fails the build', async () => {
  await expectSchemaFailure(
    {
      'routers/ab.yaml': router([
        ['acme/alpha', 1],
        ['acme/beta', 0],
      ]),
    },
    'routers/ab.yaml',
    'variants.1.weight',
    /a weight must be positive/,
  )
})

test('(e, f, h) references to a provider, a vendor and a router model that do not exist fail the build', async () => {
  const result = await build({
    'routers/ab.yaml': router([
      ['acme/alpha', 1],
      ['acme/omega', 1],
    ]),
    'models/acme/beta.yaml': modelYaml('Beta', { provider: 'ghost-cloud' }),
    // In its own folder, so the only problem is the vendor (not also a folder mismatch).
    'models/nobody/gamma.yaml': modelYaml('Gamma', { vendor: 'nobody' }),
    'models/nobody/gamma.mdx': prose('Gamma'),
  })
  expect(result.exitCode, result.output).not.toBe(0)
  expect(result.output).toMatch(/models\/acme\/beta\.yaml: endpoints\.0\.provider: unknown provider "ghost-cloud"/)
  expect(result.output).toMatch(/models\/nobody\/gamma\.yaml: vendor: unknown vendor "nobody"/)
  expect(result.output).toMatch(/routers\/ab\.yaml: variants\.1\.model: unknown model "acme\/omega"/)
})
