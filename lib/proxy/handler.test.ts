import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import type { MockUpstream } from '@/test-support/mock-upstream'
import { startMockUpstream } from '@/test-support/mock-upstream'
import { chat, hello, KEY, testDeps, UPSTREAM_KEYS } from '@/test-support/proxy-fixture'

import { handleChat } from './web'

let mock: MockUpstream
const logs: Record<string, unknown>[] = []
const seen: string[] = [] // every response body and header, to prove no key leaks

const deps = (env: Record<string, string | undefined> = {}, random?: () => number) => testDeps(mock, logs, env, random)

async function record(res: Response): Promise<string> {
  const text = await res.text()
  seen.push(text, JSON.stringify([...res.headers]))
  return text
}

beforeAll(async () => {
  mock = await startMockUpstream()
})
afterAll(async () => {
  // The upstream keys appear in no response of the whole suite.
  for (const text of seen) for (const k of Object.values(UPSTREAM_KEYS)) expect(text).not.toContain(k)
  for (const l of logs)
    for (const k of [...Object.values(UPSTREAM_KEYS), KEY]) expect(JSON.stringify(l)).not.toContain(k)
  await mock.close()
})
beforeEach(() => mock.reset())

describe('authentication and configuration', () => {
  it('answers 503 saying what to set when CHAT_PROXY_KEYS is unset', async () => {
    const res = await handleChat(chat(hello), deps({ CHAT_PROXY_KEYS: undefined }))
    expect(res.status).toBe(503)
    expect(JSON.parse(await record(res)).error.message).toContain('CHAT_PROXY_KEYS')
  })
  it('answers 401 for a missing or wrong key', async () => {
    for (const key of [null, 'wrong']) {
      const res = await handleChat(chat(hello, { key }), deps())
      expect(res.status).toBe(401)
      expect(JSON.parse(await record(res))).toMatchObject({ error: { type: 'authentication_error' } })
    }
  })
  it('accepts any configured key', async () => {
    const res = await handleChat(chat(hello, { key: 'other-key' }), deps())
    expect(res.status).toBe(200)
    await record(res)
  })
})

describe('bad input', () => {
  it('rejects invalid JSON with 400', async () => {
    const res = await handleChat(chat(null, { raw: '{"model":' }), deps())
    expect(res.status).toBe(400)
    expect(JSON.parse(await record(res)).error.code).toBe('invalid_json')
  })
  it('names the field of a schema violation', async () => {
    const res = await handleChat(
      chat({ model: 'openai/gpt-4o-mini', messages: [{ role: 'robot', content: 'x' }] }),
      deps(),
    )
    expect(res.status).toBe(400)
    const { error } = JSON.parse(await record(res))
    expect(error.param).toBe('messages.0.role')
    expect(error.message).toContain("'messages.0.role'")
  })
  it('caps the body size with 413', async () => {
    const res = await handleChat(
      chat({ ...hello, messages: [{ role: 'user', content: 'x'.repeat(3000) }] }),
      deps({ CHAT_PROXY_MAX_BODY_BYTES: '2048' }),
    )
    expect(res.status).toBe(413)
    await record(res)
  })
  it('answers 404 model_not_found with close matches', async () => {
    const res = await handleChat(chat({ ...hello, model: 'openai/gpt-4o-mimi' }), deps())
    expect(res.status).toBe(404)
    const { error } = JSON.parse(await record(res))
    expect(error.code).toBe('model_not_found')
    expect(error.message).toContain("'openai/gpt-4o-mini'")
  })
  it('says which full ids an ambiguous bare id could mean', async () => {
    const res = await handleChat(chat({ ...hello, model: 'mini' }), deps())
    expect(res.status).toBe(400)
    expect(JSON.parse(await record(res)).error.message).toContain("'acme/mini'")
  })
})

