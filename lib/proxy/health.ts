/**
 * What this instance has measured of each endpoint (model × provider), in memory: recent time to
 * first byte and output speed, for `provider.sort: "latency" | "throughput"`, and a run of
 * provider-side failures, so a provider that keeps failing is tried last for a cool-down instead
 * of costing every caller a timeout. After the cool-down it is tried in its place again (a
 * probe); one more failure sends it back. Memory is bounded: a fixed number of samples per
 * endpoint, and endpoints come only from the catalog.
 */
import type { Candidate } from './routing'
import type { ProviderPrefs } from './schema'

export interface HealthOptions {
  /** Provider-side failures in a row that start a cool-down. */
  failuresToCool?: number
  /** ... when they all fell within this many ms. */
  failureWindowMs?: number
  /** How long a failing provider is tried last, ms. */
  coolDownMs?: number
  /** Samples older than this are not used for sorting, ms. */
  statsWindowMs?: number
  /** Samples kept per endpoint. */
  maxSamples?: number
  now?: () => number
}

/** One upstream attempt, as the proxy saw it. */
export interface AttemptOutcome {
  model: string
  provider: string
  /** False when the provider failed (connection, timeout, 5xx, 429, provider-side 4xx, bad answer). */
  ok: boolean
  /** ms from the call's start to the provider's response headers. */
  ttfbMs?: number
  /** Output tokens per second after the first token (streamed calls). */
  tokensPerSecond?: number
}

interface Sample {
  at: number
  value: number
}

class Ring {
  private items: Sample[] = []
  private next = 0
  constructor(private readonly size: number) {}
  push(s: Sample) {
    if (this.items.length < this.size) this.items.push(s)
    else this.items[this.next] = s
    this.next = (this.next + 1) % this.size
  }
  /** Median of the samples taken since `since`, or undefined without any. */
  median(since: number): number | undefined {
    const values = this.items.filter((s) => s.at >= since).map((s) => s.value)
    if (values.length === 0) return undefined
    values.sort((a, b) => a - b)
    return values[Math.floor((values.length - 1) / 2)]
  }
}

interface EndpointHealth {
  latency: Ring
  throughput: Ring
  /** Times of the provider-side failures in the current run (reset by a success). */
  failures: number[]
  coolUntil: number
}

/** What the proxy needs of a health tracker (tests may inject their own). */
export interface HealthTracker {
  record(outcome: AttemptOutcome): void
  arrange(list: Candidate[], prefs?: ProviderPrefs): Candidate[]
}

export class ProviderHealth implements HealthTracker {
  private endpoints = new Map<string, EndpointHealth>()
  private readonly o: Required<HealthOptions>

  constructor(options: HealthOptions = {}) {
    this.o = {
      failuresToCool: 3,
      failureWindowMs: 60_000,
      coolDownMs: 30_000,
      statsWindowMs: 30 * 60_000,
      maxSamples: 100,
      now: Date.now,
      ...options,
    }
  }

  private get(model: string, provider: string): EndpointHealth {
    const key = `${model}\u0000${provider}`
    let e = this.endpoints.get(key)
    if (!e) {
      e = { latency: new Ring(this.o.maxSamples), throughput: new Ring(this.o.maxSamples), failures: [], coolUntil: 0 }
      this.endpoints.set(key, e)
    }
    return e
  }

  record(outcome: AttemptOutcome): void {
    const now = this.o.now()
    const e = this.get(outcome.model, outcome.provider)
    if (outcome.ok) {
      e.failures = []
      e.coolUntil = 0
      if (outcome.ttfbMs !== undefined) e.latency.push({ at: now, value: outcome.ttfbMs })
      if (outcome.tokensPerSecond !== undefined && Number.isFinite(outcome.tokensPerSecond))
        e.throughput.push({ at: now, value: outcome.tokensPerSecond })
      return
    }
    e.failures = e.failures.filter((t) => now - t <= this.o.failureWindowMs)
    e.failures.push(now)
    if (e.failures.length >= this.o.failuresToCool) {
      e.coolUntil = now + this.o.coolDownMs
      // One more failure after the cool-down (the probe) starts the next one at once.
      e.failures = e.failures.slice(-(this.o.failuresToCool - 1))
    }
  }

  /** Whether the provider is in a cool-down for this model. */
  coolingDown(model: string, provider: string): boolean {
    return (this.endpoints.get(`${model}\u0000${provider}`)?.coolUntil ?? 0) > this.o.now()
  }

  /** Median time to first byte over the stats window, ms. */
  latencyP50(model: string, provider: string): number | undefined {
    return this.endpoints.get(`${model}\u0000${provider}`)?.latency.median(this.o.now() - this.o.statsWindowMs)
  }

  /** Median output tokens per second over the stats window. */
  throughputP50(model: string, provider: string): number | undefined {
    return this.endpoints.get(`${model}\u0000${provider}`)?.throughput.median(this.o.now() - this.o.statsWindowMs)
  }

  /**
   * The candidates in the order to try them. `sort: latency` (lowest median first) and
   * `throughput` (highest first) order the endpoints with measurements, those without follow in
   * the given (price) order. An explicit `provider.order` from the caller is kept as it is.
   * Endpoints cooling down go last either way.
   */
  arrange(list: Candidate[], prefs: ProviderPrefs = {}): Candidate[] {
    let out = list
    if (!prefs.order?.length && (prefs.sort === 'latency' || prefs.sort === 'throughput')) {
      const metric = (c: Candidate) =>
        prefs.sort === 'latency'
          ? this.latencyP50(c.model.id, c.endpoint.provider)
          : this.throughputP50(c.model.id, c.endpoint.provider)
      const measured = list.map((c) => ({ c, m: metric(c) }))
      const withData = measured.filter((x) => x.m !== undefined)
      withData.sort((a, b) => (prefs.sort === 'latency' ? a.m! - b.m! : b.m! - a.m!))
      out = [...withData.map((x) => x.c), ...measured.filter((x) => x.m === undefined).map((x) => x.c)]
    }
    const cooling = out.filter((c) => this.coolingDown(c.model.id, c.endpoint.provider))
    if (cooling.length === 0 || cooling.length === out.length) return out
    return [...out.filter((c) => !cooling.includes(c)), ...cooling]
  }
}
