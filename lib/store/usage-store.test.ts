/** The queue in front of the database, with a fake backend: batching, the bound, drops, recovery. */
import { describe, expect, it, vi } from 'vitest'

import type { StoreBackend } from './db'
import { parseCalls } from './db'
import { pruneCutoff, startPruning } from './prune'
import { nullBackend } from './testing/null-backend'
import type { CallRecord, ParsedCall } from './types'
import type { StoreLogger } from './usage-store'
import { createUsageStore, isDataError, offStore } from './usage-store'

const call = (i: number): CallRecord => ({
  id: `gen-${i}`,
  time: 1_700_000_000_000 + i,
  keyId: 'key-a',
  model: 'acme/chat-1',
  provider: 'fast-ai',
  streamed: true,
  status: 200,
  totalMs: 100,
  cost: '0.001',
})

/** A backend whose insert can be made to fail, hang or succeed (taking `delayMs`); it keeps what it wrote. */
function fakeBackend({ delayMs = 0 } = {}) {
  const written: ParsedCall[] = []
  // Validates like the real backends (db.ts), so invalid records are counted the same way.
  const batches: number[] = []
  let mode: 'ok' | 'down' | 'hang' | 'refuse' = 'ok'
  let hung: (() => void)[] = []
  const backend: StoreBackend = {
    ...nullBackend(),
    insert: async (batch) => {
      if (mode === 'down')
        throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })
      if (mode === 'refuse') throw Object.assign(new Error('invalid input syntax'), { code: '22P02' })
      if (mode === 'hang') await new Promise<void>((resolve) => hung.push(resolve))
      if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs))
      const { valid, invalid, issue } = parseCalls(batch)
      batches.push(batch.length)
      written.push(...valid)
      return { inserted: valid.length, invalid, ...(issue ? { issue } : {}) }
    },
    close: vi.fn(async () => {}),
  }
  return {
    backend,
    written,
    batches,
    set: (m: typeof mode) => {
      mode = m
      if (m !== 'hang') {
        for (const r of hung) r()
        hung = []
      }
    },
  }
}

function memoryLogger() {
  const lines: { level: string; message: string; fields?: Record<string, unknown> }[] = []
  const logger: StoreLogger = {
    info: (message, fields) => lines.push({ level: 'info', message, fields }),
    warn: (message, fields) => lines.push({ level: 'warn', message, fields }),
  }
  return { logger, lines }
}

const until = async (cond: () => boolean, ms = 2_000) => {
  const end = Date.now() + ms
  while (!cond()) {
    if (Date.now() > end) throw new Error('condition not met in time')
    await new Promise((r) => setTimeout(r, 5))
  }
}

