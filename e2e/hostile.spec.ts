/**
 * The production server under hostile input, faults and shutdown: each case runs against a
 * `dist/server.mjs` of its own (its own settings, its own mock upstream), the way a caller or an
 * operator meets it. The slow soak is `npm run bench:soak`.
 */
import { request as httpRequest } from 'node:http'

import { expect, test } from '@playwright/test'
import OpenAI from 'openai'

import type { MockUpstream } from '../test-support/mock-upstream'
import { startMockUpstream } from '../test-support/mock-upstream'
import type { OwnServer } from '../test-support/own-server'
import { logLines, startOwnServer } from '../test-support/own-server'

test.describe.configure({ mode: 'serial' })

let mock: MockUpstream
let server: OwnServer
const KEYS = ['hostile-key-0', 'hostile-key-1']

const settings = () => ({
  CHAT_PROXY_KEYS: KEYS.join(','),
  CHAT_PROXY_RATE_LIMIT: '0',
  CHAT_PROXY_BODY_TIMEOUT_MS: '500',
  CHAT_PROXY_FIRST_BYTE_TIMEOUT_MS: '2000',
  CHAT_PROXY_IDLE_TIMEOUT_MS: '2000',
  OPENAI_API_KEY: 'sk-hostile-UPSTREAM',
  OPENAI_BASE_URL: mock.baseUrl('openai'),
})

test.beforeAll(async () => {
  mock = await startMockUpstream()
  server = await startOwnServer(settings())
})
test.afterAll(async () => {
  await server?.stop()
  await mock?.close()
})

const hello = (extra: object = {}) =>
  JSON.stringify({ model: 'openai/gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }], ...extra })

interface Raw {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** One request with the path sent exactly as written (fetch would resolve its dot segments). */
function raw(base: string, method: string, path: string, body?: string, key?: string): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const { hostname, port } = new URL(base)
    const headers: Record<string, string> = { 'content-type': 'application/json' }
    if (key) headers.authorization = `Bearer ${key}`
    const req = httpRequest({ hostname, port, method, path, headers }, (res) => {
      let text = ''
      res.setEncoding('utf8').on('data', (t: string) => {
        text += t
      })
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: text }))
    })
    req.on('error', reject)
    req.end(body)
  })
}

test('no spelling of the chat path escapes the rate limit', async () => {
  const own = await startOwnServer({ ...settings(), CHAT_PROXY_RATE_LIMIT: '2' })
  try {
    // The limit is 2 a minute: the third call is refused, whichever spelling each one used.
    const paths = ['/api/./chat', '/./api/chat', '/api/v1/./chat/completions', '/api/%2e/chat', '/api/chat']
    const statuses: number[] = []
    for (const path of paths) statuses.push((await raw(own.url, 'POST', path, hello(), KEYS[0])).status)
    expect(statuses).toEqual([200, 200, 429, 429, 429])
  } finally {
    await own.stop()
  }
})

test('other methods on the chat routes get an OpenAI-shaped 405 with Allow: POST', async () => {
  for (const [method, path] of [
    ['GET', '/api/chat'],
    ['PUT', '/api/v1/chat/completions'],
    ['DELETE', '/api/./chat'],
  ] as const) {
    const res = await raw(server.url, method, path)
    expect(res.status).toBe(405)
    expect(res.headers.allow).toBe('POST')
    expect(JSON.parse(res.body).error.code).toBe('method_not_allowed')
  }
})

test('unknown API paths answer a JSON 404, not the HTML page', async () => {
  for (const [method, path] of [
    ['GET', '/api/nope'],
    ['POST', '/api/v1/nothing/here'],
    ['GET', '/api/v1/models/openai'],
  ] as const) {
    const res = await raw(server.url, method, path, method === 'POST' ? '{}' : undefined)
    expect(res.status).toBe(404)
    expect(res.headers['content-type']).toContain('application/json')
    expect(JSON.parse(res.body).error.code).toBe('not_found')
  }
})

test('a 1 MiB model id is refused at once while the site keeps answering', async () => {
  const key = KEYS[0]
  const body = hello({ model: `openai/${'x'.repeat(1000 * 1000)}` })
  const started = Date.now()
  const [res, page] = await Promise.all([
    raw(server.url, 'POST', '/api/chat', body, key),
    new Promise<number>((r) => setTimeout(r, 20)).then(() => fetch(`${server.url}/robots.txt`)),
  ])
  expect(res.status).toBe(400)
  expect(JSON.parse(res.body).error.param).toBe('model')
  expect(res.body.length).toBeLessThan(1000)
  expect(page.status).toBe(200)
  expect(Date.now() - started).toBeLessThan(3000)
  expect(server.stdout()).not.toContain('x'.repeat(300))
})

