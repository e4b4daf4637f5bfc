import { execFileSync } from 'node:child_process'

import { expect, test } from '@playwright/test'
import OpenAI from 'openai'

import { DEFAULT_MESSAGE } from '../lib/snippets/input'
import { E2E_ENV } from './fixtures/env'

// Every test that uses the mock upstream lives in this file (proxy and routers): they share its
// fault switches and request log, so they run one at a time, never beside each other.
test.describe.configure({ mode: 'serial' })

const UPSTREAM_KEYS = [E2E_ENV.OPENAI_API_KEY, E2E_ENV.OPENROUTER_API_KEY]
const seen: string[] = []

async function faults(f: Record<string, unknown>) {
  await fetch(`${E2E_ENV.E2E_MOCK_URL}/__faults`, { method: 'POST', body: JSON.stringify(f) })
}
async function upstreamRequests(): Promise<
  Array<{ provider: string; aborted: boolean; body: Record<string, unknown> }>
> {
  return (await fetch(`${E2E_ENV.E2E_MOCK_URL}/__requests`)).json()
}

let client: OpenAI
test.beforeEach(async ({ baseURL }) => {
  await fetch(`${E2E_ENV.E2E_MOCK_URL}/__reset`, { method: 'POST' })
  client = new OpenAI({ apiKey: 'e2e-caller-key', baseURL: `${baseURL}/api/v1`, maxRetries: 0 })
})
test.afterAll(() => {
  for (const text of seen) for (const key of UPSTREAM_KEYS) expect(text).not.toContain(key)
})

// 800 uncached × $0.15 + 200 cached × $0.075 + 500 × $0.60, per 1M tokens (the mock's usage)
const HAND_COST = 0.000435
const openaiOnly = { provider: { order: ['openai'] } } as object

test('the OpenAI SDK gets a priced completion', async () => {
  const { data, response } = await client.chat.completions
    .create({ model: 'openai/gpt-4o-mini', messages: [{ role: 'user', content: 'Hello from the SDK' }], ...openaiOnly })
    .withResponse()
  seen.push(JSON.stringify(data), JSON.stringify([...response.headers]))
  expect(data.choices[0]?.message.content).toBe('Echo: Hello from the SDK')
  expect(response.headers.get('x-provider')).toBe('openai')
  expect((data.usage as unknown as { cost: number }).cost).toBe(HAND_COST)
  const [req] = await upstreamRequests()
  expect(req?.body.model).toBe('gpt-4o-mini')
})

test('the OpenAI SDK streams, with usage and cost in the last chunk', async () => {
  const stream = await client.chat.completions.create({
    model: 'gpt-4o-mini',
    messages: [{ role: 'user', content: 'Stream please' }],
    stream: true,
    stream_options: { include_usage: true },
    ...openaiOnly,
  })
  let text = ''
  let cost: number | undefined
  for await (const chunk of stream) {
    seen.push(JSON.stringify(chunk))
    text += chunk.choices[0]?.delta.content ?? ''
    if (chunk.usage) cost = (chunk.usage as unknown as { cost: number }).cost
  }
  expect(text).toBe('Echo: Stream please')
  expect(cost).toBe(HAND_COST)
})

test('fails over to the second provider of the model', async () => {
  await faults({ openai: { fault: { kind: 'status', status: 503 } } })
  const { data, response } = await client.chat.completions
    .create({
      model: 'openai/gpt-4o-mini',
      messages: [{ role: 'user', content: 'Anyone there?' }],
      provider: { order: ['openai', 'openrouter'] },
    } as never)
    .withResponse()
  seen.push(JSON.stringify(data))
  expect(response.headers.get('x-provider')).toBe('openrouter')
  expect((await upstreamRequests()).map((r) => r.provider)).toEqual(['openai', 'openrouter'])
})