describe('routing', () => {
  it('sends the cheapest configured endpoint its own model id and key, and prices the call', async () => {
    const res = await handleChat(chat(hello), deps())
    expect(res.status).toBe(200)
    expect(res.headers.get('x-provider')).toBe('cheap')
    const body = JSON.parse(await record(res))
    // 800 × $0.15 + 200 cached × $0.075 + 500 × $0.60, per 1M tokens
    expect(body.usage.cost).toBe(0.000435)
    expect(body.choices[0].message.content).toBe('Echo: Hello')
    expect(mock.requests[0]).toMatchObject({
      provider: 'cheap',
      authorization: `Bearer ${UPSTREAM_KEYS.cheap}`,
      body: { model: 'cheap-mini' },
    })
  })
  it('resolves bare ids and aliases', async () => {
    // A dated snapshot merged into its model: by itself and under the vendor, as it was listed before.
    for (const model of ['gpt-4o-mini', 'gpt-4o-mini-2024-07-18', 'openai/gpt-4o-mini-2024-07-18']) {
      const res = await handleChat(chat({ ...hello, model }), deps())
      expect(res.status).toBe(200)
      expect(res.headers.get('x-model')).toBe('openai/gpt-4o-mini')
      await record(res)
    }
  })
  it('follows provider.order and provider.ignore', async () => {
    let res = await handleChat(chat({ ...hello, provider: { order: ['dear'] } }), deps())
    expect(res.headers.get('x-provider')).toBe('dear')
    await record(res)
    res = await handleChat(chat({ ...hello, provider: { ignore: ['cheap'] } }), deps())
    expect(res.headers.get('x-provider')).toBe('dear')
    const body = JSON.parse(await record(res))
    expect(body.usage.cost).toBe(0.00087) // the dear endpoint's prices
  })
  it('answers 503 when no provider has a key, naming the variables in the log only', async () => {
    logs.length = 0
    const res = await handleChat(chat({ ...hello, model: 'acme/mini' }), deps({ CHEAP_API_KEY: '' }))
    expect(res.status).toBe(503)
    const { error } = JSON.parse(await record(res))
    expect(error.code).toBe('no_provider_available')
    expect(error.message).toBe("No provider can serve 'acme/mini' on this site right now.")
    expect(logs.at(-1)).toMatchObject({ status: 503, error: 'no_provider_available' })
    expect(String(logs.at(-1)?.hint)).toContain('CHEAP_API_KEY')
  })
  it('drops unsupported parameters and lists them, or rejects them when strict', async () => {
    let res = await handleChat(chat({ ...hello, logit_bias: { 1: 2 }, temperature: 0.2 }), deps())
    expect(res.status).toBe(200)
    expect(res.headers.get('x-dropped-params')).toBe('logit_bias')
    expect(mock.requests[0]?.body).not.toHaveProperty('logit_bias')
    expect(mock.requests[0]?.body).toMatchObject({ temperature: 0.2 })
    await record(res)
    res = await handleChat(chat({ ...hello, logit_bias: { 1: 2 }, provider: { require_parameters: true } }), deps())
    expect(res.status).toBe(400)
    expect(JSON.parse(await record(res)).error.param).toBe('logit_bias')
  })
  it("passes reasoning_effort to a model that lists OpenRouter's reasoning parameter", async () => {
    const d = deps()
    const mini = d.table.byName.get('openai/gpt-4o-mini')![0]!
    mini.parameters = [...mini.parameters, { name: 'reasoning' }]
    const res = await handleChat(chat({ ...hello, reasoning_effort: 'low' }), d)
    expect(res.headers.get('x-dropped-params')).toBeNull()
    expect(mock.requests[0]?.body.reasoning_effort).toBe('low')
    await record(res)
  })
  it('clamps max_tokens to the endpoint limit, or rejects it when strict', async () => {
    let res = await handleChat(chat({ ...hello, max_tokens: 100_000 }), deps())
    expect(res.headers.get('x-clamped-params')).toBe('max_tokens=16384')
    expect(mock.requests[0]?.body.max_tokens).toBe(16384)
    await record(res)
    res = await handleChat(chat({ ...hello, max_tokens: 100_000, provider: { require_parameters: true } }), deps())
    expect(res.status).toBe(400)
    await record(res)
  })
})

