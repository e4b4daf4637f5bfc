/**
 * Many callers on many instances (issue #17), as an operator deploys it: two production servers
 * (`dist/server.mjs`) sharing one PostgreSQL server (keys and usage) and one Redis (rate limits),
 * keys made with `npm run keys`. A key limited to 30 requests a minute gets 30 across both, not
 * 60; a spent $0.01 budget is a 402 on both; a key revoked with the CLI is refused by both within
 * a second or two; one usage report covers the calls of both; with Redis stopped, calls keep
 * succeeding on both.
 */
import { spawnSync } from 'node:child_process'

import { expect, test } from '@playwright/test'
import Big from 'big.js'

import type { PostgresServer } from '../lib/store/testing/postgres-server'
import { startPostgresServer } from '../lib/store/testing/postgres-server'
import type { MockUpstream } from '../test-support/mock-upstream'
import { startMockUpstream } from '../test-support/mock-upstream'
import type { OwnServer } from '../test-support/own-server'
import { startOwnServer } from '../test-support/own-server'
import type { RedisServer } from '../test-support/redis-server'
import { startRedisServer } from '../test-support/redis-server'

test.describe.configure({ mode: 'serial' })

const MODEL = 'openai/gpt-4.1-nano'

let mock: MockUpstream
let pg: PostgresServer
let redis: RedisServer
let a: OwnServer
let b: OwnServer
const keys: Record<string, string> = {}

/** `npm run keys -- ...` against the shared database, as an operator runs it; its output. */
function keysCli(...args: string[]): string {
  const run = spawnSync('npm', ['run', '-s', 'keys', '--', ...args], {
    env: { ...process.env, DATABASE_URL: pg.url },
    encoding: 'utf8',
    timeout: 60_000,
  })
  if (run.status !== 0) throw new Error(`npm run keys ${args.join(' ')} failed: ${run.stderr}`)
  return run.stdout
}

function createKey(name: string, ...settings: string[]): string {
  const key = keysCli('create', '--name', name, ...settings).match(/^ {2}(ma-\S+)$/m)?.[1]
  if (!key) throw new Error('npm run keys printed no key')
  return key
}

const settings = () => ({
  DATABASE_URL: pg.url,
  REDIS_URL: redis.url,
  USAGE_STORE: 'on',
  OPENAI_API_KEY: 'sk-shared-openai-UPSTREAM',
  OPENAI_BASE_URL: mock.baseUrl('openai'),
  CHAT_PROXY_FIRST_BYTE_TIMEOUT_MS: '3000',
})