test('an upstream failure mid-stream reaches the SDK as an error', async () => {
  await faults({ openai: { fault: { kind: 'reset-mid-stream' } } })
  const stream = await client.chat.completions.create({
    model: 'openai/gpt-4o-mini',
    messages: [{ role: 'user', content: 'a long answer please' }],
    stream: true,
    ...openaiOnly,
  })
  await expect(async () => {
    for await (const chunk of stream) seen.push(JSON.stringify(chunk))
  }).rejects.toThrow(/mid-stream|provider/i)
})

test('aborting the SDK call aborts the upstream request', async () => {
  await faults({ openai: { fault: { kind: 'slow', delayMs: 400 } } })
  const controller = new AbortController()
  const stream = await client.chat.completions.create(
    {
      model: 'openai/gpt-4o-mini',
      messages: [{ role: 'user', content: 'take your time with this one' }],
      stream: true,
      ...openaiOnly,
    },
    { signal: controller.signal },
  )
  const it = stream[Symbol.asyncIterator]()
  await it.next()
  controller.abort()
  await expect.poll(async () => (await upstreamRequests())[0]?.aborted, { timeout: 5000 }).toBe(true)
})

test('SDK errors: wrong key, unknown model', async ({ baseURL }) => {
  const bad = new OpenAI({ apiKey: 'nope', baseURL: `${baseURL}/api/v1`, maxRetries: 0 })
  await expect(
    bad.chat.completions.create({ model: 'openai/gpt-4o-mini', messages: [{ role: 'user', content: 'x' }] }),
  ).rejects.toMatchObject({ status: 401 })
  const err = await client.chat.completions
    .create({ model: 'openai/gpt-4o-mimi', messages: [{ role: 'user', content: 'x' }] })
    .catch((e) => e)
  expect(err).toMatchObject({ status: 404, code: 'model_not_found' })
  expect(String(err.message)).toContain('openai/gpt-4o-mini')
})

test('raw HTTP: bad JSON, bad schema, oversized body, both paths', async ({ request }) => {
  const headers = { authorization: 'Bearer e2e-caller-key', 'content-type': 'application/json' }
  for (const path of ['/api/chat', '/api/v1/chat/completions']) {
    let res = await request.post(path, { headers, data: Buffer.from('{"model": ') })
    expect(res.status()).toBe(400)
    expect((await res.json()).error.code).toBe('invalid_json')
    res = await request.post(path, { headers, data: { model: 'openai/gpt-4o-mini', messages: 'hi' } })
    expect(res.status()).toBe(400)
    expect((await res.json()).error.param).toBe('messages')
    res = await request.post(path, {
      headers,
      data: { model: 'openai/gpt-4o-mini', messages: [{ role: 'user', content: 'x'.repeat(1_100_000) }] },
    })
    expect(res.status()).toBe(413)
    seen.push(await res.text())
  }
})

test("the chat routes carry the site's security headers, and refuse other methods", async ({ request }) => {
  for (const path of ['/api/chat', '/api/v1/chat/completions']) {
    const res = await request.post(path, { data: { model: 'openai/gpt-4o-mini', messages: [] } })
    expect(res.status()).toBe(401)
    expect(res.headers()['x-content-type-options']).toBe('nosniff')
    expect(res.headers()['content-security-policy']).toContain("frame-ancestors 'none'")
    expect((await request.get(path)).status()).toBe(405)
  }
})

test("a merged snapshot's old id is served by its model", async () => {
  // anthropic/claude-haiku-4-5-20251001 was a model of its own until it was merged into its alias.
  const { data, response } = await client.chat.completions
    .create({ model: 'anthropic/claude-haiku-4-5-20251001', messages: [{ role: 'user', content: 'Old id' }] })
    .withResponse()
  seen.push(JSON.stringify(data), JSON.stringify([...response.headers]))
  expect(data.choices[0]?.message.content).toBe('Echo: Old id')
  expect(response.headers.get('x-model')).toBe('anthropic/claude-haiku-4-5')
  expect(response.headers.get('x-provider')).toBe('openrouter') // the only provider with a key here
  const [req] = await upstreamRequests()
  expect(req?.body.model).toBe('anthropic/claude-haiku-4.5')
})

