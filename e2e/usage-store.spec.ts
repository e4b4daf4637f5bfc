/**
 * The usage store end to end, as an operator runs it: a production server of its own
 * (`dist/server.mjs`, its own mock upstream and data directory), called with the `openai` SDK.
 * One provider fails, one is slow; the model page, the endpoints API and the usage API then show
 * what was measured. A restart keeps the data, and a database that goes away mid-load costs rows
 * (counted), never calls.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import type { Page } from '@playwright/test'
import { expect, test } from '@playwright/test'
import Big from 'big.js'
import OpenAI from 'openai'

import { startPostgresServer } from '../lib/store/testing/postgres-server'
import type { MockUpstream } from '../test-support/mock-upstream'
import { startMockUpstream } from '../test-support/mock-upstream'
import type { OwnServer } from '../test-support/own-server'
import { startOwnServer } from '../test-support/own-server'

test.describe.configure({ mode: 'serial' })

const KEY = 'usage-store-e2e-key'
// A model no other spec visits: its page is regenerated here, on this build's disk cache.
const MODEL = 'openai/gpt-4.1-nano'
const CALLS = 8
/** The slow provider's time to its response headers. */
const SLOW_FIRST_BYTE_MS = 250

let mock: MockUpstream
let server: OwnServer
let dataDir: string

const settings = (extra: Record<string, string> = {}) => ({
  CHAT_PROXY_KEYS: KEY,
  CHAT_PROXY_RATE_LIMIT: '0',
  CHAT_PROXY_FIRST_BYTE_TIMEOUT_MS: '3000',
  CHAT_PROXY_IDLE_TIMEOUT_MS: '3000',
  OPENAI_API_KEY: 'sk-store-openai-UPSTREAM',
  OPENAI_BASE_URL: mock.baseUrl('openai'),
  OPENROUTER_API_KEY: 'sk-store-openrouter-UPSTREAM',
  OPENROUTER_BASE_URL: mock.baseUrl('openrouter'),
  USAGE_STORE: 'on',
  DATA_DIR: dataDir,
  ...extra,
})

