/**
 * The proxy with a real usage store (PGlite in memory): what callers were answered is what the
 * generation and usage endpoints give back, for their own key only.
 */
import Big from 'big.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { CallRecord, UsageStore } from '@/lib/store'
import { createUsageStore, offStore } from '@/lib/store'
import { openPglite } from '@/lib/store/db'
import { foldedAttemptOffset } from '@/lib/store/queries'
import { callRecordSchema } from '@/lib/store/types'
import type { MockUpstream } from '@/test-support/mock-upstream'
import { startMockUpstream } from '@/test-support/mock-upstream'
import { chat, hello, KEY, testDeps } from '@/test-support/proxy-fixture'

import type { ProxyDeps } from './handler'
import { serveGeneration, serveUsage } from './usage-api'
import { handleChat } from './web'

let mock: MockUpstream
let store: UsageStore
let deps: ProxyDeps
const logs: Record<string, unknown>[] = []

beforeAll(async () => {
  mock = await startMockUpstream()
  store = createUsageStore(await openPglite(undefined), 'pglite', { flushIntervalMs: 60_000 })
  deps = { ...testDeps(mock, logs), store }
}, 60_000)
afterAll(async () => {
  await store.close()
  await mock.close()
})

const as = (key: string) => ({ headers: new Headers({ authorization: `Bearer ${key}` }) })
const body = (r: { body: unknown }) => JSON.parse(String(r.body))

describe('generation and usage', () => {
  it('give back each call as answered, with exact totals, to its own key only', async () => {
    const answered: Array<{ id: string; cost: number }> = []
    const requests: Array<Record<string, unknown>> = [
      hello,
      { ...hello, model: 'acme/mini' },
      { ...hello, stream: true, stream_options: { include_usage: true } },
    ]
    for (const request of requests) {
      const res = await handleChat(chat(request), deps)
      const text = await res.text()
      const json = request.stream
        ? JSON.parse(
            text
              .split('\n\n')
              .filter((e) => e.includes('"usage"'))
              .at(-1)!
              .slice(6),
          )
        : JSON.parse(text)
      answered.push({ id: json.id, cost: json.usage.cost })
    }
    // A failover leaves two attempts on its record.
    mock.setFaults({ cheap: { fault: { kind: 'status', status: 503 }, times: 1 } })
    const failedOver = JSON.parse(await (await handleChat(chat(hello), deps)).text())
    answered.push({ id: failedOver.id, cost: failedOver.usage.cost })
    await store.flush()

    const one = body(await serveGeneration(as(KEY), deps, store, new URLSearchParams({ id: answered[2]!.id })))
    expect(one.data).toMatchObject({
      id: answered[2]!.id,
      model: 'openai/gpt-4o-mini',
      provider: 'cheap',
      provider_model: 'cheap-mini',
      streamed: true,
      status: 200,
      finish_reason: 'stop',
      tokens_prompt: 1000,
      tokens_completion: 500,
      tokens_cached: 200,
      total_cost: answered[2]!.cost,
    })
    const fo = body(await serveGeneration(as(KEY), deps, store, new URLSearchParams({ id: failedOver.id })))
    expect(fo.data.attempts.map((a: { provider: string; provider_failure: boolean; status: number }) => a)).toEqual([
      expect.objectContaining({ provider: 'cheap', status: 503, provider_failure: true }),
      expect.objectContaining({ provider: 'dear', status: 200, provider_failure: false }),
    ])

    // Another key sees none of it.
    const other = await serveGeneration(as('other-key'), deps, store, new URLSearchParams({ id: answered[0]!.id }))
    expect(other.status).toBe(404)

    const usage = body(await serveUsage(as(KEY), deps, store, new URLSearchParams({ group_by: 'model' })))
    const sum = answered.reduce((s, a) => s.plus(a.cost), new Big(0))
    expect(usage.data.total.requests).toBe(4)
    expect(String(usage.data.total.cost)).toBe(sum.toString())
    expect(usage.data.rows.map((r: { key: string }) => r.key).sort()).toEqual(['acme/mini', 'openai/gpt-4o-mini'])
    const otherUsage = body(await serveUsage(as('other-key'), deps, store, new URLSearchParams()))
    expect(otherUsage.data.total.requests).toBe(0)
  })

  it('need a valid key, and say what is wrong with the query', async () => {
    expect((await serveGeneration(as('nope'), deps, store, new URLSearchParams({ id: 'x' }))).status).toBe(401)
    expect((await serveGeneration(as(KEY), deps, store, new URLSearchParams())).status).toBe(400)
    const bad = await serveUsage(as(KEY), deps, store, new URLSearchParams({ from: 'yesterday' }))
    expect(bad.status).toBe(400)
    expect(body(bad).error.param).toBe('from')
    const reversed = await serveUsage(
      as(KEY),
      deps,
      store,
      new URLSearchParams({ from: '2026-12-01', to: '2026-11-01', group_by: 'day' }),
    )
    expect(body(reversed).error.message).toContain('from must be before to')
  })
})

describe('what the proxy records', () => {
  it('lets the store keep a call served at the first try in one row, and a failover in two more', async () => {
    const recorded: CallRecord[] = []
    const spy = { ...testDeps(mock, []), store: { ...offStore(), record: (c: CallRecord) => recorded.push(c) } }
    await (await handleChat(chat(hello), spy)).text()
    await (await handleChat(chat({ ...hello, stream: true }), spy)).text()
    mock.setFaults({ cheap: { fault: { kind: 'status', status: 503 }, times: 1 } })
    await (await handleChat(chat(hello), spy)).text()
    const offsets = recorded.map((c) => foldedAttemptOffset(callRecordSchema.parse(c)))
    expect(offsets.map((o) => o !== null)).toEqual([true, true, false])
    expect(recorded[2]!.attempts).toHaveLength(2)
  })
})
