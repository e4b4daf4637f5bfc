/**
 * `REDIS_URL`: the per-key request and token limits counted in Redis, so every instance shares
 * one window per key (rate-limiter-flexible's `RateLimiterRedis`, one atomic Lua script per
 * check). Imported by server.ts only, so ioredis stays out of Next's bundle.
 *
 * Redis down, slow or not yet connected: each check falls back at once to an in-memory limiter
 * of the same limit (`insuranceLimiter`; `rejectIfRedisNotReady`, a 250 ms command timeout), so
 * calls keep being served, each instance counting on its own until Redis is back. Logged once per
 * outage, and once when Redis answers again.
 */
import { Redis } from 'ioredis'
import { RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible'

import type { LimiterFactory } from '@/lib/proxy/key-limits'
import { FlexibleKeyLimiter, WINDOW_SECONDS } from '@/lib/proxy/key-limits'

export interface RedisLimits {
  limiter: FlexibleKeyLimiter
  /** True while connected: limits are shared; false: counted in this process. */
  readonly connected: boolean
  /**
   * Resolves once connected, or after `timeoutMs` (never rejects): the server waits for it before
   * it listens, so its first calls count in Redis, not in a limiter of its own while it connects.
   */
  ready(timeoutMs: number): Promise<boolean>
  close(): Promise<void>
}

type Log = (line: Record<string, unknown>) => void
const defaultLog: Log = (line) => console.warn(JSON.stringify(line))

/** The URL for logs: never its password. */
export function describeRedisUrl(url: string): string {
  try {
    const u = new URL(url)
    return `${u.protocol}//${u.hostname}${u.port ? `:${u.port}` : ''}${u.pathname === '/' ? '' : u.pathname}`
  } catch {
    return 'Redis'
  }
}

export function redisLimits(url: string, options: { log?: Log; commandTimeoutMs?: number } = {}): RedisLimits {
  const log = options.log ?? defaultLog
  const where = describeRedisUrl(url)
  const client = new Redis(url, {
    // Commands are never queued while disconnected: the in-memory limiter answers instead.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: options.commandTimeoutMs ?? 250,
    connectTimeout: 2_000,
    // Reconnect forever, at most every 2 s.
    retryStrategy: (times) => Math.min(2_000, 100 * times),
    lazyConnect: false,
  })
  let down = false
  let closed = false
  const wentDown = (reason: string) => {
    if (down || closed) return
    down = true
    log({
      level: 'warn',
      message: `rate limits: Redis at ${where} is unreachable (${reason}); counting in this process until it is back`,
    })
  }
  client.on('error', (e: Error) => wentDown(e.message))
  client.on('close', () => wentDown('connection closed'))
  client.on('ready', () => {
    if (!down) return
    down = false
    log({ level: 'info', message: `rate limits: Redis at ${where} answers again; limits are shared again` })
  })
  const factory: LimiterFactory = (kind, points) =>
    new RateLimiterRedis({
      storeClient: client,
      points,
      duration: WINDOW_SECONDS,
      keyPrefix: `modelatlas:${kind}:${points}`,
      rejectIfRedisNotReady: true,
      insuranceLimiter: new RateLimiterMemory({ points, duration: WINDOW_SECONDS, keyPrefix: `${kind}:${points}` }),
    })
  return {
    limiter: new FlexibleKeyLimiter(factory, (e) => wentDown(e instanceof Error ? e.message : String(e))),
    get connected() {
      return client.status === 'ready'
    },
    ready: (timeoutMs) =>
      new Promise<boolean>((resolve) => {
        if (client.status === 'ready') return resolve(true)
        const done = (ok: boolean) => {
          clearTimeout(timer)
          client.off('ready', onReady)
          resolve(ok)
        }
        const onReady = () => done(true)
        const timer = setTimeout(() => done(false), timeoutMs)
        client.once('ready', onReady)
      }),
    close: async () => {
      closed = true
      client.disconnect()
    },
  }
}