describe('failover', () => {
  it('tries the next provider on 5xx, connection errors and 429', async () => {
    for (const fault of [
      { kind: 'status', status: 500 },
      { kind: 'status', status: 429 },
    ] as const) {
      mock.reset()
      mock.setFaults({ cheap: { fault } })
      const res = await handleChat(chat(hello), deps())
      expect(res.status).toBe(200)
      expect(res.headers.get('x-provider')).toBe('dear')
      expect(mock.requests.map((r) => r.provider)).toEqual(['cheap', 'dear'])
      await record(res)
    }
    const res = await handleChat(chat(hello), deps({ CHEAP_BASE_URL: 'http://127.0.0.1:1/v1' }))
    expect(res.headers.get('x-provider')).toBe('dear')
    await record(res)
  })
  it('tries the next provider when the first does not answer in time (no first byte)', async () => {
    mock.setFaults({ cheap: { fault: { kind: 'hang' } } })
    const res = await handleChat(chat(hello), deps())
    expect(res.headers.get('x-provider')).toBe('dear')
    await record(res)
  })
  it('honours a short Retry-After on the last provider', async () => {
    mock.setFaults({ cheap: { fault: { kind: 'status', status: 429, retryAfter: '1' }, times: 1 } })
    const res = await handleChat(chat({ ...hello, provider: { only: ['cheap'] } }), deps())
    expect(res.status).toBe(200)
    expect(mock.requests.map((r) => r.provider)).toEqual(['cheap', 'cheap'])
    await record(res)
  })
  it("does not fail over on the caller's own mistakes, and passes the reason on", async () => {
    mock.setFaults({
      cheap: {
        fault: {
          kind: 'status',
          status: 400,
          body: { error: { message: `bad tool schema (key ${UPSTREAM_KEYS.cheap})` } },
        },
      },
    })
    const res = await handleChat(chat(hello), deps())
    expect(res.status).toBe(400)
    const { error } = JSON.parse(await record(res))
    expect(error.message).toContain('bad tool schema')
    expect(mock.requests).toHaveLength(1)
  })
  it('answers 502 when every provider fails, 504 when none answers, 429 when all are limited', async () => {
    mock.setFaults({
      cheap: { fault: { kind: 'status', status: 503 } },
      dear: { fault: { kind: 'status', status: 500 } },
    })
    let res = await handleChat(chat(hello), deps())
    expect(res.status).toBe(502)
    expect(JSON.parse(await record(res)).error.message).toContain('cheap answered 503')
    mock.setFaults({ cheap: { fault: { kind: 'hang' } }, dear: { fault: { kind: 'hang' } } })
    res = await handleChat(chat(hello), deps())
    expect(res.status).toBe(504)
    await record(res)
    mock.setFaults({
      cheap: { fault: { kind: 'status', status: 429, retryAfter: '30' } },
      dear: { fault: { kind: 'status', status: 429, retryAfter: '30' } },
    })
    res = await handleChat(chat(hello), deps())
    expect(res.status).toBe(429)
    expect(res.headers.get('retry-after')).toBe('30')
    await record(res)
  })
  it('never follows an upstream redirect: the provider counts as failed', async () => {
    mock.setFaults({
      cheap: { fault: { kind: 'status', status: 307, location: `${mock.baseUrl('elsewhere')}/chat/completions` } },
    })
    const res = await handleChat(chat(hello), deps())
    expect(res.headers.get('x-provider')).toBe('dear')
    expect(mock.requests.map((r) => r.provider)).toEqual(['cheap', 'dear'])
    await record(res)
  })
  it('fails over when a provider answers 200 with broken JSON', async () => {
    mock.setFaults({ cheap: { fault: { kind: 'bad-json' } } })
    const res = await handleChat(chat(hello), deps())
    expect(res.headers.get('x-provider')).toBe('dear')
    await record(res)
  })
})

async function events(res: Response): Promise<string[]> {
  const text = await record(res)
  return text
    .split('\n\n')
    .filter(Boolean)
    .map((e) => e.replace(/^data: /, ''))
}

