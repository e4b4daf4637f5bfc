/**
 * The store's behaviour, as tests: run against PGlite (queries.test.ts) and against a real
 * PostgreSQL server (postgres.test.ts), so both modes are held to the same results.
 */
import { sql } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'

import type { StoreBackend } from '../db'
import type { Db } from '../queries'
import type { CallRecord } from '../types'
import type { StoreLogger } from '../usage-store'
import { createUsageStore } from '../usage-store'

export interface ContractHarness {
  db: Db
  backend: StoreBackend
}

export const quietLogger: StoreLogger = { info: () => {}, warn: () => {} }

/** A fixed "now" on an hour boundary plus 40 minutes, so windows and hourly buckets are predictable. */
export const NOW = Date.parse('2026-12-01T12:40:00.000Z')
const MIN = 60_000
const HOUR = 60 * MIN
const DAY = 24 * HOUR

/** Numbers rounded to 6 decimals: percentiles interpolate in floating point. */
function round<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, (_, v) => (typeof v === 'number' ? Math.round(v * 1e6) / 1e6 : v)))
}

let seq = 0
/**
 * A successful streamed call through `provider`, with one attempt as the proxy records it (it
 * starts 50 ms after the call's arrival; its time to headers is the call's minus those 50 ms);
 * fields overridable.
 */
export function call(over: Partial<CallRecord> = {}): CallRecord {
  seq++
  const provider = over.provider ?? 'fast-ai'
  const model = over.model ?? 'acme/chat-1'
  const time = over.time ?? NOW - 5 * MIN
  const ttfbMs = over.ttfbMs === undefined ? 200 : over.ttfbMs
  return {
    id: `gen-${seq}-${Math.random().toString(36).slice(2, 10)}`,
    time,
    keyId: 'key-a',
    model,
    provider,
    providerModel: `${provider}/chat-1`,
    streamed: true,
    status: 200,
    ttfbMs,
    totalMs: 1200,
    promptTokens: 10,
    completionTokens: 100,
    cost: '0.001',
    finishReason: 'stop',
    attempts: [
      {
        provider,
        model,
        time: time + 50,
        status: over.status ?? 200,
        headersMs: ttfbMs === null ? null : ttfbMs - 50,
        providerFailure: false,
      },
    ],
    ...over,
  }
}

