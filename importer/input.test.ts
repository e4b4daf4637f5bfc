/** Input files are validated up front: errors name the file, the row (or LiteLLM key) and the field. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { describe, expect, it } from 'vitest'

import { readSource } from './fs'
import { ImportInputError, parseSource } from './input'
import { FIXTURES, LITELLM } from './test-helpers'

describe('input validation', () => {
  it('names the file, the row and the field of a bad models.dev row', () => {
    const file = join(FIXTURES, 'bad-modelsdev.json')
    expect(() => readSource('models.dev', file)).toThrow(ImportInputError)
    expect(() => readSource('models.dev', file)).toThrow(
      /bad-modelsdev\.json[\s\S]*row 1 \(provider "azure", modelId "gpt-4\.1"\): cost\.input: .*expected number/,
    )
  })

  it('names the file, the row and the field of a bad OpenRouter entry', () => {
    const file = join(FIXTURES, 'bad-openrouter.json')
    expect(() => readSource('openrouter', file)).toThrow(
      /bad-openrouter\.json[\s\S]*row 0 \(id "openai\/gpt-4\.1"\): pricing\.prompt: .*expected string/,
    )
  })

  it('rejects a file of the wrong shape and non-JSON', () => {
    expect(() => parseSource('openrouter', 'x.json', [])).toThrow(/x\.json[\s\S]*top level/)
    const d = mkdtempSync(join(tmpdir(), 'catalog-import-'))
    writeFileSync(join(d, 'broken.json'), '{ nope')
    expect(() => readSource('models.dev', join(d, 'broken.json'))).toThrow(/broken\.json is not valid JSON/)
    rmSync(d, { recursive: true })
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
