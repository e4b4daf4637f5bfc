import type { Server } from 'node:http'
import { createServer, request } from 'node:http'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { BodyEncoder } from './http-cache'
import {
  API_POLICY,
  applyCachePolicy,
  cachePolicy,
  MODEL_PAGE_POLICY,
  PAGE_POLICY,
  VERSIONED_POLICY,
} from './http-cache'

describe('cachePolicy', () => {
  it('shares pages and the catalog JSON, keeps per-key answers private, leaves assets alone', () => {
    expect(cachePolicy('/')).toEqual({ cacheControl: PAGE_POLICY, etag: true })
    expect(cachePolicy('/models/openai/gpt-4o-mini')).toEqual({ cacheControl: MODEL_PAGE_POLICY, etag: true })
    expect(cachePolicy('/api/v1/models')).toEqual({ cacheControl: API_POLICY, etag: true })
    // Rendered per request and streamed: never held back for a tag.
    for (const p of ['/models', '/compare', '/changes'])
      expect(cachePolicy(p)).toEqual({ cacheControl: PAGE_POLICY, etag: false })
    expect(cachePolicy('/api/v1/models/openai/gpt-4o-mini/endpoints')?.etag).toBe(true)
    for (const p of ['/api/v1/key', '/api/v1/usage', '/api/v1/generation', '/api/chat'])
      expect(cachePolicy(p)).toEqual({ cacheControl: 'private, no-store', etag: false })
    expect(cachePolicy('/_next/static/chunks/x.js')).toBeUndefined()
    expect(cachePolicy('/api/unknown')).toBeUndefined()
  })

  it('lets browsers keep a data file linked with its version for good, and only then', () => {
    expect(cachePolicy('/models/index.json', '?v=e981267840f5')).toEqual({ cacheControl: VERSIONED_POLICY, etag: true })
    expect(cachePolicy('/models/index.json')).toEqual({ cacheControl: PAGE_POLICY, etag: true })
    // The snippet templates are named by their content: the name is the version.
    expect(cachePolicy('/snippets/0123456789abcdef.json')).toEqual({ cacheControl: VERSIONED_POLICY, etag: true })
    expect(cachePolicy('/snippets/latest.json')).toEqual({ cacheControl: PAGE_POLICY, etag: true })
  })
})

describe('applyCachePolicy', () => {
  let server: Server
  let url = ''
  let status = 200
  beforeAll(async () => {
    server = createServer((req, res) => {
      applyCachePolicy(req, res, { cacheControl: API_POLICY, etag: true })
      // Written the way a framework does: headers set first, body in parts.
      res.statusCode = status
      res.setHeader('content-type', 'application/json')
      res.setHeader('cache-control', 'private, no-cache')
      // Next answers HEAD with the headers only.
      if (req.method === 'HEAD') return res.end()
      res.write('{"data":')
      res.end('[1,2,3]}')
    })
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    url = `http://127.0.0.1:${(server.address() as { port: number }).port}/api/v1/models`
  })
  afterAll(() => new Promise((r) => server.close(r)))

  it('tags the body, sets the shared policy, and answers a matching If-None-Match with a bodiless 304', async () => {
    const first = await fetch(url)
    expect(first.status).toBe(200)
    expect(await first.text()).toBe('{"data":[1,2,3]}')
    expect(first.headers.get('cache-control')).toBe(API_POLICY)
    const etag = first.headers.get('etag')
    expect(etag).toMatch(/^W\/".+"$/)
    const again = await fetch(url, { headers: { 'if-none-match': etag! } })
    expect(again.status).toBe(304)
    expect(await again.text()).toBe('')
    expect(again.headers.get('etag')).toBe(etag)
    expect((await fetch(url, { headers: { 'if-none-match': 'W/"other"' } })).status).toBe(200)
  })

  it('answers HEAD with the policy, and no tag or length it cannot know without the body', async () => {
    const head = await fetch(url, { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(head.headers.get('cache-control')).toBe(API_POLICY)
    expect(head.headers.get('etag')).toBeNull()
    expect(head.headers.get('content-length')).not.toBe('0')
  })

  it('leaves an error its own Cache-Control and no ETag', async () => {
    status = 500
    const res = await fetch(url)
    status = 200
    expect(res.status).toBe(500)
    expect(res.headers.get('cache-control')).toBe('private, no-cache')
    expect(res.headers.get('etag')).toBeNull()
  })
})

describe('applyCachePolicy with an encoder', () => {
  let server: Server
  let url = ''
  const body = '<html>'.padEnd(4000, 'x')
  beforeAll(async () => {
    const encode: BodyEncoder = async (req, raw) =>
      req.headers['accept-encoding'] === 'test'
        ? { body: Buffer.from(`enc(${raw.length})`), encoding: 'test' }
        : undefined
    server = createServer((req, res) => {
      applyCachePolicy(req, res, { cacheControl: PAGE_POLICY, etag: true }, encode)
      res.setHeader('content-type', 'text/html')
      res.setHeader('vary', 'rsc')
      res.write(body.slice(0, 10))
      res.end(body.slice(10))
    })
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    url = `http://127.0.0.1:${(server.address() as { port: number }).port}/`
  })
  afterAll(() => new Promise((r) => server.close(r)))

  /** The raw response (fetch would undo a known encoding). */
  const raw = (headers: Record<string, string>) =>
    new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>(
      (resolve, reject) => {
        const req = request(url, { headers }, (res) => {
          const chunks: Buffer[] = []
          res.on('data', (c: Buffer) => chunks.push(c))
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }),
          )
        })
        req.on('error', reject)
        req.end()
      },
    )

  it('sends the encoded body with its encoding and length, varying on Accept-Encoding, tagged by the content', async () => {
    const plain = await raw({ 'accept-encoding': 'identity' })
    expect(plain.body).toBe(body)
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.headers.vary).toBe('rsc, Accept-Encoding')
    const encoded = await raw({ 'accept-encoding': 'test' })
    expect(encoded.body).toBe(`enc(${body.length})`)
    expect(encoded.headers['content-encoding']).toBe('test')
    expect(encoded.headers['content-length']).toBe(String(encoded.body.length))
    expect(encoded.headers.vary).toBe('rsc, Accept-Encoding')
    // One tag for the content, whatever its encoding; a 304 either way.
    expect(encoded.headers.etag).toBe(plain.headers.etag)
    const again = await raw({ 'accept-encoding': 'test', 'if-none-match': String(plain.headers.etag) })
    expect(again.status).toBe(304)
    expect(again.body).toBe('')
  })
})