test('JSON nested 5,000 levels deep is a 400, and no provider is called', async () => {
  mock.reset()
  const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`
  const res = await raw(server.url, 'POST', '/api/chat', hello({ metadata: 0 }).replace('0', deep), KEYS[0])
  expect(res.status).toBe(400)
  expect(JSON.parse(res.body).error.code).toBe('invalid_json')
  expect(mock.requests).toHaveLength(0)
})

test('the OpenAI SDK reads the 413 for bodies of 2 MB and 8 MB (no connection error, no retry upload)', async () => {
  const client = new OpenAI({ apiKey: KEYS[0], baseURL: `${server.url}/api/v1`, maxRetries: 0 })
  const outcomes: string[] = []
  for (const size of [2, 8]) {
    for (let i = 0; i < 5; i++) {
      try {
        await client.chat.completions.create({
          model: 'openai/gpt-4o-mini',
          messages: [{ role: 'user', content: 'x'.repeat(size * 1000 * 1000) }],
        })
        outcomes.push('ok')
      } catch (e) {
        outcomes.push(e instanceof OpenAI.APIError && e.status ? `${e.status}` : `${(e as Error).constructor.name}`)
      }
    }
  }
  expect(outcomes).toEqual(Array(10).fill('413'))
})

test('a body that does not arrive in time gets a 408, and the connection is closed', async () => {
  const { hostname, port } = new URL(server.url)
  const started = Date.now()
  const res = await new Promise<Raw>((resolve, reject) => {
    const req = httpRequest(
      { hostname, port, method: 'POST', path: '/api/chat', headers: { authorization: `Bearer ${KEYS[0]}` } },
      (r) => {
        let text = ''
        r.setEncoding('utf8').on('data', (t: string) => {
          text += t
        })
        r.on('end', () => resolve({ status: r.statusCode!, headers: r.headers, body: text }))
      },
    )
    req.on('error', reject)
    req.write('{"model":"openai/gpt-4o-mini",') // then nothing
  })
  expect(res.status).toBe(408)
  expect(res.headers.connection).toBe('close')
  expect(JSON.parse(res.body).error.code).toBe('request_timeout')
  expect(Date.now() - started).toBeLessThan(3000)
})

test('a caller who leaves mid-upload is logged as a 499, with nothing on stderr', async () => {
  const { hostname, port } = new URL(server.url)
  const req = httpRequest({
    hostname,
    port,
    method: 'POST',
    path: '/api/chat',
    headers: { authorization: `Bearer ${KEYS[0]}` },
  })
  req.on('error', () => {})
  req.write('{"model":"openai/gpt-4o-mini","messages":[')
  await new Promise((r) => setTimeout(r, 100))
  req.destroy()
  await expect
    .poll(() => logLines(server).some((l) => l.status === 499 && l.error === 'client_closed_request'))
    .toBe(true)
  expect(logLines(server).some((l) => l.status === 500)).toBe(false)
  expect(server.stderr()).not.toContain('unexpected error')
})

test('a provider that stalls after its headers is given up, and the call fails over', async () => {
  mock.reset()
  // The only configured provider stalls: the call ends at the idle timeout, not at the socket's end.
  mock.setFaults({ openai: { fault: { kind: 'stall-body' } } })
  const started = Date.now()
  const res = await raw(server.url, 'POST', '/api/chat', hello(), KEYS[0])
  expect(res.status).toBe(504)
  expect(Date.now() - started).toBeLessThan(5000)
  mock.reset()
})

test('failed authentication is throttled per address', async () => {
  const own = await startOwnServer({ ...settings(), CHAT_PROXY_AUTH_FAILURES_PER_MINUTE: '5' })
  try {
    const statuses: number[] = []
    for (let i = 0; i < 7; i++) statuses.push((await raw(own.url, 'POST', '/api/chat', hello(), `bad-${i}`)).status)
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429])
    const throttled = await raw(own.url, 'POST', '/api/chat', hello(), KEYS[0])
    expect(throttled.status).toBe(429)
    expect(Number(throttled.headers['retry-after'])).toBeGreaterThanOrEqual(1)
  } finally {
    await own.stop()
  }
})

test('SIGTERM: calls finish within the grace period, the rest end with server_shutting_down, logged', async () => {
  mock.reset()
  const own = await startOwnServer({ ...settings(), CHAT_PROXY_RATE_LIMIT: '0', CHAT_PROXY_SHUTDOWN_GRACE_MS: '1500' })
  // 8-character chunks, 150 ms apart: a short reply ends within the grace period, a long one does not.
  mock.setFaults({ openai: { fault: { kind: 'slow', delayMs: 150 } } })
  const stream = async (content: string) => {
    const res = await fetch(`${own.url}/api/chat`, {
      method: 'POST',
      headers: { authorization: `Bearer ${KEYS[1]}`, 'content-type': 'application/json' },
      body: hello({ stream: true, messages: [{ role: 'user', content }] }),
    })
    return { status: res.status, text: res.text() }
  }
  const short = await stream('short')
  const long = await stream('a long reply that keeps streaming well past the grace period '.repeat(3))
  own.proc.kill('SIGTERM')
  await new Promise((r) => setTimeout(r, 200))
  // No new connection once the signal has arrived.
  await expect(fetch(`${own.url}/robots.txt`)).rejects.toThrow()
  expect(await short.text).toContain('data: [DONE]')
  const longText = await long.text
  expect(longText).toContain('"code":"server_shutting_down"')
  expect(longText).not.toContain('[DONE]')
  expect(await own.exited).toBe(1) // a call had to be ended
  const lines = logLines(own)
  expect(lines.filter((l) => l.stream === true && l.status === 200 && !l.error)).toHaveLength(1)
  expect(lines.filter((l) => l.error === 'server_shutting_down')).toHaveLength(1)
  expect(own.stderr()).toContain('ending 1 call(s) still running')
})
