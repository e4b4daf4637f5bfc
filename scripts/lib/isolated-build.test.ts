import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

import { afterEach, describe, expect, it } from 'vitest'

import {
  CONTENT_DIR_IN_COPY,
  commonAncestor,
  PROJECT_DIR,
  parseBuildOutput,
  prepareIsolatedProject,
  stripAnsi,
  wrapperConfig,
} from './isolated-build'

describe('commonAncestor', () => {
  it('finds the deepest shared folder', () => {
    expect(commonAncestor('/tmp/a/b', '/tmp/a/c/d')).toBe('/tmp/a')
    expect(commonAncestor('/tmp/build-1', '/work/main/node_modules')).toBe('/')
    expect(commonAncestor('/work/main', '/work/main/node_modules')).toBe('/work/main')
  })
  it('compares whole segments, not prefixes', () => {
    expect(commonAncestor('/work/main2', '/work/main/node_modules')).toBe('/work')
  })
})

describe('parseBuildOutput', () => {
  const output = [
    '\u001b[1m▲ Next.js 16.4.6\u001b[22m (Turbopack)',
    '... finished build of 4 collections and 4000 documents in 9.5s',
    '✓ Compiled successfully in 8.9s',
    '  Finished TypeScript in 3.2s ...',
    '  Generating static pages using 1 worker (0/2012) ...',
    '  Generating static pages using 1 worker (503/2012) ',
    '✓ Generating static pages using 1 worker (2012/2012) in 41.3s',
  ].join('\n')

  it('reads the phase times and the page count', () => {
    expect(parseBuildOutput(output)).toEqual({
      documents: 4000,
      contentMs: 9500,
      compileMs: 8900,
      typecheckMs: 3200,
      staticPages: 2012,
      staticMs: 41300,
    })
  })
  it('leaves out what a failed build never printed', () => {
    expect(parseBuildOutput('Validation failed on catalog-content/models/a/b.yaml')).toEqual({})
  })
  it('strips colours', () => {
    expect(stripAnsi('\u001b[31mred\u001b[39m')).toBe('red')
  })
})

describe('prepareIsolatedProject', () => {
  const made: string[] = []
  afterEach(() => {
    for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true })
  })

  it('copies the project and the content, links node_modules and wraps the Next config', () => {
    const content = mkdtempSync(join(tmpdir(), 'iso-test-content-'))
    made.push(content)
    mkdirSync(join(content, 'models', 'acme'), { recursive: true })
    const dir = prepareIsolatedProject({ contentDir: content, label: 'iso-test' })
    made.push(dir)

    expect(existsSync(join(dir, 'app'))).toBe(true)
    expect(existsSync(join(dir, 'package.json'))).toBe(true)
    expect(existsSync(join(dir, CONTENT_DIR_IN_COPY, 'models', 'acme'))).toBe(true)
    for (const skipped of ['.next', '.content-collections', '.git', 'content']) {
      expect(existsSync(join(dir, skipped)), skipped).toBe(false)
    }
    expect(lstatSync(join(dir, 'node_modules')).isSymbolicLink()).toBe(true)
    expect(realpathSync(join(dir, 'node_modules'))).toBe(realpathSync(join(PROJECT_DIR, 'node_modules')))

    const config = readFileSync(join(dir, 'next.config.mjs'), 'utf8')
    expect(config).toContain("import project from './next.config.project.mjs'")
    expect(config).toContain(
      `root: ${JSON.stringify(commonAncestor(dir, realpathSync(join(PROJECT_DIR, 'node_modules'))))}`,
    )
    expect(readFileSync(join(dir, 'next.config.project.mjs'), 'utf8')).toBe(
      readFileSync(join(PROJECT_DIR, 'next.config.mjs'), 'utf8'),
    )
  })

  it('refuses a folder that is not a content root', () => {
    const empty = mkdtempSync(join(tmpdir(), 'iso-test-empty-'))
    made.push(empty)
    expect(() => prepareIsolatedProject({ contentDir: empty })).toThrow(/no models\/ folder/)
  })
})

describe('wrapperConfig', () => {
  const dirs: string[] = []
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
  })

  async function load(projectSource: string, skipTypecheck = false) {
    const dir = mkdtempSync(join(tmpdir(), 'iso-test-config-'))
    dirs.push(dir)
    writeFileSync(join(dir, 'next.config.project.mjs'), projectSource)
    writeFileSync(join(dir, 'next.config.mjs'), wrapperConfig('next.config.project.mjs', '/', skipTypecheck))
    const mod = (await import(pathToFileURL(join(dir, 'next.config.mjs')).href)) as {
      default: (phase: string, ctx: object) => Promise<Record<string, unknown>>
    }
    return mod.default('phase-production-build', {})
  }

  // withContentCollections exports a promise that resolves after the content is built: the
  // wrapper must wait for it, or the compile races the content build and the config is lost.
  it.each([
    ['an object', 'export default { poweredByHeader: false, turbopack: { rules: {} } }'],
    [
      'a promise',
      'export default new Promise((r) => setTimeout(() => r({ poweredByHeader: false, turbopack: { rules: {} } }), 20))',
    ],
    [
      'a function of the phase',
      'export default async (phase) => ({ poweredByHeader: phase !== "phase-production-build", turbopack: { rules: {} } })',
    ],
  ])('keeps the project config when it exports %s and sets the Turbopack root', async (_, source) => {
    const config = await load(source)
    expect(config).toEqual({ poweredByHeader: false, turbopack: { rules: {}, root: '/' } })
  })

  it('can turn the type-check off', async () => {
    const config = await load('export default { typescript: { tsconfigPath: "tsconfig.json" } }', true)
    expect(config.typescript).toEqual({ tsconfigPath: 'tsconfig.json', ignoreBuildErrors: true })
  })
})
