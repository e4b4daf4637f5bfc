import { describe, expect, it } from 'vitest'

import { ALL_OPTIONS, BARE_MODEL, FULL_MODEL } from '@/test-support/snippet-fixtures'

import type { SnippetInput, SnippetLanguage } from './index'
import { generateSnippet, LANGUAGE_IDS, proxyTarget, safeEnvName, snippetFeatures } from './index'

const EXT: Record<SnippetLanguage, string> = {
  curl: 'sh',
  python: 'py',
  typescript: 'ts',
  javascript: 'mjs',
  'python-urllib': 'py',
  go: 'go',
}
const SITE = 'https://models.example'

const base = (over: Partial<SnippetInput> = {}): SnippetInput => ({
  model: FULL_MODEL,
  target: proxyTarget(SITE, FULL_MODEL.id),
  message: 'Hello! What can you do?',
  ...over,
})

// File snapshots, one per language × streaming, readable as code. The `.snap` suffix keeps the
// TypeScript ones out of the project's type-check (they are checked against the real `openai`
// package in compile.test.ts instead).
describe('snapshots: every language, streaming off and on', () => {
  for (const lang of LANGUAGE_IDS) {
    for (const stream of [false, true]) {
      const tag = stream ? 'stream' : 'once'
      it(`${lang}, ${tag}, defaults`, async () => {
        await expect(generateSnippet(base({ stream }), lang)).toMatchFileSnapshot(
          `__snapshots__/${lang}.${tag}.${EXT[lang]}.snap`,
        )
      })
      it(`${lang}, ${tag}, every option`, async () => {
        const code = generateSnippet(base({ stream, system: 'Answer in one sentence.', options: ALL_OPTIONS }), lang)
        await expect(code).toMatchFileSnapshot(`__snapshots__/${lang}.${tag}.all-options.${EXT[lang]}.snap`)
      })
    }
  }
})

describe('what the model supports decides what is shown', () => {
  it('a model with no parameter list gets max_tokens only, and no capability examples it lacks', () => {
    for (const lang of LANGUAGE_IDS) {
      const code = generateSnippet(
        base({ model: BARE_MODEL, target: proxyTarget(SITE, BARE_MODEL.id), system: 'S', options: ALL_OPTIONS }),
        lang,
      )
      expect(code).toContain('max_tokens')
      expect(code).toContain('300')
      for (const absent of [
        'temperature',
        'top_p',
        '"STOP"',
        'seed',
        'reasoning_effort',
        'response_format',
        'get_weather',
        'image_url',
        'cat.png',
      ]) {
        expect(code, `${lang} shows ${absent}`).not.toContain(absent)
      }
    }
  })

  it('every supported option appears with its value when set, and none when not', () => {
    for (const lang of LANGUAGE_IDS) {
      const on = generateSnippet(base({ options: ALL_OPTIONS }), lang)
      const off = generateSnippet(base(), lang)
      for (const text of [
        'temperature',
        '0.2',
        'max_tokens',
        '300',
        'top_p',
        '0.5',
        'STOP',
        'seed',
        'reasoning_effort',
        'high',
        'response_format',
        'json_schema',
        'get_weather',
        'tool_choice',
        'image_url',
        'https://example.com/cat.png',
      ]) {
        expect(on, `${lang} lacks ${text}`).toContain(text)
        if (!/^[0-9.]+$/.test(text)) expect(off, `${lang} shows ${text} unasked`).not.toContain(text)
      }
    }
  })

  it('uses max_completion_tokens where the model lists it but not max_tokens', () => {
    const model = { ...FULL_MODEL, parameters: [{ name: 'max_completion_tokens' }, { name: 'temperature' }] }
    for (const lang of LANGUAGE_IDS) {
      const code = generateSnippet(base({ model, options: { maxTokens: 500 } }), lang)
      expect(code).toContain('max_completion_tokens')
      expect(code).not.toMatch(/[^_]max_tokens/)
    }
  })

  it('leaves tool_choice out where the model does not list it', () => {
    const model = { ...FULL_MODEL, parameters: FULL_MODEL.parameters.filter((p) => p.name !== 'tool_choice') }
    for (const lang of LANGUAGE_IDS) {
      const code = generateSnippet(base({ model, options: { tools: true } }), lang)
      expect(code).toContain('get_weather')
      expect(code).not.toContain('tool_choice')
    }
  })

  it('never streams a model that cannot', () => {
    const model = { ...FULL_MODEL, capabilities: { ...FULL_MODEL.capabilities, streaming: false } }
    expect(snippetFeatures(model).stream).toBe(false)
    for (const lang of LANGUAGE_IDS) {
      expect(generateSnippet(base({ model, stream: true }), lang)).toBe(
        generateSnippet(base({ model, stream: false }), lang),
      )
    }
  })

  it('ignores values that are not acceptable numbers', () => {
    for (const lang of LANGUAGE_IDS) {
      const code = generateSnippet(
        base({ options: { temperature: Number.NaN, maxTokens: 2.5, seed: Number.POSITIVE_INFINITY } }),
        lang,
      )
      expect(code).toBe(generateSnippet(base(), lang))
    }
  })
})

