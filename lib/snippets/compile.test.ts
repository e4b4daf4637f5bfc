/**
 * Every language's snippets, over many option combinations and the tricky messages, go through
 * that language's own checker: TypeScript against the real `openai` package (tsc, strict), Python
 * (py_compile), JavaScript (node --check), the shells (bash -n, zsh -n) and Go (go vet, where a
 * Go toolchain is installed). The run tests (run.test.ts) then execute them against a mock.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { FILE_NAMES, hasTool, inBatches, run, TSC, workDir } from '@/e2e/fixtures/snippets/run'
import { TRICKY_MESSAGES } from '@/e2e/fixtures/snippets/tricky-messages'

import { ALL_OPTIONS, FULL_MODEL } from './fixtures'
import { generateSnippet, LANGUAGE_IDS, proxyTarget, type SnippetInput, type SnippetLanguage, type SnippetOptions } from './index'

type Case = { name: string; input: SnippetInput }

const OPTION_KEYS = Object.keys(ALL_OPTIONS) as Array<keyof typeof ALL_OPTIONS>
const only = (k: keyof typeof ALL_OPTIONS): SnippetOptions => ({ [k]: ALL_OPTIONS[k] })
const allBut = (k: keyof typeof ALL_OPTIONS): SnippetOptions => Object.fromEntries(OPTION_KEYS.filter((o) => o !== k).map((o) => [o, ALL_OPTIONS[o]]))

/** No option, all options, each option alone and each one left out; streaming off and on; the tricky messages. */
function cases(): Case[] {
  const out: Case[] = []
  const input = (options: SnippetOptions, stream: boolean, message = 'Hello!', system = ''): SnippetInput => ({
    model: FULL_MODEL,
    target: proxyTarget('http://127.0.0.1:9', FULL_MODEL.id),
    message,
    system,
    options,
    stream,
  })
  for (const stream of [false, true]) {
    const tag = stream ? 'stream' : 'once'
    out.push({ name: `${tag}-none`, input: input({}, stream) }, { name: `${tag}-all`, input: input(ALL_OPTIONS, stream, 'Hello!', 'Be brief.') })
    for (const k of OPTION_KEYS) {
      out.push({ name: `${tag}-only-${k}`, input: input(only(k), stream) }, { name: `${tag}-all-but-${k}`, input: input(allBut(k), stream, 'Hi', 'Sys') })
    }
    TRICKY_MESSAGES.forEach((m, i) => {
      out.push({ name: `${tag}-tricky-${i}`, input: input({}, stream, m.text, m.text) }, { name: `${tag}-tricky-all-${i}`, input: input({ ...ALL_OPTIONS, stop: m.text }, stream, m.text, m.text) })
    })
  }
  return out
}

const CASES = cases()
const work = workDir('compile')
afterAll(() => work.cleanup())

/** Writes each case of a language into its own folder; returns the file paths. */
function writeAll(lang: SnippetLanguage): string[] {
  return CASES.map((c, i) => {
    const dir = join(work.dir, lang, `c${String(i).padStart(3, '0')}`)
    mkdirSync(dir, { recursive: true })
    const file = join(dir, FILE_NAMES[lang])
    writeFileSync(file, `${generateSnippet(c.input, lang)}\n`)
    return file
  })
}

const failures = (results: Array<{ code: number | null; stdout: string; stderr: string }>, files: string[]) =>
  results.flatMap((r, i) => (r.code === 0 ? [] : [`${CASES[i]?.name ?? files[i]}: ${r.stderr || r.stdout}`]))

describe(`snippets compile (${CASES.length} cases per language)`, () => {
  beforeAll(() => {
    expect(CASES.length).toBeGreaterThan(50)
  })

  it('TypeScript: tsc --strict against the real openai package', async () => {
    const files = writeAll('typescript')
    writeFileSync(
      join(work.dir, 'typescript', 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { target: 'es2022', lib: ['es2022'], module: 'nodenext', moduleResolution: 'nodenext', strict: true, noUncheckedIndexedAccess: true, noEmit: true, skipLibCheck: true, types: ['node'] },
        include: ['**/*.ts'],
      }),
    )
    writeFileSync(join(work.dir, 'typescript', 'package.json'), '{ "type": "module" }\n')
    const r = await run(process.execPath, [TSC, '-p', join(work.dir, 'typescript')], { timeoutMs: 180_000 })
    expect(r.stdout + r.stderr).toBe('')
    expect(r.code).toBe(0)
    expect(files).toHaveLength(CASES.length)
  }, 200_000)

  for (const lang of ['python', 'python-urllib'] as const) {
    it(`${lang}: python3 -m py_compile`, async () => {
      const files = writeAll(lang)
      const r = await run('python3', ['-m', 'py_compile', ...files], { env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1', PYTHONPYCACHEPREFIX: join(work.dir, 'pycache') } })
      expect(r.stderr).toBe('')
      expect(r.code).toBe(0)
    }, 60_000)
  }

  it('JavaScript: node --check', async () => {
    const files = writeAll('javascript')
    const results = await inBatches(files, 4, (f) => run(process.execPath, ['--check', f]))
    expect(failures(results, files)).toEqual([])
  }, 120_000)

  for (const shell of ['bash', 'zsh'] as const) {
    it(`curl: ${shell} -n parses every command`, async (ctx) => {
      if (!hasTool(shell)) return ctx.skip(`${shell} is not installed`)
      const files = writeAll('curl')
      const results = await inBatches(files, 4, (f) => run(shell, ['-n', f]))
      expect(failures(results, files)).toEqual([])
    }, 60_000)
  }

  it('Go: go vet (skipped without a Go toolchain)', async (ctx) => {
    if (!hasTool('go')) return ctx.skip('no Go toolchain (Debian: apt-get install golang-go); Go snippets not vetted')
    writeAll('go')
    writeFileSync(join(work.dir, 'go', 'go.mod'), 'module snippets\n\ngo 1.18\n')
    const r = await run('go', ['vet', './...'], { cwd: join(work.dir, 'go'), env: { ...process.env, GOFLAGS: '-mod=mod', GO111MODULE: 'on' }, timeoutMs: 300_000 })
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    expect(existsSync(join(work.dir, 'go', 'c000', 'main.go'))).toBe(true)
  }, 320_000)
})