test("GET /api/v1/models lists the catalog in OpenRouter's shape", async ({ request }) => {
  const { data } = await (await request.get('/api/v1/models')).json()
  const mini = data.find((m: { id: string }) => m.id === 'openai/gpt-4o-mini')
  expect(mini).toMatchObject({
    context_length: 128000,
    architecture: { input_modalities: ['text', 'image', 'file'], output_modalities: ['text'], tokenizer: 'o200k_base' },
    pricing: { prompt: '0.00000015', completion: '0.0000006', input_cache_read: '0.000000075' },
    top_provider: { max_completion_tokens: 16384, is_moderated: true },
  })
  expect(mini.supported_parameters).toContain('response_format')
  const endpoints = await (await request.get('/api/v1/models/openai/gpt-4o-mini/endpoints')).json()
  expect(endpoints.data.endpoints.find((e: { provider: string }) => e.provider === 'openai')).toMatchObject({
    provider_name: 'OpenAI',
    model: 'gpt-4o-mini',
    context_length: 128000,
    max_completion_tokens: 16384,
    pricing: { prompt: '0.00000015', completion: '0.0000006', input_cache_read: '0.000000075' },
  })
  const missing = await request.get('/api/v1/models/openai/nope/endpoints')
  expect(missing.status()).toBe(404)
  expect((await missing.json()).error.code).toBe('model_not_found')
})

test("the model page's Try it panel streams an answer with provider, tokens and cost", async ({ page }) => {
  await page.goto('/models/openai/gpt-4o-mini')
  const panel = page.getByRole('form', { name: 'Try it' })
  // Scrolled to as a reader would: the panel's JavaScript loads when it comes near the viewport.
  // (The section, which stays: the form itself is replaced by its live copy.)
  await page.locator('#try-it').scrollIntoViewIfNeeded()
  await expect(panel).toHaveAttribute('data-ready', 'true') // live: input before that is not kept
  await panel.getByLabel('Proxy key').fill('e2e-caller-key')
  await panel.getByLabel('Prompt').fill('Hi from the page')
  await panel.getByRole('button', { name: 'Send' }).click()
  await expect(panel.getByTestId('try-it-answer')).toHaveText('Echo: Hi from the page')
  await expect(panel.getByTestId('try-it-meta')).toContainText('1000 input + 500 output tokens')
  await expect(panel.getByTestId('try-it-meta')).toContainText('cost $0.000435')
  // the key stays in this browser
  expect(await page.evaluate(() => localStorage.getItem('chat-proxy-key'))).toBe('e2e-caller-key')
  await page.reload()
  await page.locator('#try-it').scrollIntoViewIfNeeded()
  await expect(page.getByRole('form', { name: 'Try it' }).getByLabel('Proxy key')).toHaveValue('e2e-caller-key')
})

test("the Try it panel shows the proxy's error for a wrong key", async ({ page }) => {
  await page.goto('/models/openai/gpt-4o-mini')
  const panel = page.getByRole('form', { name: 'Try it' })
  await page.locator('#try-it').scrollIntoViewIfNeeded()
  await expect(panel).toHaveAttribute('data-ready', 'true')
  await panel.getByLabel('Proxy key').fill('wrong-key')
  await panel.getByRole('button', { name: 'Send' }).click()
  await expect(panel.getByRole('alert')).toContainText('Invalid API key')
})

