/**
 * Hostile input and upstream faults, at the handler: every case is answered with a fitting
 * OpenAI-shaped error, in bounded time, without calling a provider it need not call, and
 * without echoing the caller's unbounded text.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import type { MockUpstream } from '@/test-support/mock-upstream'
import { startMockUpstream } from '@/test-support/mock-upstream'
import { chat, hello, testDeps } from '@/test-support/proxy-fixture'

import { MAX_JSON_DEPTH } from './body'
import { MemoryRateLimiter } from './rate-limit'
import { closeMatches, distanceAtMost } from './routing'
import { OneShotSignal } from './signal'
import { handleChat } from './web'

let mock: MockUpstream
const logs: Record<string, unknown>[] = []
const deps = (env: Record<string, string | undefined> = {}) => testDeps(mock, logs, env)

beforeAll(async () => {
  mock = await startMockUpstream()
})
afterAll(() => mock.close())
beforeEach(() => {
  mock.reset()
  logs.length = 0
})

const errorOf = async (res: Response) => (await res.json()).error as { code: string; message: string; param: string }

describe('over-long names', () => {
  it('refuses a 1 MiB model id with a 400 at once, without echoing it or calling a provider', async () => {
    const model = `gpt-${'x'.repeat(1024 * 1024)}`
    const body = JSON.stringify({ ...hello, model })
    const started = performance.now()
    const res = await handleChat(chat(null, { raw: body }), deps({ CHAT_PROXY_MAX_BODY_BYTES: String(4 << 20) }))
    const ms = performance.now() - started
    expect(res.status).toBe(400)
    const error = await errorOf(res)
    expect(error.param).toBe('model')
    expect(error.message).toContain('at most 256 characters')
    expect(error.message.length).toBeLessThan(400)
    expect(JSON.stringify(logs)).not.toContain('x'.repeat(300))
    expect(mock.requests).toHaveLength(0)
    // Parsing a 1 MiB body takes a few ms; the old "did you mean" took a minute.
    expect(ms).toBeLessThan(1000)
  })

  it('refuses over-long fallback models and provider names the same way', async () => {
    const long = 'p'.repeat(300)
    for (const extra of [{ models: [long] }, { provider: { order: [long] } }, { provider: { only: [long] } }]) {
      const res = await handleChat(chat({ ...hello, ...extra }), deps())
      expect(res.status).toBe(400)
      expect((await errorOf(res)).message).not.toContain(long)
    }
  })

  it('never echoes an unknown key of any length', async () => {
    const key = 'k'.repeat(5000)
    const res = await handleChat(chat({ ...hello, provider: { [key]: true } }), deps())
    expect(res.status).toBe(400)
    const error = await errorOf(res)
    expect(error.message.length).toBeLessThan(500)
    expect(error.param.length).toBeLessThanOrEqual(100)
  })
})

describe('"did you mean"', () => {
  it('still suggests close ids, and none for names unlike any', async () => {
    const res = await handleChat(chat({ ...hello, model: 'openai/gpt-4o-mimi' }), deps())
    expect((await errorOf(res)).message).toContain("Did you mean 'openai/gpt-4o-mini'")
    const far = await handleChat(chat({ ...hello, model: 'qqqqqqqqqqqqqqqqqqqq' }), deps())
    expect((await errorOf(far)).message).toBe("Model 'qqqqqqqqqqqqqqqqqqqq' is not in the catalog.")
  })

  it('bounds the edit distance it computes', () => {
    expect(distanceAtMost('kitten', 'sitting', 5)).toBe(3)
    expect(distanceAtMost('kitten', 'sitting', 2)).toBe(3) // over the bound: bound + 1
    expect(distanceAtMost('a'.repeat(200), 'b', 3)).toBe(4)
  })

  it('answers a 256-character unknown name against 5,000 models in well under a frame', () => {
    const table = deps().table
    const models = Array.from({ length: 5000 }, (_, i) => ({ ...table.models[0]!, id: `vendor${i % 50}/model-${i}-x` }))
    const big = { ...table, models }
    const name = 'z'.repeat(256)
    const started = performance.now()
    for (let i = 0; i < 5; i++) closeMatches(`${name}${i}`, big)
    expect((performance.now() - started) / 5).toBeLessThan(20)
  })
})

describe('bodies', () => {
  it(`answers 400 to JSON nested deeper than ${MAX_JSON_DEPTH} levels, without calling a provider`, async () => {
    const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`
    const raw = `{"model":"openai/gpt-4o-mini","messages":[{"role":"user","content":"hi"}],"metadata":${deep}}`
    const res = await handleChat(chat(null, { raw }), deps())
    expect(res.status).toBe(400)
    expect((await errorOf(res)).code).toBe('invalid_json')
    expect(mock.requests).toHaveLength(0)
  })

  it('keeps brackets inside strings out of the nesting count', async () => {
    const content = '['.repeat(1000)
    const res = await handleChat(chat({ ...hello, messages: [{ role: 'user', content }] }), deps())
    expect(res.status).toBe(200)
  })

  it('answers 408 when the body does not arrive in time', async () => {
    const stalled = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"model":'))
      },
    })
    const request = new Request('http://site.test/api/chat', {
      method: 'POST',
      headers: { authorization: 'Bearer caller-key-1' },
      body: stalled,
      duplex: 'half',
    } as RequestInit)
    const res = await handleChat(request, deps({ CHAT_PROXY_BODY_TIMEOUT_MS: '200' }))
    expect(res.status).toBe(408)
    expect((await errorOf(res)).code).toBe('request_timeout')
  })
})

describe('a provider that stalls after its headers', () => {
  it('is given up after the idle timeout, and the next provider serves the call', async () => {
    mock.setFaults({ cheap: { fault: { kind: 'stall-body' } } })
    const started = performance.now()
    const res = await handleChat(chat(hello), deps({ CHAT_PROXY_IDLE_TIMEOUT_MS: '300' }))
    expect(res.status).toBe(200)
    expect(res.headers.get('x-provider')).toBe('dear')
    expect(performance.now() - started).toBeLessThan(2000)
    expect(mock.requests[0]?.aborted).toBe(true)
  })

  it('answers 504 when every provider stalls', async () => {
    mock.setFaults({ cheap: { fault: { kind: 'stall-body' } }, dear: { fault: { kind: 'stall-body' } } })
    const res = await handleChat(chat(hello), deps({ CHAT_PROXY_IDLE_TIMEOUT_MS: '200' }))
    expect(res.status).toBe(504)
    expect((await errorOf(res)).code).toBe('upstream_timeout')
  })
})

describe('failed authentication', () => {
  it('is throttled per client address, even for a right key once throttled', async () => {
    const d = { ...deps(), authFailures: new MemoryRateLimiter(3) }
    const from = (address: string, key: string) => {
      const request = chat(hello, { key })
      return handleChat(Object.assign(request, { clientAddress: address }), d)
    }
    for (let i = 0; i < 3; i++) expect((await from('10.0.0.1', `wrong-${i}`)).status).toBe(401)
    const throttled = await from('10.0.0.1', 'wrong-again')
    expect(throttled.status).toBe(429)
    expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
    expect((await errorOf(throttled)).code).toBe('too_many_auth_failures')
    // A right key from that address learns nothing either, until the bucket refills ...
    expect((await from('10.0.0.1', 'caller-key-1')).status).toBe(429)
    // ... while other addresses are unaffected.
    expect((await from('10.0.0.2', 'caller-key-1')).status).toBe(200)
  })

  it('keeps memory bounded whatever the number of addresses', () => {
    const limiter = new MemoryRateLimiter(3, Date.now, 1000)
    for (let i = 0; i < 50_000; i++) limiter.take(`addr-${i}`)
    expect(limiter.size).toBeLessThanOrEqual(1000)
  })
})

describe('shutdown', () => {
  it('ends a running stream with an in-band server_shutting_down event, and logs it', async () => {
    mock.setFaults({ cheap: { fault: { kind: 'slow', delayMs: 200 } } })
    const closing = new OneShotSignal()
    const res = await handleChat(chat({ ...hello, stream: true }), { ...deps(), closing })
    const reader = res.body!.getReader()
    await reader.read()
    closing.abort()
    let text = ''
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      text += new TextDecoder().decode(value)
    }
    expect(text).toContain('"code":"server_shutting_down"')
    expect(text).not.toContain('[DONE]')
    expect(logs.at(-1)).toMatchObject({ status: 200, error: 'server_shutting_down' })
  })

  it('answers 503 server_shutting_down to a call still waiting for its provider', async () => {
    mock.setFaults({ cheap: { fault: { kind: 'hang' } } })
    const closing = new OneShotSignal()
    const pending = handleChat(chat(hello), { ...deps({ CHAT_PROXY_FIRST_BYTE_TIMEOUT_MS: '5000' }), closing })
    await expect.poll(() => mock.requests.length).toBe(1)
    closing.abort()
    const res = await pending
    expect(res.status).toBe(503)
    expect((await errorOf(res)).code).toBe('server_shutting_down')
    expect(mock.requests).toHaveLength(1) // no failover to another provider
    await expect.poll(() => mock.requests[0]?.aborted).toBe(true)
  })
})
