import { execFileSync } from 'node:child_process'

import { describe, expect, it } from 'vitest'

import { curlSnippet, shellQuote } from './curl'

describe('shellQuote', () => {
  it('round-trips awkward strings through bash', () => {
    for (const s of [`it's "quoted"`, 'cost $5 `whoami` \\n', 'line one\nline two', 'héllo 👋', "''", "'a'b'"]) {
      const out = execFileSync('bash', ['-c', `printf %s ${shellQuote(s)}`], { encoding: 'utf8' })
      expect(out).toBe(s)
    }
  })
})

describe('curlSnippet', () => {
  it('posts the model and message to the proxy', () => {
    const s = curlSnippet({ siteUrl: 'https://example.com', modelId: 'openai/gpt-4o-mini', message: 'Hi' })
    expect(s).toContain(`curl 'https://example.com/api/v1/chat/completions'`)
    expect(s).toContain('"model": "openai/gpt-4o-mini"')
    expect(s).toContain('Authorization: Bearer $YOUR_API_KEY')
    expect(s).toContain('{"role": "user", "content": "Hi"}')
  })
})
