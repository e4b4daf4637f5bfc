import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { RedisServer } from '@/test-support/redis-server'
import { startRedisServer } from '@/test-support/redis-server'

import type { RedisLimits } from './redis-limits'
import { redisLimits } from './redis-limits'

let redis: RedisServer
const opened: RedisLimits[] = []
let lines: Record<string, unknown>[] = []
const open = () => {
  const log: Record<string, unknown>[] = []
  lines = log
  const r = redisLimits(redis.url, { log: (l) => log.push(l) })
  opened.push(r)
  return r
}

beforeAll(async () => {
  redis = await startRedisServer()
}, 30_000)
afterAll(async () => {
  for (const r of opened) await r.close()
  await redis?.stop()
})

const until = async (ok: () => boolean | Promise<boolean>, ms = 10_000) => {
  const deadline = Date.now() + ms
  while (!(await ok())) {
    if (Date.now() > deadline) throw new Error('condition not met in time')
    await new Promise((r) => setTimeout(r, 50))
  }
}

describe('per-key limits in Redis (a real redis-server)', () => {
  it('shares one window per key between two instances: 30 requests a minute across both, not 60', async () => {
    const [a, b] = [open(), open()]
    // Both connected (until then each would count alone).
    await until(() => a.connected && b.connected)
    let ok = 0
    let refused = 0
    for (let i = 0; i < 40; i++) {
      const r = await (i % 2 ? a : b).limiter.takeRequest('key-30', 30)
      if (r.ok) ok++
      else {
        refused++
        expect(r.retryAfterSeconds).toBeGreaterThanOrEqual(1)
        expect(r.retryAfterSeconds).toBeLessThanOrEqual(60)
      }
    }
    expect({ ok, refused }).toEqual({ ok: 30, refused: 10 })
    // Another key has its own window.
    expect((await a.limiter.takeRequest('other', 30)).ok).toBe(true)
  })

  it('ready() resolves once connected, and after its timeout (false) when Redis cannot be reached', async () => {
    const a = open()
    expect(await a.ready(5_000)).toBe(true)
    expect(a.connected).toBe(true)
    // Port 1: nothing listens there.
    const nowhere = redisLimits('redis://127.0.0.1:1', { log: () => {} })
    opened.push(nowhere)
    const started = Date.now()
    expect(await nowhere.ready(300)).toBe(false)
    expect(Date.now() - started).toBeLessThan(2_000)
  })

  it('shares tokens per minute: tokens counted on one instance limit the other', async () => {
    const [a, b] = [open(), open()]
    await until(() => a.connected && b.connected)
    a.limiter.addTokens('tok', 1000, 600)
    a.limiter.addTokens('tok', 1000, 500)
    await until(async () => !(await b.limiter.checkTokens('tok', 1000)).ok)
    expect(await b.limiter.status('tok', 1000, 'tpm')).toMatchObject({ limit: 1000, remaining: 0 })
  })

  it('keeps answering from memory while Redis is down, says so once, and shares again when it is back', async () => {
    const a = open()
    await until(() => a.connected)
    await redis.stop()
    const started = Date.now()
    const results = []
    for (let i = 0; i < 5; i++) results.push(await a.limiter.takeRequest('down-key', 3))
    // Never an error and never a wait: the in-memory limiter of the same limit answers.
    expect(Date.now() - started).toBeLessThan(2_000)
    expect(results.map((r) => r.ok)).toEqual([true, true, true, false, false])
    await until(() => lines.length > 0)
    expect(lines.filter((l) => String(l.message).includes('unreachable'))).toHaveLength(1)
    await redis.restart()
    await until(() => lines.some((l) => String(l.message).includes('answers again')), 15_000)
    expect((await a.limiter.takeRequest('after', 1)).ok).toBe(true)
  }, 40_000)
})
