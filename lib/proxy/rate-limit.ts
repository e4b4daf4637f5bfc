/**
 * Per-key rate limiting. The proxy depends on the `RateLimiter` interface only, so a shared
 * store (e.g. Redis, for several instances) can replace the in-memory token bucket.
 */
export interface RateLimitResult {
  ok: boolean
  /** Seconds until a request would be allowed (when not ok). */
  retryAfterSeconds: number
  remaining: number
}

export interface RateLimiter {
  take(key: string): RateLimitResult | Promise<RateLimitResult>
  /** What `take` would answer, without taking anything. */
  peek(key: string): RateLimitResult | Promise<RateLimitResult>
}

interface Bucket {
  tokens: number
  at: number
}

/**
 * A token bucket per key: `perMinute` tokens, refilled continuously. `perMinute = 0` disables it.
 * Memory is bounded: at `maxKeys` buckets, full ones are dropped (they hold no state worth
 * keeping), then the least recently used, so a flood of distinct keys cannot grow the map.
 */
export class MemoryRateLimiter implements RateLimiter {
  private buckets = new Map<string, Bucket>()

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
    /** Most buckets kept. */
    private readonly maxKeys = 10_000,
  ) {}

  get size(): number {
    return this.buckets.size
  }

  take(key: string): RateLimitResult {
    return this.check(key, true)
  }

  peek(key: string): RateLimitResult {
    return this.check(key, false)
  }

  private check(key: string, take: boolean): RateLimitResult {
    if (this.perMinute <= 0) return { ok: true, retryAfterSeconds: 0, remaining: Infinity }
    const now = this.now()
    const ratePerMs = this.perMinute / 60_000
    const known = this.buckets.get(key)
    if (!known && !take) return { ok: true, retryAfterSeconds: 0, remaining: this.perMinute }
    const b = known ?? { tokens: this.perMinute, at: now }
    b.tokens = Math.min(this.perMinute, b.tokens + (now - b.at) * ratePerMs)
    b.at = now
    if (take) {
      // Re-inserted at the end: the map's order is least recently used first.
      this.buckets.delete(key)
      if (this.buckets.size >= this.maxKeys) this.evict()
      this.buckets.set(key, b)
    }
    if (b.tokens >= 1) {
      if (take) b.tokens -= 1
      return { ok: true, retryAfterSeconds: 0, remaining: Math.floor(b.tokens) }
    }
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - b.tokens) / ratePerMs / 1000)), remaining: 0 }
  }

  private evict() {
    const now = this.now()
    const ratePerMs = this.perMinute / 60_000
    for (const [k, b] of this.buckets) {
      if (b.tokens + (now - b.at) * ratePerMs >= this.perMinute) this.buckets.delete(k)
    }
    // Still full: drop the least recently used tenth.
    if (this.buckets.size >= this.maxKeys) {
      let drop = Math.max(1, Math.floor(this.maxKeys / 10))
      for (const k of this.buckets.keys()) {
        this.buckets.delete(k)
        if (--drop === 0) break
      }
    }
  }
}