describe('targets', () => {
  it('defaults to the site proxy with the YOUR_API_KEY placeholder', () => {
    const curl = generateSnippet(base(), 'curl')
    expect(curl).toContain(`curl '${SITE}/api/v1/chat/completions'`)
    expect(curl).toContain('"model": "acme/omni-1"')
    expect(curl).toContain('Authorization: Bearer $YOUR_API_KEY')
    expect(generateSnippet(base(), 'python')).toContain(`base_url="${SITE}/api/v1"`)
    expect(generateSnippet(base(), 'go')).toContain('os.Getenv("YOUR_API_KEY")')
  })

  it('calls a provider directly with its base URL, its model id and its key variable', () => {
    const target = {
      baseUrl: 'https://api.together.xyz/v1/',
      modelId: 'Acme/Omni-1-Turbo',
      apiKeyEnv: 'TOGETHER_AI_API_KEY',
    }
    const expectations: Record<SnippetLanguage, string[]> = {
      curl: ["'https://api.together.xyz/v1/chat/completions'", '"model": "Acme/Omni-1-Turbo"', '$TOGETHER_AI_API_KEY'],
      python: [
        'base_url="https://api.together.xyz/v1"',
        'model="Acme/Omni-1-Turbo"',
        'os.environ["TOGETHER_AI_API_KEY"]',
      ],
      typescript: [
        'baseURL: "https://api.together.xyz/v1"',
        'model: "Acme/Omni-1-Turbo"',
        'process.env.TOGETHER_AI_API_KEY',
      ],
      javascript: [
        'fetch("https://api.together.xyz/v1/chat/completions"',
        'model: "Acme/Omni-1-Turbo"',
        'process.env.TOGETHER_AI_API_KEY',
      ],
      'python-urllib': [
        '"https://api.together.xyz/v1/chat/completions"',
        '"model": "Acme/Omni-1-Turbo"',
        'os.environ["TOGETHER_AI_API_KEY"]',
      ],
      go: [
        '"https://api.together.xyz/v1/chat/completions"',
        '"model": "Acme/Omni-1-Turbo"',
        'os.Getenv("TOGETHER_AI_API_KEY")',
      ],
    }
    for (const lang of LANGUAGE_IDS) {
      const code = generateSnippet(base({ target }), lang)
      for (const text of expectations[lang]) expect(code, lang).toContain(text)
      expect(code).not.toContain('YOUR_API_KEY')
    }
  })

  it('makes every key variable a valid shell and JavaScript identifier', () => {
    expect(safeEnvName('OPENAI_API_KEY')).toBe('OPENAI_API_KEY')
    expect(safeEnvName('01_AI_API_KEY')).toBe('_01_AI_API_KEY')
    expect(safeEnvName('X.AI-KEY')).toBe('X_AI_KEY')
  })
})