describe('generation ids', () => {
  it("gives every call its own gen- id in place of the provider's, streamed or not, and logs it", async () => {
    logs.length = 0
    const first = JSON.parse(await record(await handleChat(chat(hello), deps())))
    const second = JSON.parse(await record(await handleChat(chat(hello), deps())))
    expect(first.id).toMatch(/^gen-[\w-]{20}$/)
    expect(second.id).toMatch(/^gen-/)
    expect(second.id).not.toBe(first.id)
    const ev = await events(
      await handleChat(chat({ ...hello, stream: true, stream_options: { include_usage: true } }), deps()),
    )
    const ids = new Set(ev.filter((e) => e.startsWith('{')).map((e) => JSON.parse(e).id))
    expect(ids.size).toBe(1)
    const [streamed] = [...ids]
    expect(streamed).toMatch(/^gen-/)
    expect(ev.join('')).not.toContain('chatcmpl-mock')
    expect(logs.map((l) => l.id)).toEqual([first.id, second.id, streamed])
  })
})

describe('streaming', () => {
  it('passes the deltas through and ends with [DONE]; no usage unless asked', async () => {
    const res = await handleChat(chat({ ...hello, stream: true }), deps())
    expect(res.headers.get('content-type')).toContain('text/event-stream')
    const ev = await events(res)
    expect(ev.at(-1)).toBe('[DONE]')
    const text = ev
      .slice(0, -1)
      .map((e) => JSON.parse(e).choices[0]?.delta?.content ?? '')
      .join('')
    expect(text).toBe('Echo: Hello')
    expect(ev.some((e) => e.includes('"usage"'))).toBe(false)
    // the proxy asked for usage anyway, to price the call
    expect(mock.requests[0]?.body.stream_options).toEqual({ include_usage: true })
    expect(logs.at(-1)).toMatchObject({ status: 200, stream: true, cost: 0.000435, provider: 'cheap' })
  })
  it('adds cost to the usage chunk when the caller asks for usage', async () => {
    const res = await handleChat(chat({ ...hello, stream: true, stream_options: { include_usage: true } }), deps())
    const ev = await events(res)
    const usage = ev.filter((e) => e.includes('"usage"')).map((e) => JSON.parse(e).usage)
    expect(usage).toEqual([
      {
        ...{
          prompt_tokens: 1000,
          completion_tokens: 500,
          total_tokens: 1500,
          prompt_tokens_details: { cached_tokens: 200 },
        },
        cost: 0.000435,
      },
    ])
  })
  it('ends with an in-band error event when the upstream fails mid-stream', async () => {
    for (const [kind, code] of [
      ['reset-mid-stream', 'upstream_stream_error'],
      ['no-done', 'upstream_incomplete'],
      ['hang-mid-stream', 'upstream_timeout'],
    ] as const) {
      mock.reset()
      mock.setFaults({ cheap: { fault: { kind } } })
      const res = await handleChat(chat({ ...hello, stream: true }), deps())
      expect(res.status).toBe(200)
      const ev = await events(res)
      expect(JSON.parse(ev.at(-1)!)).toMatchObject({ error: { code } })
      expect(mock.requests).toHaveLength(1) // never a failover after the first byte
    }
  })
})

describe('client abort', () => {
  it('aborts the upstream request when the caller leaves before the first byte', async () => {
    mock.setFaults({ cheap: { fault: { kind: 'hang' } } })
    const ctrl = new AbortController()
    const pending = handleChat(chat(hello, { signal: ctrl.signal }), deps({ CHAT_PROXY_FIRST_BYTE_TIMEOUT_MS: '5000' }))
    await new Promise((r) => setTimeout(r, 100))
    ctrl.abort()
    const res = await pending
    expect(res.status).toBe(499)
    await new Promise((r) => setTimeout(r, 50))
    expect(mock.requests[0]?.aborted).toBe(true)
    expect(mock.requests).toHaveLength(1)
  })
  it('aborts the upstream request when the caller leaves mid-stream', async () => {
    mock.setFaults({ cheap: { fault: { kind: 'slow', delayMs: 100 } } })
    const ctrl = new AbortController()
    const res = await handleChat(chat({ ...hello, stream: true }, { signal: ctrl.signal }), deps())
    const reader = res.body!.getReader()
    await reader.read()
    ctrl.abort()
    await reader.cancel()
    await new Promise((r) => setTimeout(r, 150))
    expect(mock.requests[0]?.aborted).toBe(true)
  })
})