const sdk = (url: string) => new OpenAI({ apiKey: KEY, baseURL: `${url}/api/v1`, maxRetries: 0 })
const get = async (path: string) =>
  (await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${KEY}` } })).json()

/** One streamed call, as the SDK sees it: its generation id and `usage.cost`. */
async function streamedCall(client: OpenAI, text: string) {
  const stream = await client.chat.completions.create({
    model: MODEL,
    messages: [{ role: 'user', content: text }],
    stream: true,
    stream_options: { include_usage: true },
    provider: { order: ['openai', 'openrouter'] },
  } as never)
  let id = ''
  let cost: number | undefined
  for await (const chunk of stream as unknown as AsyncIterable<OpenAI.ChatCompletionChunk>) {
    id = chunk.id
    if (chunk.usage) cost = (chunk.usage as unknown as { cost: number }).cost
  }
  return { id, cost: cost! }
}

/** SIGTERM, as an orchestrator stops it: pending rows are written before it exits. */
async function stopGracefully(s: OwnServer) {
  s.proc.kill('SIGTERM')
  expect(await s.exited).toBe(0)
}

test.beforeAll(async () => {
  mock = await startMockUpstream()
  dataDir = mkdtempSync(join(tmpdir(), 'atlas-store-e2e-'))
  server = await startOwnServer(settings())
})
test.afterAll(async () => {
  await server?.stop()
  await mock?.close()
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
})

const calls: Array<{ id: string; cost: number }> = []
let callsDone = new Date()

test('one provider failing, one slow: the endpoints API and the usage API show what was measured', async () => {
  mock.setFaults({
    openai: { fault: { kind: 'status', status: 503 } },
    openrouter: { fault: { kind: 'slow', delayMs: 10, firstByteMs: SLOW_FIRST_BYTE_MS } },
  })
  const client = sdk(server.url)
  for (let i = 0; i < CALLS; i++) calls.push(await streamedCall(client, `measure me ${i}`))
  callsDone = new Date()
  expect(calls.every((c) => c.id.startsWith('gen-') && c.cost > 0)).toBe(true)
  // The failing provider was tried first, then (three failures in a row) put last for a while.
  const tried = mock.requests.map((r) => r.provider)
  expect(tried.filter((p) => p === 'openrouter')).toHaveLength(CALLS)
  expect(tried.filter((p) => p === 'openai').length).toBeGreaterThanOrEqual(3)
  expect(tried.filter((p) => p === 'openai').length).toBeLessThan(CALLS)

  type Endpoint = {
    provider: string
    uptime_last_30m: number | null
    latency_last_30m: { p50: number; p99: number } | null
    throughput_last_30m: { p50: number } | null
  }
  const endpoints = async (): Promise<Endpoint[]> =>
    (await (await fetch(`${server.url}/api/v1/models/${MODEL}/endpoints`)).json()).data.endpoints
  // Rows are written in batches a few hundred milliseconds apart.
  await expect
    .poll(async () => (await endpoints()).find((e) => e.provider === 'openrouter')?.latency_last_30m, {
      timeout: 15_000,
    })
    .not.toBeNull()
  const byProvider = new Map((await endpoints()).map((e) => [e.provider, e]))
  const slow = byProvider.get('openrouter')!
  expect(slow.uptime_last_30m).toBe(1)
  expect(slow.latency_last_30m!.p50).toBeGreaterThanOrEqual(SLOW_FIRST_BYTE_MS)
  expect(slow.latency_last_30m!.p99).toBeLessThan(3000)
  expect(slow.throughput_last_30m!.p50).toBeGreaterThan(0)
  const failing = byProvider.get('openai')!
  expect(failing.uptime_last_30m).toBe(0)
  expect(failing.latency_last_30m).toBeNull()

  // The caller's usage equals the sum of the answers' usage.cost, exactly.
  const usage = (await get('/api/v1/usage?group_by=provider')).data
  expect(usage.total.requests).toBe(CALLS)
  const sum = calls.reduce((s, c) => s.plus(c.cost), new Big(0))
  expect(new Big(usage.total.cost).eq(sum)).toBe(true)
  expect(usage.rows).toEqual([expect.objectContaining({ key: 'openrouter', requests: CALLS })])
  // The first call's record shows its failover.
  const first = (await get(`/api/v1/generation?id=${calls[0]!.id}`)).data
  expect(first).toMatchObject({ provider: 'openrouter', streamed: true, total_cost: calls[0]!.cost })
  expect(first.attempts.map((a: { provider: string }) => a.provider)).toEqual(['openai', 'openrouter'])
})

/**
 * The Performance section as a visitor without JavaScript reads it, once the page was
 * regenerated after the calls. The built page has no measurements; a visit to a page older than
 * a minute regenerates it in the background (and a page regenerated by an earlier run on this
 * build is older than these calls).
 */
async function performanceCard(page: Page, provider: string, after: Date) {
  await expect
    .poll(
      async () => {
        await page.goto(`${server.url}/models/${MODEL}`)
        const at = await page.locator('[data-measured-at]').getAttribute('data-measured-at')
        return at !== null && new Date(at) >= after
      },
      { timeout: 90_000, intervals: [500, 1000, 2000, 5000] },
    )
    .toBe(true)
  return page.locator(`[data-performance-provider="${provider}"]`)
}

test('the model page shows per-provider figures and a chart, readable without JavaScript', async ({ browser }) => {
  test.setTimeout(150_000)
  const context = await browser.newContext({ javaScriptEnabled: false })
  const page = await context.newPage()
  const slow = await performanceCard(page, 'openrouter', callsDone)
  const cell = (card: typeof slow, window: string, measure: string) =>
    card.locator(`td[data-window="${window}"][data-measure="${measure}"]`)
  await expect(slow.getByRole('heading', { name: 'OpenRouter' })).toBeVisible()
  await expect(cell(slow, '24h', 'Requests')).toHaveText(String(CALLS))
  await expect(cell(slow, '24h', 'Uptime')).toHaveText('100 %')
  const ttft = (await cell(slow, '24h', 'First token p50').textContent()) ?? ''
  const ms = ttft.endsWith(' s') ? Number.parseFloat(ttft) * 1000 : Number.parseFloat(ttft)
  expect(ms).toBeGreaterThanOrEqual(SLOW_FIRST_BYTE_MS)
  expect(ms).toBeLessThan(3000)
  await expect(cell(slow, '24h', 'Throughput p50')).toHaveText(/^[\d,]+(\.\d)? tok\/s$/)
  // This hour's bar carries the calls.
  const bars = slow.locator('svg[data-chart="requests-per-hour"] rect')
  await expect(bars).toHaveCount(24)
  await expect(bars.last()).toHaveAttribute('data-requests', String(CALLS))

  const failing = page.locator('[data-performance-provider="openai"]')
  await expect(cell(failing, '24h', 'Uptime')).toHaveText('0.0 %')
  await expect(cell(failing, '24h', 'Requests')).toHaveText('0')
  await expect(page.getByTestId('no-traffic')).toHaveCount(0)

  // The providers table gains the measured columns, sortable like the rest.
  const pricing = page.locator('#pricing')
  for (const name of ['First token', 'Throughput', 'Uptime'])
    await expect(pricing.getByRole('columnheader', { name })).toBeVisible()
  await expect(pricing.locator('tr[data-provider="openrouter"]')).toContainText('100 %')
  await context.close()
})

test("the home page's 'Most used here' lists the model with its calls", async ({ browser }) => {
  test.setTimeout(150_000)
  const context = await browser.newContext({ javaScriptEnabled: false })
  const page = await context.newPage()
  const section = page.getByTestId('most-used')
  // Regenerated in the background at most once a minute, like the model pages.
  await expect
    .poll(
      async () => {
        await page.goto(`${server.url}/`)
        return (await section.count()) > 0 ? section.innerText() : ''
      },
      { timeout: 90_000, intervals: [500, 1000, 2000, 5000] },
    )
    .toContain(`${CALLS} calls in the last 7 days`)
  await expect(section.getByRole('link', { name: /GPT-4\.1 nano/ })).toHaveAttribute('href', `/models/${MODEL}`)
  await context.close()
})

test('a restart keeps the data', async () => {
  await stopGracefully(server)
  server = await startOwnServer(settings())
  const usage = (await get('/api/v1/usage')).data
  expect(usage.total.requests).toBe(CALLS)
  for (const c of calls) expect((await get(`/api/v1/generation?id=${c.id}`)).data.id).toBe(c.id)
})

test('a PostgreSQL store that goes away mid-load costs rows, counted, and never a call', async () => {
  test.setTimeout(120_000)
  await stopGracefully(server)
  const pg = await startPostgresServer()
  mock.reset()
  const queueMax = 10
  server = await startOwnServer(settings({ DATABASE_URL: pg.url, USAGE_QUEUE_MAX: String(queueMax) }))
  try {
    const client = sdk(server.url)
    const ask = (i: number) =>
      client.chat.completions.create({ model: MODEL, messages: [{ role: 'user', content: `load ${i}` }] })
    for (let i = 0; i < 5; i++) await ask(i)
    await expect.poll(async () => (await get('/api/v1/usage')).data.total.requests, { timeout: 15_000 }).toBe(5)

    await pg.halt()
    // 30 calls while the database is down, 5 at a time: every one is answered.
    const answers = []
    for (let i = 0; i < 6; i++) answers.push(...(await Promise.all([0, 1, 2, 3, 4].map((j) => ask(100 + i * 5 + j)))))
    expect(answers).toHaveLength(30)
    expect(answers.every((a) => a.choices[0]?.message.content?.startsWith('Echo: load'))).toBe(true)
    await expect.poll(() => server.stderr(), { timeout: 15_000 }).toContain('usage store: writing failed')
    expect(server.stderr()).toContain(`(queue full at ${queueMax})`)

    await pg.resume()
    // Writing resumes on its own, and says how many calls it could not keep.
    await expect.poll(() => server.stdout(), { timeout: 30_000 }).toContain('usage store: writing again')
    const resumed = server
      .stdout()
      .split('\n')
      .filter((l) => l.includes('usage store: writing again'))
      .map((l) => JSON.parse(l) as { droppedSinceLastWrite: number })[0]!
    expect(resumed.droppedSinceLastWrite).toBeGreaterThan(0)
    const written = (await get('/api/v1/usage')).data.total.requests
    // The queue kept the first `queueMax` calls of the outage; the rest are counted as dropped.
    expect(written).toBe(5 + queueMax)
    expect(resumed.droppedSinceLastWrite).toBe(30 - queueMax)
  } finally {
    await server.stop()
    await pg.stop()
  }
})
