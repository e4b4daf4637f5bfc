import type { IncomingMessage, Server } from 'node:http'
import { createServer, request as httpRequest } from 'node:http'
import type { AddressInfo } from 'node:net'

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { buildCatalog } from '@/lib/catalog/derive'
import { parseEnv } from '@/lib/env'
import { modelDoc, proseDoc, providerDoc, vendorDoc } from '@/test-support/catalog-fixtures'
import type { MockUpstream } from '@/test-support/mock-upstream'
import { startMockUpstream } from '@/test-support/mock-upstream'

import { jsonResult } from './errors'
import type { ProxyDeps } from './handler'
import { FlexibleKeyLimiter } from './key-limits'
import { chatListener, proxyRequest, writeResult } from './node-adapter'
import { buildRoutingTable } from './routing'

const UPSTREAM_KEY = 'sk-upstream-SECRET'
let mock: MockUpstream
const logs: Record<string, unknown>[] = []

function deps(): ProxyDeps {
  const cat = buildCatalog({
    models: [
      modelDoc('acme/mini', {
        endpoints: [
          {
            provider: 'cheap',
            modelId: 'cheap-mini',
            contextWindow: 128000,
            maxOutputTokens: 4096,
            status: 'available',
            pricing: { input: 1, output: 2 },
          },
        ],
      }),
    ],
    vendors: [vendorDoc('acme')],
    providers: [providerDoc('cheap')],
    prose: [proseDoc('acme/mini')],
    routers: [],
  })
  const env = parseEnv({
    CHAT_PROXY_KEYS: 'caller',
    CHEAP_API_KEY: UPSTREAM_KEY,
    CHEAP_BASE_URL: mock.baseUrl('cheap'),
    CHAT_PROXY_MAX_BODY_BYTES: '2000',
  })
  return {
    env,
    table: buildRoutingTable(cat.models, cat.providers, cat.routers),
    limiter: new FlexibleKeyLimiter(),
    log: (l) => logs.push(l),
  }
}

/** A node:http server on a free loopback port, closed after the test file. */
async function serve(listener: Parameters<typeof createServer>[1]): Promise<{ url: string; server: Server }> {
  const server = createServer(listener)
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  servers.push(server)
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server }
}
const servers: Server[] = []

interface Reply {
  status: number
  headers: IncomingMessage['headers']
  body: string
  /** Each chunk with the ms since the request was sent. */
  chunks: Array<{ at: number; text: string }>
}

function send(url: string, body: string | string[] | null, headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const start = performance.now()
    const req = httpRequest(
      url,
      { method: 'POST', headers: { 'content-type': 'application/json', ...headers } },
      (res) => {
        const chunks: Reply['chunks'] = []
        res.setEncoding('utf8')
        res.on('data', (text: string) => chunks.push({ at: performance.now() - start, text }))
        res.on('end', () =>
          resolve({ status: res.statusCode!, headers: res.headers, body: chunks.map((c) => c.text).join(''), chunks }),
        )
      },
    )
    req.on('error', reject)
    if (Array.isArray(body)) {
      for (const part of body) req.write(part) // no content-length: sent chunked
      req.end()
    } else req.end(body ?? undefined)
  })
}

beforeAll(async () => {
  mock = await startMockUpstream()
})
afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))))
  await mock.close()
})
beforeEach(() => {
  mock.reset()
  logs.length = 0
})

describe('writeResult', () => {
  it('sends a JSON body in one piece with its length and every header', async () => {
    const { url } = await serve(
      (_, res) =>
        void writeResult(jsonResult(201, { ok: 'é' }, { 'x-provider': 'cheap' }), res, { 'x-frame-options': 'DENY' }),
    )
    const reply = await send(url, null)
    expect(reply.status).toBe(201)
    expect(reply.headers['content-length']).toBe(String(Buffer.byteLength('{"ok":"é"}')))
    expect(reply.headers['content-type']).toBe('application/json')
    expect(reply.headers['x-provider']).toBe('cheap')
    expect(reply.headers['x-frame-options']).toBe('DENY')
    expect(JSON.parse(reply.body)).toEqual({ ok: 'é' })
  })

  it('passes a stream on chunk by chunk as it is produced, not at the end', async () => {
    const enc = new TextEncoder()
    const { url } = await serve((_, res) => {
      let i = 0
      const body = new ReadableStream<Uint8Array>({
        async pull(c) {
          if (i === 3) return c.close()
          if (i > 0) await new Promise((r) => setTimeout(r, 150))
          c.enqueue(enc.encode(`data: ${i++}\n\n`))
        },
      })
      void writeResult({ status: 200, headers: { 'content-type': 'text/event-stream' }, body }, res)
    })
    const reply = await send(url, null)
    expect(reply.body).toBe('data: 0\n\ndata: 1\n\ndata: 2\n\n')
    expect(reply.chunks.length).toBe(3)
    expect(reply.chunks[2]!.at - reply.chunks[0]!.at).toBeGreaterThan(250)
  })
})

describe('proxyRequest', () => {
  it('aborts its signal when the caller goes away, and only then', async () => {
    const signals: Array<{ aborted: boolean }> = []
    const { url } = await serve((req, res) => {
      const request = proxyRequest(req, res)
      signals.push(request.signal)
      if (req.headers['x-hang']) return // the caller gives up on this one
      res.end('done')
    })
    await send(url, null)
    const gone = httpRequest(url, { method: 'POST', headers: { 'x-hang': '1' } })
    gone.on('error', () => {})
    gone.end()
    await new Promise((r) => setTimeout(r, 100))
    gone.destroy()
    await new Promise((r) => setTimeout(r, 100))
    expect(signals.map((s) => s.aborted)).toEqual([false, true])
  })
})

