/**
 * Every language's snippets, over many option combinations and the tricky messages, go through
 * that language's own checker: TypeScript against the real `openai` package (tsc, strict), Python
 * (py_compile), JavaScript (node --check), the shells (bash -n, zsh -n) and Go (go vet, where a
 * Go toolchain is installed). Go snippets must also be exactly what gofmt prints, for every
 * option combination. The run tests (run.test.ts) then execute them against a mock.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { ALL_OPTIONS, FULL_MODEL } from '@/test-support/snippet-fixtures'
import { FILE_NAMES, hasTool, inBatches, run, TSC, workDir } from '@/test-support/snippets/run'
import { TRICKY_MESSAGES } from '@/test-support/snippets/tricky-messages'

import type { SnippetInput, SnippetLanguage, SnippetModel, SnippetOptions } from './index'
import { generateSnippet, proxyTarget } from './index'
import { modelsListSnippet } from './models-list'
import { alignPads } from './template'

type Case = { name: string; input: SnippetInput }

const OPTION_KEYS = Object.keys(ALL_OPTIONS) as Array<keyof typeof ALL_OPTIONS>
const only = (k: keyof typeof ALL_OPTIONS): SnippetOptions => ({ [k]: ALL_OPTIONS[k] })
const allBut = (k: keyof typeof ALL_OPTIONS): SnippetOptions =>
  Object.fromEntries(OPTION_KEYS.filter((o) => o !== k).map((o) => [o, ALL_OPTIONS[o]]))

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
    out.push(
      { name: `${tag}-none`, input: input({}, stream) },
      { name: `${tag}-all`, input: input(ALL_OPTIONS, stream, 'Hello!', 'Be brief.') },
    )
    for (const k of OPTION_KEYS) {
      out.push(
        { name: `${tag}-only-${k}`, input: input(only(k), stream) },
        { name: `${tag}-all-but-${k}`, input: input(allBut(k), stream, 'Hi', 'Sys') },
      )
    }
    TRICKY_MESSAGES.forEach((m, i) => {
      out.push(
        { name: `${tag}-tricky-${i}`, input: input({}, stream, m.text, m.text) },
        { name: `${tag}-tricky-all-${i}`, input: input({ ...ALL_OPTIONS, stop: m.text }, stream, m.text, m.text) },
      )
    })
  }
  return out
}

const CASES = cases()
const work = workDir('compile')
// Deleting the compiled folders can take a while on a loaded machine.
afterAll(() => work.cleanup(), 60_000)

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
        compilerOptions: {
          target: 'es2022',
          lib: ['es2022'],
          module: 'nodenext',
          moduleResolution: 'nodenext',
          strict: true,
          noUncheckedIndexedAccess: true,
          noEmit: true,
          skipLibCheck: true,
          types: ['node'],
        },
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
      const r = await run('python3', ['-m', 'py_compile', ...files], {
        env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1', PYTHONPYCACHEPREFIX: join(work.dir, 'pycache') },
      })
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
    const r = await run('go', ['vet', './...'], {
      cwd: join(work.dir, 'go'),
      env: { ...process.env, GOFLAGS: '-mod=mod', GO111MODULE: 'on' },
      timeoutMs: 300_000,
    })
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    expect(existsSync(join(work.dir, 'go', 'c000', 'main.go'))).toBe(true)
  }, 320_000)

  it('Go: gofmt leaves every snippet unchanged, every option combination (skipped without a Go toolchain)', async (ctx) => {
    if (!hasTool('go'))
      return ctx.skip('no Go toolchain (Debian: apt-get install golang-go); Go snippets not checked with gofmt')
    // The cases above (tricky messages among them), and every combination of the options and
    // streaming for a model taking max_tokens and tool_choice and one taking
    // max_completion_tokens and no tool_choice: which options show decides how gofmt aligns.
    const files: Array<{ name: string; code: string }> = CASES.map((c) => ({
      name: c.name,
      code: generateSnippet(c.input, 'go'),
    }))
    const names = ['system', ...OPTION_KEYS, 'stream'] as const
    const otherModel: SnippetModel = {
      ...FULL_MODEL,
      parameters: [
        ...FULL_MODEL.parameters.filter((p) => p.name !== 'max_tokens' && p.name !== 'tool_choice'),
        { name: 'max_completion_tokens' },
      ],
    }
    for (const model of [FULL_MODEL, otherModel]) {
      for (let n = 0; n < 2 ** names.length; n++) {
        const on = names.filter((_, i) => n & (1 << i))
        const options = Object.fromEntries(OPTION_KEYS.filter((k) => on.includes(k)).map((k) => [k, ALL_OPTIONS[k]]))
        const input: SnippetInput = {
          model,
          target: proxyTarget('http://127.0.0.1:9', model.id),
          message: 'Hi',
          system: on.includes('system') ? 'Sys' : '',
          options,
          stream: on.includes('stream'),
        }
        files.push({
          name: `${model === otherModel ? 'max_completion_tokens' : 'max_tokens'}: ${on.join(', ') || 'no option'}`,
          code: generateSnippet(input, 'go'),
        })
      }
    }
    files.push({ name: 'models list', code: modelsListSnippet('go', 'https://models.example') })
    expect(files.length).toBeGreaterThan(2 * 2 ** names.length)
    expect((await notGofmtClean(join(work.dir, 'gofmt'), files)).join('\n')).toBe('')
  }, 120_000)

  it('Go: alignPads aligns as gofmt does, long and non-ASCII keys included (skipped without a Go toolchain)', async (ctx) => {
    if (!hasTool('go'))
      return ctx.skip('no Go toolchain (Debian: apt-get install golang-go); alignment not checked against gofmt')
    // Map literals of random one-line keys (up to 250 characters, so gofmt's size heuristic
    // breaks sections), elements spanning lines, blank and comment lines and nested literals,
    // aligned by alignPads.
    let seed = 12345
    const random = (n: number) => {
      seed = (seed * 48271) % 2147483647
      return seed % n
    }
    const LENGTHS = [1, 2, 5, 10, 20, 37, 38, 39, 40, 45, 60, 99, 100, 101, 150, 250]
    const CHARS = ['x', 'x', 'x', 'é', '你', '🎉']
    const files = Array.from({ length: 300 }, (_, f) => {
      const lines: Array<string | [cell: string, value: string]> = ['package main', '', 'var _ = map[string]any{']
      const count = 1 + random(12)
      for (let i = 0; i < count; i++) {
        let key = `"${f}_${i}${Array.from({ length: LENGTHS[random(LENGTHS.length)]! }, () => CHARS[random(CHARS.length)]).join('')}"`
        // No key size a multiple of 5 bytes: then no key is exactly 2.5 times (or 1/2.5 of) a
        // geometric mean, where gofmt's answer would hang on its float rounding (see alignPads).
        if (Buffer.byteLength(key) % 5 === 0) key = `${key.slice(0, -1)}x"`
        const kind = random(10)
        if (kind === 0) lines.push(`\t${key}: []int{`, '\t\t1,', '\t},')
        else if (kind === 1)
          lines.push(`\t${key}: map[string]int{`, ['\t\t"a":', '1,'], ['\t\t"bbbbbbbb":', '2,'], '\t},')
        else if (kind === 2 && i > 0) lines.push('', [`\t${key}:`, '1,'])
        else if (kind === 3 && i > 0) lines.push('\t// a comment', [`\t${key}:`, '1,'])
        else lines.push([`\t${key}:`, `${random(1000)},`])
      }
      lines.push('}')
      const pads = alignPads(lines.map((l) => (typeof l === 'string' ? null : l[0])))
      return {
        name: `random literal ${f}`,
        code: lines.map((l, i) => (typeof l === 'string' ? l : l[0] + ' '.repeat(pads[i]!) + l[1])).join('\n'),
      }
    })
    expect((await notGofmtClean(join(work.dir, 'gofmt-align'), files)).join('\n')).toBe('')
  }, 60_000)
})

/** gofmt from the toolchain `go` runs (Debian puts it there), else the one on the PATH. */
async function gofmtCommand(): Promise<string> {
  const root = await run('go', ['env', 'GOROOT'])
  const inRoot = join(root.stdout.trim(), 'bin', 'gofmt')
  return root.code === 0 && existsSync(inRoot) ? inRoot : 'gofmt'
}

