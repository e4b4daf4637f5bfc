import type { Server } from 'node:http'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { hasTool, runSnippets, workDir } from '@/test-support/snippets/run'

import { MODELS_LIST_LANGUAGES, modelsListSnippet } from './models-list'

// A stand-in for GET /api/v1/models (the browser tests use the built site's).
const DATA = {
  data: [
    { id: 'openai/gpt-4o-mini', name: 'GPT-4o mini', pricing: { prompt: '0.00000015' } },
    { id: 'acme/ünïcode', name: 'Ünïcode "quoted" 🎉' },
  ],
}
let server: Server
let origin = ''
const work = workDir('models-list')

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url !== '/api/v1/models') return void res.writeHead(404).end()
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(DATA))
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  server.closeAllConnections()
  await new Promise((r) => server.close(r))
  work.cleanup()
})

describe('models list snippets', () => {
  it('call GET /api/v1/models on the site', () => {
    for (const lang of MODELS_LIST_LANGUAGES)
      expect(modelsListSnippet(lang, 'https://site.example/')).toContain('https://site.example/api/v1/models')
  })

  it('run and print every model (curl: the JSON)', async () => {
    const langs = MODELS_LIST_LANGUAGES.filter((l) => l !== 'go' || hasTool('go'))
    const results = await runSnippets(
      langs.map((lang) => ({ lang, code: modelsListSnippet(lang, origin) })),
      work.dir,
    )
    for (const [i, r] of results.entries()) {
      const lang = langs[i]!
      expect(r.code, `${lang}: ${r.stderr}`).toBe(0)
      if (lang === 'curl') expect(JSON.parse(r.stdout)).toEqual(DATA)
      else expect(r.stdout).toBe('openai/gpt-4o-mini\tGPT-4o mini\nacme/ünïcode\tÜnïcode "quoted" 🎉\n')
    }
  }, 120_000)
})