async function call(server: OwnServer, key: string) {
  const send = () =>
    fetch(`${server.url}/api/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: MODEL, messages: [{ role: 'user', content: 'hi' }] }),
    })
  // A refused call's connection is closed by the server; a keep-alive socket it closed just then
  // fails once on the client side, and is sent again on a new one.
  const res = await send().catch(send)
  const body = (await res.json()) as { usage?: { cost: number }; error?: { code: string; message: string } }
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body }
}

test.beforeAll(async () => {
  test.setTimeout(240_000)
  mock = await startMockUpstream()
  pg = await startPostgresServer()
  redis = await startRedisServer()
  keys.rpm30 = createKey('thirty-a-minute', '--rpm', '30')
  keys.budget = createKey('one-cent', '--rpm', '0', '--budget-day', '0.01')
  keys.revocable = createKey('to-revoke', '--rpm', '0')
  keys.busy = createKey('busy', '--rpm', '1000')
  ;[a, b] = await Promise.all([startOwnServer(settings()), startOwnServer(settings())])
})
test.afterAll(async () => {
  await a?.stop()
  await b?.stop()
  await redis?.stop()
  await pg?.stop()
  await mock?.close()
})

const costs: number[] = []

test('a key limited to 30 requests a minute gets 30 across both instances, not 60', async () => {
  const statuses: number[] = []
  for (let i = 0; i < 40; i++) {
    const r = await call(i % 2 ? b : a, keys.rpm30!)
    statuses.push(r.status)
    if (r.status === 200) costs.push(r.body.usage!.cost)
    else {
      expect(r.status).toBe(429)
      expect(Number(r.retryAfter)).toBeGreaterThanOrEqual(1)
    }
  }
  expect(statuses.filter((s) => s === 200)).toHaveLength(30)
  expect(statuses.filter((s) => s === 429)).toHaveLength(10)
  // Both instances answer GET /api/v1/key with the same shared count.
  for (const server of [a, b]) {
    const key = await (
      await fetch(`${server.url}/api/v1/key`, { headers: { authorization: `Bearer ${keys.rpm30}` } })
    ).json()
    expect(key.data).toMatchObject({
      name: 'thirty-a-minute',
      rate_limit: { requests_per_minute: { limit: 30, remaining: 0 } },
    })
  }
})

test('usage from both instances shows in one report', async () => {
  const total = costs.reduce((s, c) => s.plus(c), new Big(0))
  for (const server of [a, b]) {
    await expect
      .poll(
        async () =>
          (
            await (
              await fetch(`${server.url}/api/v1/usage`, { headers: { authorization: `Bearer ${keys.rpm30}` } })
            ).json()
          ).data.total,
        { timeout: 10_000 },
      )
      // Every call with the key is recorded, the 429s too; the cost is that of the 30 served.
      .toMatchObject({ requests: 40, cost: Number(total.toString()) })
  }
})

test('a $0.01 daily budget, once spent, is a 402 on both instances', async () => {
  let spent = new Big(0)
  let first402: Awaited<ReturnType<typeof call>> | undefined
  for (let i = 0; i < 200 && !first402; i++) {
    const r = await call(i % 2 ? b : a, keys.budget!)
    if (r.status === 200) spent = spent.plus(r.body.usage!.cost)
    else if (r.status === 402) first402 = r
    else throw new Error(`unexpected ${r.status}: ${JSON.stringify(r.body)}`)
  }
  expect(first402).toBeDefined()
  expect(spent.gte(0.01)).toBe(true)
  expect(first402!.body.error!.code).toBe('daily_budget_exceeded')
  expect(first402!.body.error!.message).toMatch(
    /daily budget of \$0\.01 is spent .* resets at \d{4}-\d\d-\d\dT00:00:00\.000Z/,
  )
  // The other instance sees the spend within a reload and a store write.
  for (const server of [a, b])
    await expect.poll(async () => (await call(server, keys.budget!)).status, { timeout: 5_000 }).toBe(402)
  const key = await (await fetch(`${a.url}/api/v1/key`, { headers: { authorization: `Bearer ${keys.budget}` } })).json()
  expect(key.data.budgets.day).toMatchObject({ limit_usd: 0.01, remaining_usd: 0 })
  const usage = await (
    await fetch(`${b.url}/api/v1/usage`, { headers: { authorization: `Bearer ${keys.budget}` } })
  ).json()
  expect(usage.data.budgets.day.limit_usd).toBe(0.01)
  expect(usage.data.budgets.day.spent_usd).toBeGreaterThanOrEqual(0.01)
})

test('a key revoked with the CLI is refused by both instances within a second or two', async () => {
  expect((await call(a, keys.revocable!)).status).toBe(200)
  expect((await call(b, keys.revocable!)).status).toBe(200)
  keysCli('revoke', 'to-revoke')
  const revoked = Date.now()
  for (const server of [a, b])
    await expect
      .poll(async () => (await call(server, keys.revocable!)).body.error?.code, { timeout: 2_500, intervals: [100] })
      .toBe('key_revoked')
  expect(Date.now() - revoked).toBeLessThan(2_500)
})

test('with Redis stopped mid-run, calls keep succeeding on both instances', async () => {
  expect((await call(a, keys.busy!)).status).toBe(200)
  await redis.stop()
  const statuses: number[] = []
  for (let i = 0; i < 20; i++) statuses.push((await call(i % 2 ? b : a, keys.busy!)).status)
  expect(statuses).toEqual(Array(20).fill(200))
  // Each instance says so in its log, once.
  for (const server of [a, b])
    await expect
      .poll(() => server.stderr().match(/Redis at \S+ is unreachable/g)?.length ?? 0, { timeout: 5_000 })
      .toBe(1)
})

test('pages and the catalog JSON carry CDN cache headers, with the same ETag from either instance', async () => {
  // A prerendered page that is never regenerated: the home and model pages are regenerated each
  // minute from the store, so two instances may briefly hold different versions of them.
  for (const path of ['/api/v1/models', '/api/v1/models/openai/gpt-4.1-nano/endpoints', '/vendors/openai']) {
    const [fromA, fromB] = await Promise.all([fetch(`${a.url}${path}`), fetch(`${b.url}${path}`)])
    expect(fromA.headers.get('cache-control')).toMatch(/^public, max-age=0, s-maxage=\d+, stale-while-revalidate=\d+$/)
    const etag = fromA.headers.get('etag')
    expect(etag).toBeTruthy()
    if (path !== '/api/v1/models/openai/gpt-4.1-nano/endpoints') expect(fromB.headers.get('etag')).toBe(etag)
    const revalidated = await fetch(`${b.url}${path}`, { headers: { 'if-none-match': fromB.headers.get('etag')! } })
    expect(revalidated.status).toBe(304)
  }
  const key = await fetch(`${a.url}/api/v1/key`, { headers: { authorization: `Bearer ${keys.busy}` } })
  expect(key.headers.get('cache-control')).toBe('private, no-store')
})
