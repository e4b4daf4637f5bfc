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
}

/** A token bucket per key: `perMinute` tokens, refilled continuously. `perMinute = 0` disables it. */
export class MemoryRateLimiter implements RateLimiter {
  private buckets = new Map<string, { tokens: number; at: number }>()

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
    /** Buckets kept before full ones are swept. */
    private readonly maxKeys = 10_000,
  ) {}

  take(key: string): RateLimitResult {
    if (this.perMinute <= 0) return { ok: true, retryAfterSeconds: 0, remaining: Infinity }
    const now = this.now()
    const ratePerMs = this.perMinute / 60_000
    const b = this.buckets.get(key) ?? { tokens: this.perMinute, at: now }
    b.tokens = Math.min(this.perMinute, b.tokens + (now - b.at) * ratePerMs)
    b.at = now
    if (this.buckets.size >= this.maxKeys && !this.buckets.has(key)) this.sweep()
    this.buckets.set(key, b)
    if (b.tokens >= 1) {
      b.tokens -= 1
      return { ok: true, retryAfterSeconds: 0, remaining: Math.floor(b.tokens) }
    }
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - b.tokens) / ratePerMs / 1000)), remaining: 0 }
  }

  private sweep() {
    const now = this.now()
    for (const [k, b] of this.buckets) {
      if (b.tokens + (now - b.at) * (this.perMinute / 60_000) >= this.perMinute) this.buckets.delete(k)
    }
  }
}