export function storeContract(name: string, harness: () => ContractHarness) {
  describe(`usage store contract: ${name}`, () => {
    let h: ContractHarness
    const store = () => createUsageStore(h.backend, 'pglite', { logger: quietLogger })
    /** Records `calls` through the queue and flushes. */
    const write = async (calls: CallRecord[]) => {
      const s = store()
      for (const c of calls) s.record(c)
      await s.flush()
      expect(s.counters()).toMatchObject({ written: calls.length, dropped: 0, rejected: 0 })
    }

    beforeEach(async () => {
      h = harness()
      await h.db.execute(sql`truncate calls, attempts`)
    })

    it('round-trips a call and its attempts through record() and flush()', async () => {
      const c = call({
        id: 'gen-roundtrip',
        router: 'auto',
        variant: 'fast',
        cachedTokens: 4,
        reasoningTokens: 7,
        cost: '0.000123456789012345678',
        finishReason: 'length',
        attempts: [
          {
            provider: 'slow-ai',
            model: 'acme/chat-1',
            time: NOW - 5 * MIN,
            errorClass: 'timeout',
            providerFailure: true,
          },
          {
            provider: 'fast-ai',
            model: 'acme/chat-1',
            time: NOW - 5 * MIN + 30_000,
            status: 200,
            headersMs: 150,
            providerFailure: false,
          },
        ],
      })
      await write([c])
      const g = await h.backend.generation('gen-roundtrip', 'key-a')
      expect(g).toEqual({
        id: 'gen-roundtrip',
        time: new Date(NOW - 5 * MIN),
        keyId: 'key-a',
        model: 'acme/chat-1',
        router: 'auto',
        variant: 'fast',
        provider: 'fast-ai',
        providerModel: 'fast-ai/chat-1',
        streamed: true,
        status: 200,
        errorCode: null,
        ttfbMs: 200,
        totalMs: 1200,
        promptTokens: 10,
        completionTokens: 100,
        cachedTokens: 4,
        reasoningTokens: 7,
        cost: '0.000123456789012345678',
        finishReason: 'length',
        attempts: [
          {
            attempt: 1,
            time: new Date(NOW - 5 * MIN),
            provider: 'slow-ai',
            model: 'acme/chat-1',
            status: null,
            errorClass: 'timeout',
            headersMs: null,
            providerFailure: true,
          },
          {
            attempt: 2,
            time: new Date(NOW - 5 * MIN + 30_000),
            provider: 'fast-ai',
            model: 'acme/chat-1',
            status: 200,
            errorClass: null,
            headersMs: 150,
            providerFailure: false,
          },
        ],
      })
    })

    it('gives back a call served at the first try with its attempt exactly, though the attempt has no row of its own', async () => {
      const c = call({ id: 'gen-first-try', time: NOW - 2 * MIN, ttfbMs: 320 })
      const s = call({
        id: 'gen-caller-left',
        time: NOW - 2 * MIN,
        status: 499,
        errorCode: 'client_closed_request',
        attempts: [
          {
            provider: 'fast-ai',
            model: 'acme/chat-1',
            time: NOW - 2 * MIN + 50,
            status: 200,
            headersMs: 150,
            providerFailure: false,
          },
        ],
      })
      await write([c, s])
      const g = await h.backend.generation('gen-first-try', 'key-a')
      expect(g?.attempts).toEqual([
        {
          attempt: 1,
          time: new Date(NOW - 2 * MIN + 50),
          provider: 'fast-ai',
          model: 'acme/chat-1',
          status: 200,
          errorClass: null,
          headersMs: 270,
          providerFailure: false,
        },
      ])
      expect(g).not.toHaveProperty('attemptOffsetMs')
      // The attempt answered 200 but the caller saw 499: that attempt keeps a row of its own.
      expect((await h.backend.generation('gen-caller-left', 'key-a'))?.attempts).toEqual([
        expect.objectContaining({ attempt: 1, status: 200, headersMs: 150, time: new Date(NOW - 2 * MIN + 50) }),
      ])
      // PGlite answers { rows }, postgres.js an array.
      const result = (await h.db.execute(sql`select generation_id as id from attempts`)) as unknown
      const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { id: string }[]
      expect(rows.map((r) => r.id)).toEqual(['gen-caller-left'])
      // Both count as attempts that did not fail.
      const [stats] = await h.backend.endpointStats({ model: 'acme/chat-1', now: new Date(NOW) })
      expect(stats).toMatchObject({ provider: 'fast-ai', window: '30m', requests: 2, uptime: 1 })
    })

    it('keeps a number cost as the decimal it prints as, and skips a generation id written twice', async () => {
      const c = call({ id: 'gen-twice', cost: 0.000015 })
      await write([c])
      await write([{ ...c, cost: 99 }])
      expect((await h.backend.generation('gen-twice', 'key-a'))?.cost).toBe('0.000015')
    })

    it('keeps text exactly: commas, quotes, line breaks, a literal \\N apart from a missing value', async () => {
      const c = call({
        id: 'gen-"odd",\nid',
        model: 'acme/chat, "beta"',
        router: '""',
        variant: null,
        errorCode: 'upstream_error\r\nx',
        finishReason: '\\N',
      })
      await write([c])
      const g = await h.backend.generation('gen-"odd",\nid', 'key-a')
      expect(g).toMatchObject({
        model: 'acme/chat, "beta"',
        router: '""',
        variant: null,
        errorCode: 'upstream_error\r\nx',
        finishReason: '\\N',
      })
    })

    it("hides another key's generation and unknown ids", async () => {
      await write([call({ id: 'gen-mine', keyId: 'key-a' }), call({ id: 'gen-keyless', keyId: null })])
      expect(await h.backend.generation('gen-mine', 'key-b')).toBeNull()
      expect(await h.backend.generation('gen-nope', 'key-a')).toBeNull()
      expect(await h.backend.generation('gen-keyless', 'key-a')).toBeNull()
      expect(await h.backend.generation('gen-mine', 'key-a')).not.toBeNull()
    })

    it('computes percentiles, throughput, latency and uptime per endpoint on known data', async () => {
      const calls: CallRecord[] = []
      for (let i = 1; i <= 10; i++) {
        // ttfb 100…1000 ms; 10·i tokens in the 1000 ms after the first token: 10…100 tokens/s.
        calls.push(
          call({
            time: NOW - i * MIN,
            ttfbMs: i * 100,
            totalMs: i * 100 + 1000,
            completionTokens: 10 * i,
            attempts:
              i <= 2
                ? [
                    // Two calls failed over from this endpoint once before it served them.
                    { provider: 'fast-ai', model: 'acme/chat-1', status: 502, providerFailure: true },
                    { provider: 'fast-ai', model: 'acme/chat-1', status: 200, providerFailure: false },
                  ]
                : [{ provider: 'fast-ai', model: 'acme/chat-1', status: 200, providerFailure: false }],
          }),
        )
      }
      // Not in TTFT or throughput: a non-streamed call and a failed one; both are requests.
      calls.push(call({ time: NOW - MIN, streamed: false, ttfbMs: 5000, totalMs: 5000 }))
      calls.push(
        call({
          time: NOW - MIN,
          status: 400,
          errorCode: 'bad_request',
          ttfbMs: 50,
          totalMs: 60,
          completionTokens: null,
          attempts: [{ provider: 'fast-ai', model: 'acme/chat-1', status: 400, providerFailure: false }],
        }),
      )
      // Older calls: in 24 h and 7 days only, in 7 days only, and in none.
      calls.push(call({ time: NOW - 2 * HOUR, ttfbMs: 9000, totalMs: 10000 }))
      calls.push(call({ time: NOW - 3 * DAY }))
      calls.push(call({ time: NOW - 8 * DAY }))
      // Another provider and another model.
      calls.push(
        call({
          provider: 'slow-ai',
          time: NOW - MIN,
          status: 502,
          errorCode: 'upstream_error',
          ttfbMs: null,
          completionTokens: null,
          attempts: [{ provider: 'slow-ai', model: 'acme/chat-1', errorClass: 'timeout', providerFailure: true }],
        }),
      )
      calls.push(call({ model: 'acme/other', time: NOW - MIN }))
      await write(calls)

      const stats = await h.backend.endpointStats({ model: 'acme/chat-1', now: new Date(NOW) })
      const get = (provider: string, window: string) =>
        stats.find((s) => s.provider === provider && s.window === window)
      expect(round(get('fast-ai', '30m'))).toEqual({
        model: 'acme/chat-1',
        provider: 'fast-ai',
        window: '30m',
        requests: 12,
        // 14 attempts, 2 provider failures (the 400 is the request's fault).
        uptime: round(12 / 14),
        ttftMs: { p50: 550, p75: 775, p90: 910, p99: 991 },
        throughput: { p50: 55, p75: 77.5, p90: 91, p99: 99.1 },
        // total_ms of the 11 successful calls: 1100…2000 and 5000.
        latencyMs: { p50: 1600 },
      })
      expect(get('fast-ai', '24h')?.requests).toBe(13)
      // 11 values: 100…1000 and 9000; p99 sits 0.9 of the way from 1000 to 9000.
      expect(get('fast-ai', '24h')?.ttftMs?.p99).toBeCloseTo(8200, 6)
      expect(get('fast-ai', '7d')?.requests).toBe(14)
      expect(get('slow-ai', '30m')).toEqual({
        model: 'acme/chat-1',
        provider: 'slow-ai',
        window: '30m',
        requests: 1,
        uptime: 0,
        ttftMs: null,
        throughput: null,
        latencyMs: null,
      })
      expect(stats.some((s) => s.model === 'acme/other')).toBe(false)
      const all = await h.backend.endpointStats({ now: new Date(NOW) })
      expect(all.filter((s) => s.window === '30m').map((s) => `${s.model} ${s.provider}`)).toEqual([
        'acme/chat-1 fast-ai',
        'acme/chat-1 slow-ai',
        'acme/other fast-ai',
      ])
      // Nothing in any window: no rows.
      expect(await h.backend.endpointStats({ now: new Date(NOW + 30 * DAY) })).toEqual([])
    })

    it('gives an hourly series of the last 24 hours in UTC hours', async () => {
      await write([
        call({ time: Date.parse('2026-12-01T12:10:00Z'), ttfbMs: 100, totalMs: 1100 }),
        call({ time: Date.parse('2026-12-01T12:20:00Z'), ttfbMs: 300, totalMs: 1300 }),
        call({
          time: Date.parse('2026-12-01T10:59:59Z'),
          ttfbMs: 700,
          attempts: [{ provider: 'fast-ai', model: 'acme/chat-1', status: 503, providerFailure: true }],
        }),
        call({ time: Date.parse('2026-11-30T12:00:00Z') }), // more than 24 h before NOW
      ])
      const series = await h.backend.endpointSeries({ model: 'acme/chat-1', now: new Date(NOW) })
      expect(series.map((p) => [p.hour.toISOString(), p.requests, p.ttftP50Ms, p.uptime])).toEqual([
        ['2026-12-01T10:00:00.000Z', 1, 700, 0],
        ['2026-12-01T12:00:00.000Z', 2, 200, 1],
      ])
      expect(series[1]?.throughputP50).toBe(100)
    })

    it('ranks models by successful calls over the last days, most called first', async () => {
      await write([
        call({ time: Date.parse('2026-12-01T11:00:00Z'), model: 'acme/b' }),
        call({ time: Date.parse('2026-12-01T11:01:00Z'), model: 'acme/b' }),
        call({ time: Date.parse('2026-12-01T11:02:00Z'), model: 'acme/a' }),
        call({ time: Date.parse('2026-12-01T11:03:00Z'), model: 'acme/c' }),
        call({ time: Date.parse('2026-12-01T11:04:00Z'), model: 'acme/c', status: 502 }), // failed: not counted
        call({ time: Date.parse('2026-12-01T11:05:00Z'), model: 'acme/c', status: 502 }),
        call({ time: Date.parse('2026-11-20T11:00:00Z'), model: 'acme/old' }), // before the window
      ])
      const now = new Date(NOW)
      expect(await h.backend.popularModels({ now })).toEqual([
        { model: 'acme/b', requests: 2 },
        { model: 'acme/a', requests: 1 },
        { model: 'acme/c', requests: 1 },
      ])
      expect(await h.backend.popularModels({ now, limit: 1 })).toEqual([{ model: 'acme/b', requests: 2 }])
      expect((await h.backend.popularModels({ now, days: 30 })).map((m) => m.model)).toContain('acme/old')
    })

    it('sums usage exactly (numeric, not floats) by day, model and provider, within [from, to)', async () => {
      const costs = ['0.1', '0.2', '0.000000123456789', '123.456', '0.3']
      await write([
        call({ time: Date.parse('2026-11-30T23:59:59.999Z'), cost: costs[0], model: 'acme/a', provider: 'p1' }),
        call({ time: Date.parse('2026-12-01T00:00:00.000Z'), cost: costs[1], model: 'acme/a', provider: 'p2' }),
        call({ time: Date.parse('2026-12-01T08:00:00.000Z'), cost: costs[2], model: 'acme/b', provider: 'p1' }),
        call({ time: Date.parse('2026-12-01T09:00:00.000Z'), cost: costs[3], model: 'acme/b', provider: 'p1' }),
        call({ time: Date.parse('2026-12-01T10:00:00.000Z'), cost: null, status: 502, provider: null }),
        // Outside the range or another key's: never counted.
        call({ time: Date.parse('2026-12-02T00:00:00.000Z'), cost: '1000' }),
        call({ time: Date.parse('2026-11-29T23:59:59.999Z'), cost: '1000' }),
        call({ time: Date.parse('2026-12-01T09:00:00.000Z'), cost: costs[4], keyId: 'key-b' }),
      ])
      const range = {
        keyId: 'key-a',
        from: new Date('2026-11-30T00:00:00Z'),
        to: new Date('2026-12-02T00:00:00Z'),
      }
      const total = {
        requests: 5,
        promptTokens: 50,
        completionTokens: 500,
        cachedTokens: 0,
        reasoningTokens: 0,
        cost: '123.756000123456789',
      }
      const byDay = await h.backend.usage({ ...range, groupBy: 'day' })
      expect(byDay.total).toEqual(total)
      expect(byDay.rows.map((r) => [r.key, r.requests, r.cost])).toEqual([
        ['2026-11-30', 1, '0.1'],
        ['2026-12-01', 4, '123.656000123456789'],
      ])
      const byModel = await h.backend.usage({ ...range, groupBy: 'model' })
      expect(byModel.total).toEqual(total)
      expect(byModel.rows.map((r) => [r.key, r.requests, r.cost])).toEqual([
        ['acme/a', 2, '0.3'],
        ['acme/b', 2, '123.456000123456789'],
        ['acme/chat-1', 1, '0'],
      ])
      const byProvider = await h.backend.usage({ ...range, groupBy: 'provider' })
      expect(byProvider.total).toEqual(total)
      expect(byProvider.rows.map((r) => [r.key, r.requests, r.cost])).toEqual([
        ['p1', 3, '123.556000123456789'],
        ['p2', 1, '0.2'],
        [null, 1, '0'],
      ])
      // Summing the same costs as JS numbers loses digits.
      expect(String(0.1 + 0.2 + 0.000000123456789 + 123.456)).toBe('123.75600012345679')
      const empty = await h.backend.usage({ keyId: 'key-nobody', from: range.from, to: range.to, groupBy: 'day' })
      expect(empty).toEqual({
        groupBy: 'day',
        rows: [],
        total: { ...total, requests: 0, promptTokens: 0, completionTokens: 0, cost: '0' },
      })
    })

    it('prunes calls and attempts older than the cut-off, and only those', async () => {
      await write([
        call({ id: 'gen-old', time: NOW - 31 * DAY }),
        call({
          id: 'gen-old-failover',
          time: NOW - 31 * DAY,
          attempts: [
            { provider: 'slow-ai', model: 'acme/chat-1', status: 503, providerFailure: true },
            { provider: 'fast-ai', model: 'acme/chat-1', status: 200, headersMs: 150, providerFailure: false },
          ],
        }),
        call({ id: 'gen-new', time: NOW - 29 * DAY }),
        call({ id: 'gen-new2', time: NOW - MIN }),
      ])
      expect(await h.backend.prune(new Date(NOW - 30 * DAY))).toEqual({ calls: 2, attempts: 2 })
      expect(await h.backend.generation('gen-old-failover', 'key-a')).toBeNull()
      expect(await h.backend.generation('gen-old', 'key-a')).toBeNull()
      expect(await h.backend.generation('gen-new', 'key-a')).not.toBeNull()
      expect(await h.backend.prune(new Date(NOW - 30 * DAY))).toEqual({ calls: 0, attempts: 0 })
    })
  })
}