test('with a valid key for a model no configured provider serves, Try it says so in the caller’s terms', async ({
  page,
}) => {
  // sarvam-m is served by NVIDIA only, and the browser tests configure no NVIDIA key.
  await page.goto('/models/sarvam/sarvam-m')
  // The page says where a key comes from before anyone has to ask.
  const note = page.locator('#try-it').getByTestId('caller-key-note')
  await expect(note).toContainText("The site's operator issues them")
  await expect(note).toContainText('CHAT_PROXY_KEYS')
  const panel = page.getByRole('form', { name: 'Try it' })
  await page.locator('#try-it').scrollIntoViewIfNeeded()
  await expect(panel).toHaveAttribute('data-ready', 'true')
  await panel.getByLabel('Proxy key').fill('e2e-caller-key')
  await panel.getByRole('button', { name: 'Send' }).click()
  const alert = panel.getByRole('alert')
  await expect(alert).toHaveText("No provider can serve 'sarvam/sarvam-m' on this site right now.")
  // The variables that would enable a provider are the operator's (the server log), not the caller's.
  await expect(alert).not.toContainText('NVIDIA_API_KEY')
})

// ---- routers ----------------------------------------------------------------------------------

test('the routers index and a router page show variants, weights and the blended price', async ({ page, request }) => {
  await page.goto('/routers')
  await expect(page.getByRole('heading', { level: 1, name: 'Routers' })).toBeVisible()
  await page.getByRole('link', { name: 'Balanced small models' }).click()
  await expect(page).toHaveURL(/\/routers\/balanced-small$/)
  await expect(page.getByText('router/balanced-small', { exact: true })).toBeVisible()

  const rows = page.locator('#variants tbody tr')
  await expect(rows).toHaveCount(3)
  await expect(rows.nth(0)).toContainText('openai/gpt-4o-mini')
  await expect(rows.nth(0)).toContainText('34')

  // Expected price, by hand: each variant's cheapest input price × its weight / total weight.
  const variants = [
    ['openai/gpt-4o-mini', 34],
    ['google/gemini-2.5-flash', 33],
    ['anthropic/claude-haiku-4-5', 33],
  ] as const
  let input = 0
  for (const [id, w] of variants) {
    const { data } = await (await request.get(`/api/v1/models/${id}/endpoints`)).json()
    const prices = data.endpoints
      // The site's rule (lib/catalog/offers.ts): live endpoints at a list price, no trial or promotional offer.
      .filter((e: { status: string; offer?: string }) => e.status !== 'deprecated' && !e.offer)
      .map((e: { pricing: { prompt: string; completion: string } }) => ({
        i: Number(e.pricing.prompt) * 1e6,
        o: Number(e.pricing.completion) * 1e6,
      }))
    prices.sort((a: { i: number; o: number }, b: { i: number; o: number }) => a.i + a.o - (b.i + b.o))
    input += (prices[0].i * w) / 100
  }
  const shown = Number((await page.getByTestId('blended-input').innerText()).replace(/[$,]/g, ''))
  expect(shown).toBeCloseTo(input, 6)
})

test('routers are listed by the API, and in the models list', async ({ request }) => {
  const { data } = await (await request.get('/api/v1/routers')).json()
  const r = data.find((x: { id: string }) => x.id === 'router/steady-chat')
  expect(r).toMatchObject({
    name: 'Steady chat',
    variants: [
      { model: 'openai/gpt-4.1-mini', weight: 90 },
      { model: 'meta/llama-3.3-70b-instruct', weight: 10 },
    ],
    fallbacks: ['meta/llama-3.3-70b-instruct', 'openai/gpt-4o-mini'],
  })
  const models = (await (await request.get('/api/v1/models')).json()).data
  const entry = models.find((m: { id: string }) => m.id === 'router/steady-chat')
  expect(entry.pricing.prompt).toMatch(/^0\.\d+$/)
  expect(entry.pricing_range.prompt).toHaveLength(2)
})

