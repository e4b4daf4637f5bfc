/**
 * Requests and tokens per minute per caller key, counted with rate-limiter-flexible (a fixed
 * one-minute window per key): in this process by default, in Redis when `REDIS_URL` is set
 * (lib/server/redis-limits.ts), so that every instance counts against the same window. Keys
 * differ in their limits, so there is one limiter per (kind, limit), each with its own key prefix.
 *
 * A limiter store that fails never fails a call: the Redis limiters fall back to an in-memory
 * one (rate-limiter-flexible's `insuranceLimiter`), and any other error lets the call through.
 */
import type { RateLimiterAbstract } from 'rate-limiter-flexible'
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible'

import type { RateLimitResult } from './rate-limit'

export type LimitKind = 'rpm' | 'tpm'

/** Makes the limiter for one kind and limit (points per 60 s). */
export type LimiterFactory = (kind: LimitKind, points: number) => RateLimiterAbstract

/** Where a key stands against one limit, without taking anything. */
export interface LimitStatus {
  limit: number
  remaining: number
  /** Seconds until the window resets (0 when nothing was counted). */
  resetSeconds: number
}

export interface KeyLimiter {
  /** Counts one request against `rpm` (0: unlimited). */
  takeRequest(keyId: string, rpm: number): Promise<RateLimitResult>
  /** Whether the key still has tokens in this minute's window of `tpm`. */
  checkTokens(keyId: string, tpm: number): Promise<RateLimitResult>
  /** Counts a finished call's tokens (never waits, never throws). */
  addTokens(keyId: string, tpm: number, tokens: number): void
  /** Where the key stands (for `GET /api/v1/key`); null for a limit it does not have. */
  status(keyId: string, limit: number | null, kind: LimitKind): Promise<LimitStatus | null>
}

export const WINDOW_SECONDS = 60

const secondsUntil = (ms: number) => Math.max(1, Math.ceil(ms / 1000))
const allow = (remaining: number): RateLimitResult => ({ ok: true, retryAfterSeconds: 0, remaining })

export const memoryLimiterFactory: LimiterFactory = (kind, points) =>
  new RateLimiterMemory({ points, duration: WINDOW_SECONDS, keyPrefix: `${kind}:${points}` })

export class FlexibleKeyLimiter implements KeyLimiter {
  private limiters = new Map<string, RateLimiterAbstract>()

  constructor(
    private readonly factory: LimiterFactory = memoryLimiterFactory,
    /** Told about an unexpected limiter error (the call went through). */
    private readonly onError: (e: unknown) => void = () => {},
  ) {}

  private limiter(kind: LimitKind, points: number): RateLimiterAbstract {
    const name = `${kind}:${points}`
    let l = this.limiters.get(name)
    if (!l) {
      l = this.factory(kind, points)
      this.limiters.set(name, l)
    }
    return l
  }

  async takeRequest(keyId: string, rpm: number): Promise<RateLimitResult> {
    if (rpm <= 0) return allow(Infinity)
    try {
      const res = await this.limiter('rpm', rpm).consume(keyId, 1)
      return allow(res.remainingPoints)
    } catch (e) {
      if (e instanceof RateLimiterRes)
        return { ok: false, retryAfterSeconds: secondsUntil(e.msBeforeNext), remaining: 0 }
      this.onError(e)
      return allow(rpm)
    }
  }

  async checkTokens(keyId: string, tpm: number): Promise<RateLimitResult> {
    if (tpm <= 0) return allow(Infinity)
    try {
      const res = await this.limiter('tpm', tpm).get(keyId)
      if (!res || res.consumedPoints < tpm) return allow(tpm - (res?.consumedPoints ?? 0))
      return { ok: false, retryAfterSeconds: secondsUntil(res.msBeforeNext), remaining: 0 }
    } catch (e) {
      this.onError(e)
      return allow(tpm)
    }
  }

  addTokens(keyId: string, tpm: number, tokens: number): void {
    if (tpm <= 0 || !(tokens > 0)) return
    this.limiter('tpm', tpm)
      .penalty(keyId, Math.round(tokens))
      .catch((e: unknown) => this.onError(e))
  }

  async status(keyId: string, limit: number | null, kind: LimitKind): Promise<LimitStatus | null> {
    if (limit === null || limit <= 0) return null
    try {
      const res = await this.limiter(kind, limit).get(keyId)
      if (!res) return { limit, remaining: limit, resetSeconds: 0 }
      return {
        limit,
        remaining: Math.max(0, limit - res.consumedPoints),
        resetSeconds: Math.max(0, Math.ceil(res.msBeforeNext / 1000)),
      }
    } catch (e) {
      this.onError(e)
      return { limit, remaining: limit, resetSeconds: 0 }
    }
  }
}
