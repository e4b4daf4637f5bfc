import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runInNewContext } from 'node:vm'

import { afterAll, describe, expect, it } from 'vitest'

import { hasTool } from '@/test-support/snippets/run'
import { TRICKY_MESSAGES } from '@/test-support/snippets/tricky-messages'

import { goString, jsonString, jsString, pythonString, shellQuote, wellFormed } from './escape'
import { LITERALS } from './languages'

// Every literal is parsed back by the real language: the string it yields must be the input.
const inputs = [...TRICKY_MESSAGES.map((m) => m.text), '', 'plain', 'half an emoji: \ud83c!', '\udc00 alone']
const expected = inputs.map(wellFormed)
const dir = mkdtempSync(join(tmpdir(), 'snippet-escape-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** What a control or invisible character may not appear as, raw, in generated code. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the test looks for raw control characters in the output
const RAW_UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/

describe('string literals', () => {
  it('never contain raw control, separator, bidi or BOM characters', () => {
    for (const s of inputs) {
      for (const lit of [jsonString(s), pythonString(s), jsString(s), goString(s)]) {
        expect(lit).not.toMatch(RAW_UNSAFE)
        expect(lit).not.toMatch(/\n|\r|\t/)
      }
    }
  })

  it('keep printable text (accents, emoji) as it is, so code reads like the message', () => {
    for (const lit of [jsonString('café 🎉'), pythonString('café 🎉'), jsString('café 🎉'), goString('café 🎉')])
      expect(lit).toBe('"café 🎉"')
  })

  it('JavaScript: V8 reads each literal back as the message', () => {
    expect(runInNewContext(`[${inputs.map(jsString).join(',')}]`)).toEqual(expected)
    expect(inputs.map((s) => JSON.parse(jsonString(s)))).toEqual(expected)
  })

  it('Python: python3 reads each literal back as the message', () => {
    const file = join(dir, 'literals.py')
    writeFileSync(file, `import json\nprint(json.dumps([${inputs.map(pythonString).join(', ')}]))\n`)
    const out = execFileSync('python3', [file], { encoding: 'utf8' })
    expect(JSON.parse(out)).toEqual(expected)
  })

  for (const shell of ['bash', 'zsh']) {
    it(`${shell}: single-quoted words and the curl body survive the shell unchanged`, (ctx) => {
      if (!hasTool(shell)) return ctx.skip(`${shell} is not installed`)
      for (const s of inputs) {
        const word = execFileSync(shell, ['-c', `printf %s ${shellQuote(s)}`], { encoding: 'utf8' })
        expect(word).toBe(wellFormed(s)) // argv is UTF-8: a lone surrogate arrives as U+FFFD
        // The curl snippet's body: a JSON literal inside one single-quoted word.
        const body = execFileSync(shell, ['-c', `printf %s '${LITERALS.curl.string(s)}'`], { encoding: 'utf8' })
        expect(JSON.parse(body)).toBe(wellFormed(s))
      }
    })
  }

  it('Go: the compiler reads each literal back as the message', (ctx) => {
    if (!hasTool('go')) return ctx.skip('no Go toolchain (apt-get install golang-go): Go literals not checked')
    const file = join(dir, 'main.go')
    writeFileSync(
      file,
      `package main\n\nimport (\n\t"encoding/json"\n\t"fmt"\n)\n\nfunc main() {\n\tb, _ := json.Marshal([]string{${inputs.map(goString).join(', ')}})\n\tfmt.Print(string(b))\n}\n`,
    )
    const out = execFileSync('go', ['run', file], {
      encoding: 'utf8',
      env: { ...process.env, GOFLAGS: '-mod=mod', GO111MODULE: 'off' },
      timeout: 120_000,
    })
    expect(JSON.parse(out)).toEqual(expected)
  })
})