test("a router falls back to its next variant when the chosen variant's providers all fail", async ({ request }) => {
  // GPT-4.1 mini fails at both configured providers; Llama 3.3 (via OpenRouter) works.
  await faults({
    'openai:gpt-4.1-mini': { fault: { kind: 'status', status: 503 } },
    'openrouter:openai/gpt-4.1-mini': { fault: { kind: 'status', status: 503 } },
  })
  const headers = { authorization: 'Bearer e2e-caller-key' }
  for (let i = 0; i < 5; i++) {
    const res = await request.post('/api/v1/chat/completions', {
      headers,
      data: { model: 'router/steady-chat', messages: [{ role: 'user', content: `call ${i}` }] },
    })
    expect(res.status()).toBe(200)
    expect(res.headers()['x-router']).toBe('router/steady-chat')
    expect(res.headers()['x-router-variant']).toBe('meta/llama-3.3-70b-instruct')
    expect((await res.json()).choices[0].message.content).toBe(`Echo: call ${i}`)
  }
  const seen = (await (await fetch(`${E2E_ENV.E2E_MOCK_URL}/__requests`)).json()) as Array<{
    provider: string
    body: { model: string }
  }>
  // GPT-4.1 mini carries 90 % of the weight: over five calls it was chosen, tried and failed over from.
  expect(seen.some((r) => r.body.model === 'gpt-4.1-mini')).toBe(true)
  expect(seen.filter((r) => r.body.model === 'meta-llama/llama-3.3-70b-instruct')).toHaveLength(5)
})

test("the router page's curl snippet runs against the local proxy", async ({ page, baseURL }) => {
  await page.goto('/routers/steady-chat')
  // As a reader copies it: near the viewport, the section renders and the panel goes live.
  await page.locator('#code').scrollIntoViewIfNeeded()
  await expect(page.getByTestId('snippet-panel')).toHaveAttribute('data-ready', 'true')
  const snippet = await page.locator('#code pre').innerText()
  // The snippet targets SITE_URL (baked in at build time); point it at the server under test.
  const script = snippet.replace(/https?:\/\/[^/'"]+(?=\/api\/v1)/, baseURL!)
  const out = execFileSync('bash', ['-c', script], {
    env: { ...process.env, YOUR_API_KEY: 'e2e-caller-key' },
    encoding: 'utf8',
    timeout: 20_000,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const body = JSON.parse(out)
  expect(body.choices[0].message.content).toBe(`Echo: ${DEFAULT_MESSAGE}`)
  expect(typeof body.usage.cost).toBe('number')
})

test('the usage store answers for the calls: generation and usage agree with usage.cost', async ({ baseURL }) => {
  const { data } = await client.chat.completions
    .create({ model: 'openai/gpt-4o-mini', messages: [{ role: 'user', content: 'Remember me' }], ...openaiOnly })
    .withResponse()
  const cost = (data.usage as unknown as { cost: number }).cost
  expect(data.id).toMatch(/^gen-/)
  const get = (path: string, key = 'e2e-caller-key') =>
    fetch(`${baseURL}${path}`, { headers: { authorization: `Bearer ${key}` } })
  // Records are written in batches a few hundred ms apart.
  await expect.poll(async () => (await get(`/api/v1/generation?id=${data.id}`)).status, { timeout: 10_000 }).toBe(200)
  const generation = (await (await get(`/api/v1/generation?id=${data.id}`)).json()).data
  expect(generation).toMatchObject({ id: data.id, model: 'openai/gpt-4o-mini', provider: 'openai', total_cost: cost })
  expect((await get(`/api/v1/generation?id=${data.id}`, 'e2e-second-key')).status).toBe(404)
  const usage = (await (await get('/api/v1/usage?group_by=model')).json()).data
  expect(usage.recorded).toBe(true)
  expect(usage.total.requests).toBeGreaterThanOrEqual(1)
  expect(usage.rows.some((r: { key: string }) => r.key === 'openai/gpt-4o-mini')).toBe(true)

  // The endpoints API carries what was measured: the provider that served the call was up.
  const endpoints = (await (await fetch(`${baseURL}/api/v1/models/openai/gpt-4o-mini/endpoints`)).json()).data.endpoints
  const served = endpoints.find((e: { provider: string }) => e.provider === 'openai')
  expect(served.uptime_last_30m).toBeGreaterThan(0)
  expect(served.uptime_last_1d).toBeGreaterThan(0)
  expect(served).toHaveProperty('latency_last_30m')
  expect(served).toHaveProperty('throughput_last_30m')
})
