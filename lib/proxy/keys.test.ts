import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import type { KeyState, StoredKey } from '@/lib/store'
import { keyHash, keyIdOf } from '@/lib/store/keys'
import type { MockUpstream } from '@/test-support/mock-upstream'
import { startMockUpstream } from '@/test-support/mock-upstream'
import { chat, hello, KEY, testDeps } from '@/test-support/proxy-fixture'

import { serveKey } from './key-api'
import { KeyRegistry, modelAllowed, periods } from './keys'
import { handleChat } from './web'

const T0 = Date.UTC(2026, 11, 5, 12, 0, 0)

function stored(key: string, over: Partial<StoredKey> = {}): StoredKey {
  return {
    id: keyIdOf(key),
    hash: keyHash(key),
    name: key,
    rpm: null,
    tpm: null,
    budgetDay: null,
    budgetMonth: null,
    allowedModels: null,
    expiresAt: null,
    revokedAt: null,
    createdAt: new Date(T0),
    updatedAt: new Date(T0),
    ...over,
  }
}

/** A usage store's key state that a test changes as the CLI would. */
function fakeSource(state: KeyState) {
  return {
    state,
    fail: false,
    keyState: async function () {
      if (this.fail) throw new Error('db down')
      return this.state
    },
  }
}

describe('KeyRegistry', () => {
  it('accepts CHAT_PROXY_KEYS with the default limits and stored keys with their own, by hash', async () => {
    const source = fakeSource({ keys: [stored('db-key', { rpm: 5, tpm: 100, budgetDay: '1.5' })], spend: [] })
    const r = new KeyRegistry(['env-key'], { defaultRpm: 60 }, source)
    expect(r.lookup('db-key')).toBeUndefined() // not loaded yet
    await r.refresh()
    expect(r.lookup('env-key')).toMatchObject({ source: 'env', rpm: 60, budgetDay: null })
    expect(r.lookup('db-key')).toMatchObject({ source: 'store', name: 'db-key', rpm: 5, tpm: 100, budgetDay: 1.5 })
    expect(r.lookup('other')).toBeUndefined()
  })

  it('sees a revocation at the next reload, and keeps the last keys while the store fails', async () => {
    const source = fakeSource({ keys: [stored('k')], spend: [] })
    const lines: unknown[] = []
    const r = new KeyRegistry([], { defaultRpm: 60, log: (l) => lines.push(l) }, source)
    await r.refresh()
    expect(r.lookup('k')?.revokedAt).toBeNull()
    source.fail = true
    await r.refresh()
    await r.refresh()
    expect(r.lookup('k')).toBeDefined()
    expect(lines).toHaveLength(1) // logged once per outage
    source.fail = false
    source.state = { keys: [stored('k', { revokedAt: new Date(T0) })], spend: [] }
    await r.refresh()
    expect(r.lookup('k')?.revokedAt).toEqual(new Date(T0))
  })

  it('adds this instance spend to the stored one until a reload finds the call written', async () => {
    const id = keyIdOf('k')
    const source = fakeSource({
      keys: [stored('k', { budgetDay: '1' })],
      spend: [{ keyId: id, day: '0.25', month: '2' }],
    })
    const asked: (string[] | undefined)[] = []
    const r = new KeyRegistry(
      [],
      { defaultRpm: 60, now: () => T0 },
      {
        keyState: async (q) => {
          asked.push(q.pendingIds)
          return source.keyState()
        },
      },
    )
    await r.refresh()
    r.addSpend(id, 0.5, 'gen-1')
    expect(r.spent(id)).toEqual({ day: 0.75, month: 2.5 })
    // Not written yet: still counted here, once.
    await r.refresh()
    expect(asked.at(-1)).toEqual(['gen-1'])
    expect(r.spent(id)).toEqual({ day: 0.75, month: 2.5 })
    // Written: the stored sums have it, and it is no longer counted here.
    source.state = { ...source.state, spend: [{ keyId: id, day: '0.75', month: '2.5' }], written: ['gen-1'] }
    await r.refresh()
    expect(r.spent(id)).toEqual({ day: 0.75, month: 2.5 })
    await r.refresh()
    expect(asked.at(-1)).toEqual([])
    const [day] = r.budgets(r.lookup('k')!)
    expect(day).toMatchObject({ period: 'day', limit: 1, spent: 0.75, remaining: 0.25 })
    expect(day!.resetsAt.toISOString()).toBe('2026-12-06T00:00:00.000Z')
  })

  it('resets budgets at the UTC day and month', () => {
    const p = periods(Date.UTC(2026, 11, 31, 23, 59))
    expect(p.nextDay.toISOString()).toBe('2027-01-01T00:00:00.000Z')
    expect(p.nextMonth.toISOString()).toBe('2027-01-01T00:00:00.000Z')
    expect(p.monthStart.toISOString()).toBe('2026-12-01T00:00:00.000Z')
  })

  it('allows models by id, vendor or router', () => {
    const key = { allowedModels: ['openai/gpt-4o-mini', 'anthropic', 'router/cheap'] }
    expect(modelAllowed(key, 'openai/gpt-4o-mini')).toBe(true)
    expect(modelAllowed(key, 'openai/gpt-4o')).toBe(false)
    expect(modelAllowed(key, 'anthropic/claude-x')).toBe(true)
    expect(modelAllowed(key, 'meta/llama', 'router/cheap')).toBe(true)
    expect(modelAllowed({ allowedModels: null }, 'any/thing')).toBe(true)
  })
})