describe('UsageStore queue', () => {
  it('writes in batches of batchSize on flush()', async () => {
    const f = fakeBackend()
    const s = createUsageStore(f.backend, 'pglite', { batchSize: 500, flushIntervalMs: 60_000 })
    for (let i = 0; i < 1200; i++) s.record(call(i))
    await s.flush()
    expect(f.batches).toEqual([500, 500, 200])
    expect(s.counters()).toEqual({ recorded: 1200, written: 1200, queued: 0, dropped: 0, rejected: 0, failedWrites: 0 })
  })

  it('writes on its own: after flushIntervalMs, or at once when a batch is full', async () => {
    const f = fakeBackend()
    const s = createUsageStore(f.backend, 'pglite', { batchSize: 10, flushIntervalMs: 30 })
    s.record(call(1))
    // record() itself never writes.
    expect(f.written).toHaveLength(0)
    await until(() => f.written.length === 1)
    const slow = createUsageStore(f.backend, 'pglite', { batchSize: 10, flushIntervalMs: 60_000 })
    for (let i = 0; i < 10; i++) slow.record(call(100 + i))
    await until(() => f.written.length === 11)
  })

  it('under steady load writes one batch per tick, not a run of small ones back to back', async () => {
    vi.useFakeTimers()
    try {
      // A write takes 40 ms; 2,000 calls a second arrive for a second (10 every 5 ms).
      const f = fakeBackend({ delayMs: 40 })
      const s = createUsageStore(f.backend, 'pglite', { batchSize: 500, flushIntervalMs: 100 })
      for (let t = 0; t < 1000; t += 5) {
        for (let i = 0; i < 10; i++) s.record(call(t * 10 + i))
        await vi.advanceTimersByTimeAsync(5)
      }
      const flushed = s.flush()
      await vi.advanceTimersByTimeAsync(1000)
      await flushed
      expect(s.counters()).toMatchObject({ recorded: 2000, written: 2000, queued: 0 })
      // A tick every 100 ms after the last write ended: 200 calls, then 280 (140 ms of calls) each;
      // the calls that arrive during a write wait for the next tick instead of a write of their own.
      expect(f.batches.length).toBeLessThanOrEqual(9)
      expect(Math.min(...f.batches.slice(0, -1))).toBeGreaterThanOrEqual(200)
    } finally {
      vi.useRealTimers()
    }
  })

  it('drops and counts calls beyond the bound while the store is down, logs it, and resumes when it is back', async () => {
    const f = fakeBackend()
    const { logger, lines } = memoryLogger()
    const s = createUsageStore(f.backend, 'postgres', {
      maxQueue: 100,
      batchSize: 50,
      flushIntervalMs: 5,
      maxRetryDelayMs: 20,
      logger,
    })
    f.set('down')
    for (let i = 0; i < 150; i++) s.record(call(i))
    await until(() => s.counters().failedWrites >= 2)
    expect(s.counters()).toMatchObject({ recorded: 150, written: 0, queued: 100, dropped: 50 })
    expect(lines.some((l) => l.level === 'warn' && /writing failed/.test(l.message))).toBe(true)
    // The first drop is logged at once; later ones are summed into one line per logIntervalMs.
    expect(lines.some((l) => l.level === 'warn' && /dropped 1 calls \(queue full at 100\)/.test(l.message))).toBe(true)

    f.set('ok')
    await until(() => s.counters().written === 100)
    expect(s.counters()).toMatchObject({ queued: 0, dropped: 50 })
    // The oldest calls were kept, in order; the newest were dropped.
    expect(f.written.map((c) => c.id)).toEqual(Array.from({ length: 100 }, (_, i) => `gen-${i}`))
    // Recovery logs the drops not yet reported: every dropped call was reported once.
    const reported = lines.filter((l) => /queue full/.test(l.message)).map((l) => Number(l.fields?.dropped))
    expect(reported.reduce((a, b) => a + b, 0)).toBe(50)
    expect(lines.find((l) => l.level === 'info')).toMatchObject({
      message: 'usage store: writing again',
      fields: { droppedSinceLastWrite: 50 },
    })
    // And it keeps writing.
    s.record(call(1000))
    await until(() => s.counters().written === 101)
  })

  it('never waits for a slow store: record() returns at once and drops beyond the bound', async () => {
    const f = fakeBackend()
    f.set('hang')
    const s = createUsageStore(f.backend, 'pglite', {
      maxQueue: 1000,
      batchSize: 100,
      flushIntervalMs: 1,
      logger: memoryLogger().logger,
    })
    s.record(call(0))
    await until(() => s.counters().queued === 1 && f.written.length === 0)
    const started = performance.now()
    for (let i = 1; i < 5000; i++) s.record(call(i))
    const elapsed = performance.now() - started
    expect(elapsed).toBeLessThan(500)
    expect(s.counters()).toMatchObject({ recorded: 5000, queued: 1000, dropped: 4000 })
    f.set('ok')
    await s.flush()
    await until(() => s.counters().written === 1000)
  })

  it('drops a batch the database refuses (a data error) instead of retrying it forever', async () => {
    const f = fakeBackend()
    const { logger, lines } = memoryLogger()
    const s = createUsageStore(f.backend, 'pglite', { batchSize: 2, flushIntervalMs: 60_000, logger })
    f.set('refuse')
    s.record(call(1))
    s.record(call(2))
    await s.flush()
    expect(s.counters()).toMatchObject({ rejected: 2, queued: 0, failedWrites: 1 })
    expect(lines[0]?.message).toMatch(/refused a batch of 2 calls/)
    f.set('ok')
    s.record(call(3))
    await s.flush()
    expect(f.written.map((c) => c.id)).toEqual(['gen-3'])
  })

  it('drops invalid records (counted, logged) and writes the rest; record() never throws', async () => {
    const f = fakeBackend()
    const { logger, lines } = memoryLogger()
    const s = createUsageStore(f.backend, 'pglite', { flushIntervalMs: 60_000, logger })
    s.record(call(1))
    s.record({ ...call(2), status: 42 })
    expect(() => s.record(null as unknown as CallRecord)).not.toThrow()
    await s.flush()
    expect(f.written.map((c) => c.id)).toEqual(['gen-1'])
    expect(s.counters()).toMatchObject({ written: 1, rejected: 2 })
    expect(lines[0]).toMatchObject({ level: 'warn', message: 'usage store: dropped 2 invalid call records' })
    expect(String(lines[0]?.fields?.issue)).toMatch(/status/)
  })

  it('rejects, before the database sees them, values that would make Postgres refuse the whole batch', () => {
    const bad: CallRecord[] = [
      { ...call(1), ttfbMs: 3_000_000_000 }, // beyond integer
      { ...call(2), finishReason: 'st\u0000op' }, // NUL in text
      { ...call(3), time: Date.parse('+010000-01-01T00:00:00Z') }, // beyond the year 9999
      { ...call(4), cost: 'abc' },
      { ...call(5), cost: Number.NaN },
      { ...call(6), attempts: [{ provider: '', model: 'm', providerFailure: false }] },
    ]
    const { valid, invalid } = parseCalls([...bad, call(7), { ...call(8), cost: 0.0000015 }])
    expect(invalid).toBe(bad.length)
    expect(valid.map((c) => [c.id, c.cost])).toEqual([
      ['gen-7', '0.001'],
      ['gen-8', '0.0000015'],
    ])
  })

  it('flush() returns while the store is down, keeping the calls for later', async () => {
    const f = fakeBackend()
    const s = createUsageStore(f.backend, 'pglite', { flushIntervalMs: 5, logger: memoryLogger().logger })
    f.set('down')
    s.record(call(1))
    await s.flush()
    expect(s.counters()).toMatchObject({ written: 0, queued: 1 })
    f.set('ok')
    await until(() => s.counters().written === 1)
  })

  it('close() writes what is pending, closes the database, and drops later calls', async () => {
    const f = fakeBackend()
    const s = createUsageStore(f.backend, 'pglite', { flushIntervalMs: 60_000, logger: memoryLogger().logger })
    s.record(call(1))
    s.record(call(2))
    await s.close()
    expect(f.written).toHaveLength(2)
    expect(f.backend.close).toHaveBeenCalledOnce()
    s.record(call(3))
    expect(s.counters()).toMatchObject({ written: 2, dropped: 1 })
  })

  it('tells data errors from outages by SQLSTATE class', () => {
    expect(isDataError({ code: '22003' })).toBe(true) // numeric value out of range
    expect(isDataError({ code: '23505' })).toBe(true) // unique violation
    expect(isDataError({ code: '08006' })).toBe(false) // connection failure
    expect(isDataError({ code: '57P01' })).toBe(false) // admin shutdown
    expect(isDataError(new Error('boom'))).toBe(false)
    // Drizzle wraps the driver's error: the code is on the cause.
    expect(isDataError(new Error('Failed query: insert …', { cause: { code: '22P02' } }))).toBe(true)
  })
})