/** Writes each file as `<dir>/fNNNN/main.go` (with the final newline a saved file has) and returns, for those gofmt would change, the name and gofmt's diff. */
async function notGofmtClean(dir: string, files: ReadonlyArray<{ name: string; code: string }>): Promise<string[]> {
  const gofmt = await gofmtCommand()
  const paths = files.map((file, i) => {
    const sub = join(dir, `f${String(i).padStart(4, '0')}`)
    mkdirSync(sub, { recursive: true })
    writeFileSync(join(sub, 'main.go'), `${file.code}\n`)
    return join(sub, 'main.go')
  })
  const listed = await run(gofmt, ['-l', dir], { timeoutMs: 100_000 })
  if (listed.code !== 0 || listed.stderr) return [`gofmt -l failed (${listed.code}): ${listed.stderr}`]
  const changed = listed.stdout.split('\n').filter(Boolean)
  const shown = await Promise.all(
    changed
      .slice(0, 5)
      .map((path) =>
        run(gofmt, ['-d', path]).then((r) => `${files[paths.indexOf(path)]?.name ?? path}:\n${r.stdout}${r.stderr}`),
      ),
  )
  return changed.length > shown.length
    ? [...shown, `... and ${changed.length - shown.length} more files gofmt would change`]
    : shown
}