describe('rate limiting and logs', () => {
  it('limits each key to its requests per minute and says when to retry', async () => {
    const d = deps({ CHAT_PROXY_RATE_LIMIT: '2' })
    expect((await handleChat(chat(hello), d)).status).toBe(200)
    expect((await handleChat(chat(hello), d)).status).toBe(200)
    const res = await handleChat(chat(hello), d)
    expect(res.status).toBe(429)
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
    await record(res)
    // another key has its own bucket
    expect((await handleChat(chat(hello, { key: 'other-key' }), d)).status).toBe(200)
  })
  it('logs one line per call without the prompt or the key', async () => {
    logs.length = 0
    await record(
      await handleChat(chat({ ...hello, messages: [{ role: 'user', content: 'my secret prompt' }] }), deps()),
    )
    expect(logs).toHaveLength(1)
    expect(logs[0]).toMatchObject({
      status: 200,
      model: 'openai/gpt-4o-mini',
      provider: 'cheap',
      promptTokens: 1000,
      completionTokens: 500,
      cost: 0.000435,
    })
    expect(logs[0]).toHaveProperty('keyId')
    expect(logs[0]).toHaveProperty('ttfbMs')
    expect(logs[0]).toHaveProperty('totalMs')
    expect(JSON.stringify(logs[0])).not.toContain('secret prompt')
  })
})

describe('routers', () => {
  it('picks a variant by weight, names router, variant and provider, and prices the variant served', async () => {
    let res = await handleChat(
      chat({ ...hello, model: 'router/ab' }),
      deps({}, () => 0.1),
    ) // first quarter → acme/mini
    expect(res.headers.get('x-router')).toBe('router/ab')
    expect(res.headers.get('x-router-variant')).toBe('acme/mini')
    expect(res.headers.get('x-provider')).toBe('cheap')
    expect(JSON.parse(await record(res)).usage.cost).toBe(0.0014) // (800 × $1 + 200 cached × $0.50 + 500 × $1) per 1M
    res = await handleChat(
      chat({ ...hello, model: 'router/ab' }),
      deps({}, () => 0.5),
    )
    expect(res.headers.get('x-router-variant')).toBe('acme/big')
    expect(res.headers.get('x-provider')).toBe('dear')
    expect(JSON.parse(await record(res)).usage.cost).toBe(0.0038) // (800 × $2 + 200 cached × $1 + 500 × $4) per 1M
  })
  it("applies the variant's defaults unless the caller set them", async () => {
    await record(
      await handleChat(
        chat({ ...hello, model: 'router/ab' }),
        deps({}, () => 0),
      ),
    )
    expect(mock.requests[0]?.body.temperature).toBe(0.3)
    await record(
      await handleChat(
        chat({ ...hello, model: 'router/ab', temperature: 1.2 }),
        deps({}, () => 0),
      ),
    )
    expect(mock.requests[1]?.body.temperature).toBe(1.2)
  })
  it('falls back to the next variant when every provider of the chosen one fails', async () => {
    mock.setFaults({ dear: { fault: { kind: 'status', status: 503 } } })
    const res = await handleChat(
      chat({ ...hello, model: 'router/ab' }),
      deps({}, () => 0.9),
    ) // acme/big, served by dear only
    expect(res.status).toBe(200)
    expect(res.headers.get('x-router-variant')).toBe('acme/mini')
    expect(mock.requests.map((r) => r.provider)).toEqual(['dear', 'cheap'])
    await record(res)
  })
  it("takes an inline fallback list (OpenRouter's models array)", async () => {
    mock.setFaults({ dear: { fault: { kind: 'status', status: 500 } } })
    const res = await handleChat(chat({ ...hello, model: 'acme/big', models: ['acme/mini'] }), deps())
    expect(res.headers.get('x-model')).toBe('acme/mini')
    await record(res)
  })
  it('answers 404 for an unknown router, naming the known ones', async () => {
    const res = await handleChat(chat({ ...hello, model: 'router/nope' }), deps())
    expect(res.status).toBe(404)
    const { error } = JSON.parse(await record(res))
    expect(error.code).toBe('model_not_found')
    expect(error.message).toContain("'router/ab'")
  })
})