describe('USAGE_STORE=off', () => {
  it('records nothing and answers "no data"', async () => {
    const s = offStore()
    s.record(call(1))
    expect(s.mode).toBe('off')
    expect(await s.endpointStats()).toEqual([])
    expect(await s.endpointSeries()).toEqual([])
    expect(await s.generation('gen-1', 'key-a')).toBeNull()
    const u = await s.usage({ keyId: 'key-a', from: new Date(0), to: new Date(), groupBy: 'model' })
    expect(u).toEqual({ groupBy: 'model', rows: [], total: expect.objectContaining({ requests: 0, cost: '0' }) })
    expect(s.counters()).toMatchObject({ recorded: 1, written: 0 })
  })
})

describe('startPruning', () => {
  it('prunes rows older than the retention on a timer, and logs what it deleted', async () => {
    const f = fakeBackend()
    const prune = vi.fn(async () => ({ calls: 3, attempts: 4 }))
    const store = createUsageStore({ ...f.backend, prune }, 'pglite')
    const { logger, lines } = memoryLogger()
    const now = Date.parse('2026-12-01T00:00:00Z')
    const schedule = startPruning(store, { retentionDays: 30, firstDelayMs: 1, intervalMs: 10, logger, now: () => now })
    await until(() => prune.mock.calls.length >= 2)
    schedule.stop()
    expect(prune).toHaveBeenCalledWith(new Date('2026-11-01T00:00:00Z'))
    expect(lines[0]).toMatchObject({ level: 'info', fields: { calls: 3, attempts: 4 } })
  })

  it('never prunes the current month, which monthly budgets add up', () => {
    // 30 days before 31 December would cut into December: the cut-off is 1 December instead.
    expect(pruneCutoff(Date.parse('2026-12-31T12:00:00Z'), 30)).toEqual(new Date('2026-12-01T00:00:00Z'))
    expect(pruneCutoff(Date.parse('2026-12-31T12:00:00Z'), 45)).toEqual(new Date('2026-11-16T12:00:00Z'))
    expect(pruneCutoff(Date.parse('2026-12-05T00:00:00Z'), 1)).toEqual(new Date('2026-12-01T00:00:00Z'))
  })

  it('logs a failed prune and keeps going', async () => {
    const f = fakeBackend()
    const prune = vi.fn().mockRejectedValueOnce(new Error('db down')).mockResolvedValue({ calls: 0, attempts: 0 })
    const store = createUsageStore({ ...f.backend, prune }, 'pglite')
    const { logger, lines } = memoryLogger()
    const schedule = startPruning(store, { retentionDays: 1, firstDelayMs: 1, intervalMs: 5, logger })
    await until(() => prune.mock.calls.length >= 2)
    schedule.stop()
    expect(lines[0]).toMatchObject({ level: 'warn', fields: { error: 'db down' } })
  })
})