describe('chatListener', () => {
  it('answers a call through the handler, priced, with the upstream key nowhere in the answer', async () => {
    const { url } = await serve(chatListener(deps, { 'x-content-type-options': 'nosniff' }))
    const reply = await send(url, JSON.stringify({ model: 'acme/mini', messages: [{ role: 'user', content: 'hi' }] }), {
      authorization: 'Bearer caller',
    })
    expect(reply.status).toBe(200)
    expect(reply.headers['x-provider']).toBe('cheap')
    expect(reply.headers['x-content-type-options']).toBe('nosniff')
    // 1000 prompt tokens at $1/M (200 cached, no cache price: full price) + 500 at $2/M
    expect(JSON.parse(reply.body).usage.cost).toBe(0.002)
    expect(JSON.stringify(reply)).not.toContain(UPSTREAM_KEY)
    expect(mock.requests[0]!.authorization).toBe(`Bearer ${UPSTREAM_KEY}`)
    expect(logs).toHaveLength(1)
  })

  it('answers 413 to a chunked body over the limit after reading the rest, so the connection stays usable', async () => {
    const { url } = await serve(chatListener(deps))
    const reply = await send(url, ['{"model":"acme/mini","messages":[', '"x",'.repeat(600), ']}'], {
      authorization: 'Bearer caller',
    })
    expect(reply.status).toBe(413)
    expect(reply.headers.connection).not.toBe('close')
    expect(JSON.parse(reply.body).error.code).toBe('request_too_large')
    expect(mock.requests).toHaveLength(0)
  })

  it('lets every client read its 413 or 401 while it is still uploading (no EPIPE)', async () => {
    const { url } = await serve(chatListener(deps))
    const big = JSON.stringify({ model: 'acme/mini', messages: [{ role: 'user', content: 'x'.repeat(2 << 20) }] })
    const statuses: number[] = []
    for (let i = 0; i < 10; i++) {
      for (const key of ['caller', 'wrong']) {
        const res = await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${key}` }, body: big })
        statuses.push(res.status)
        expect((await res.json()).error.code).toBe(key === 'caller' ? 'request_too_large' : 'invalid_api_key')
      }
    }
    expect(statuses).toEqual(Array.from({ length: 10 }, () => [413, 401]).flat())
  })

  it('logs a caller who leaves mid-upload as a 499, not an internal error', async () => {
    const { url } = await serve(chatListener(deps))
    const req = httpRequest(url, { method: 'POST', headers: { authorization: 'Bearer caller' } })
    req.on('error', () => {})
    req.write('{"model":"acme/mini","messages":[')
    await new Promise((r) => setTimeout(r, 100))
    req.destroy()
    await expect.poll(() => logs[0]?.status, { timeout: 2000 }).toBe(499)
    expect(logs[0]?.error).toBe('client_closed_request')
  })

  it('answers 408 to a body that does not arrive in time, and closes the connection', async () => {
    const slow = () => ({ ...deps(), env: { ...deps().env, CHAT_PROXY_BODY_TIMEOUT_MS: 300 } })
    const { url } = await serve(chatListener(slow))
    const reply = await new Promise<Reply>((resolve, reject) => {
      const req = httpRequest(url, { method: 'POST', headers: { authorization: 'Bearer caller' } }, (res) => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (t: string) => {
          body += t
        })
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body, chunks: [] }))
      })
      req.on('error', reject)
      req.write('{"model":') // and nothing more
    })
    expect(reply.status).toBe(408)
    expect(reply.headers.connection).toBe('close')
    expect(JSON.parse(reply.body).error.code).toBe('request_timeout')
  })

  it('aborts the upstream request when the caller leaves before the provider answers', async () => {
    mock.setFaults({ cheap: { fault: { kind: 'hang' } } })
    const { url } = await serve(chatListener(deps))
    const req = httpRequest(url, {
      method: 'POST',
      headers: { authorization: 'Bearer caller', 'content-type': 'application/json' },
    })
    req.on('error', () => {})
    req.end(JSON.stringify({ model: 'acme/mini', messages: [{ role: 'user', content: 'hi' }] }))
    await expect.poll(() => mock.requests.length, { timeout: 2000 }).toBe(1)
    req.destroy()
    await expect.poll(() => mock.requests[0]?.aborted, { timeout: 2000 }).toBe(true)
    await expect.poll(() => logs[0]?.status, { timeout: 2000 }).toBe(499)
  })

  it('aborts the upstream request when the caller leaves mid-stream', async () => {
    mock.setFaults({ cheap: { fault: { kind: 'slow', delayMs: 100 } } })
    const { url } = await serve(chatListener(deps))
    const body = JSON.stringify({
      model: 'acme/mini',
      stream: true,
      messages: [{ role: 'user', content: 'a long enough reply to stream' }],
    })
    await new Promise<void>((resolve, reject) => {
      const req = httpRequest(
        url,
        { method: 'POST', headers: { authorization: 'Bearer caller', 'content-type': 'application/json' } },
        (res) => {
          res.once('data', () => {
            req.destroy()
            resolve()
          })
        },
      )
      req.on('error', () => {})
      req.on('timeout', reject)
      req.end(body)
    })
    await expect.poll(() => mock.requests[0]?.aborted, { timeout: 2000 }).toBe(true)
    await expect.poll(() => logs[0]?.status, { timeout: 2000 }).toBe(499)
  })
})