describe('enforcement in the proxy', () => {
  let mock: MockUpstream
  const logs: Record<string, unknown>[] = []
  beforeAll(async () => {
    mock = await startMockUpstream()
  })
  afterAll(() => mock.close())
  beforeEach(() => mock.reset())

  async function setup(over: Partial<StoredKey>, env: Record<string, string | undefined> = {}) {
    const d = testDeps(mock, logs, env)
    const source = fakeSource({ keys: [stored('db-key', over)], spend: [] })
    d.keys = new KeyRegistry(d.env.CHAT_PROXY_KEYS ?? [], { defaultRpm: d.env.CHAT_PROXY_RATE_LIMIT }, source)
    await d.keys.refresh()
    return { d, source }
  }
  const errorOf = async (res: Response) => ((await res.json()) as { error: Record<string, string> }).error

  it('refuses a new call with 402 once a budget is spent, naming it and when it resets', async () => {
    // Each call of the fixture costs $0.000435: the third one passes the $0.001 budget.
    const { d } = await setup({ budgetDay: '0.001' })
    for (let i = 0; i < 3; i++) expect((await handleChat(chat(hello, { key: 'db-key' }), d)).status).toBe(200)
    const res = await handleChat(chat(hello, { key: 'db-key' }), d)
    expect(res.status).toBe(402)
    const err = await errorOf(res)
    expect(err.code).toBe('daily_budget_exceeded')
    expect(err.message).toMatch(
      /daily budget of \$0\.001 is spent \(\$0\.001305 so far\); it resets at \d{4}-\d\d-\d\dT00:00:00\.000Z/,
    )
    expect(mock.requests).toHaveLength(3)
    // The CHAT_PROXY_KEYS key has no budget.
    expect((await handleChat(chat(hello, { key: KEY }), d)).status).toBe(200)
  })

  it('answers 429 with Retry-After over the key own requests per minute', async () => {
    const { d } = await setup({ rpm: 2 })
    expect((await handleChat(chat(hello, { key: 'db-key' }), d)).status).toBe(200)
    expect((await handleChat(chat(hello, { key: 'db-key' }), d)).status).toBe(200)
    const res = await handleChat(chat(hello, { key: 'db-key' }), d)
    expect(res.status).toBe(429)
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
    expect(Number(res.headers.get('retry-after'))).toBeLessThanOrEqual(60)
  })

  it('counts tokens of finished calls against tokens per minute', async () => {
    // A fixture call uses 1,500 tokens.
    const { d } = await setup({ tpm: 2000 })
    expect((await handleChat(chat(hello, { key: 'db-key' }), d)).status).toBe(200)
    expect((await handleChat(chat(hello, { key: 'db-key' }), d)).status).toBe(200)
    const res = await handleChat(chat(hello, { key: 'db-key' }), d)
    expect(res.status).toBe(429)
    expect((await errorOf(res)).code).toBe('token_rate_limit_exceeded')
  })

  it('answers 403 for a model outside the allowed list, 401 for a revoked or expired key', async () => {
    const { d, source } = await setup({ allowedModels: ['anthropic'] })
    const res = await handleChat(chat(hello, { key: 'db-key' }), d)
    expect(res.status).toBe(403)
    expect(await errorOf(res)).toMatchObject({ code: 'model_not_allowed', type: 'permission_error' })
    expect(mock.requests).toHaveLength(0)
    source.state = { keys: [stored('db-key', { revokedAt: new Date() })], spend: [] }
    await d.keys!.refresh()
    expect(await errorOf(await handleChat(chat(hello, { key: 'db-key' }), d))).toMatchObject({ code: 'key_revoked' })
    source.state = { keys: [stored('db-key', { expiresAt: new Date(Date.now() - 1000) })], spend: [] }
    await d.keys!.refresh()
    expect(await errorOf(await handleChat(chat(hello, { key: 'db-key' }), d))).toMatchObject({ code: 'key_expired' })
  })

  it('GET /api/v1/key answers the limits, budgets and what is left, taking nothing', async () => {
    const { d } = await setup({ rpm: 10, tpm: 5000, budgetMonth: '2' })
    expect((await handleChat(chat(hello, { key: 'db-key' }), d)).status).toBe(200)
    const request = { headers: new Headers({ authorization: 'Bearer db-key' }) }
    const first = JSON.parse(String((await serveKey(request, d)).body)).data
    const again = JSON.parse(String((await serveKey(request, d)).body)).data
    expect(again).toEqual(first)
    expect(first).toMatchObject({
      name: 'db-key',
      source: 'store',
      rate_limit: {
        requests_per_minute: { limit: 10, remaining: 9 },
        tokens_per_minute: { limit: 5000, remaining: 3500 },
      },
      budgets: { day: null, month: { limit_usd: 2, spent_usd: 0.000435, remaining_usd: 1.999565 } },
    })
    expect((await serveKey({ headers: new Headers() }, d)).status).toBe(401)
  })
})
