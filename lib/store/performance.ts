/**
 * What the usage store measured of one model, shaped for its page: per provider, the figures of
 * the last 30 minutes, 24 hours and 7 days, and its last 24 hours hour by hour. Pure: the page
 * passes in what `endpointStats` and `endpointSeries` answered.
 */
import type { EndpointStats, Percentiles, SeriesPoint, StatsWindow } from './types'
import { WINDOWS } from './types'

const HOUR_MS = 3_600_000

/** One provider's figures over one window (none when it had no calls and no attempts in it). */
export interface WindowFigures {
  requests: number
  /** Share (0–1) of attempts that did not fail on the provider's side. */
  uptime: number | null
  /** Time to the first token, ms. */
  ttftMs: Percentiles | null
  /** Output tokens per second after the first token. */
  throughput: Percentiles | null
  /** Whole call, ms, median. */
  latencyP50Ms: number | null
}

/** One hour of the chart. */
export interface HourFigures {
  /** Start of the hour, ISO (UTC). */
  hour: string
  requests: number
  uptime: number | null
  ttftP50Ms: number | null
}

export interface ProviderPerformance {
  provider: string
  providerName: string
  windows: Record<StatsWindow, WindowFigures | null>
  /** The last 24 hours, oldest first, one entry per hour (hours without traffic have 0 requests). */
  hours: HourFigures[]
}

export interface ModelPerformance {
  /** When the figures were read, ISO: the page may be served up to a minute later. */
  measuredAt: string
  /** Providers with traffic in the last 7 days: the catalog's order (cheapest first), then any others. */
  providers: ProviderPerformance[]
}

/** A model page's performance figures; `stats` and `series` may hold other models' rows (ignored). */
export function modelPerformance(
  model: string,
  endpoints: ReadonlyArray<{ provider: string; providerName: string }>,
  stats: readonly EndpointStats[],
  series: readonly SeriesPoint[],
  now: Date,
): ModelPerformance {
  const names = new Map(endpoints.map((e) => [e.provider, e.providerName]))
  const order = new Map(endpoints.map((e, i) => [e.provider, i]))
  const measured = new Set(stats.filter((s) => s.model === model).map((s) => s.provider))
  const providers = [...measured].sort(
    (a, b) => (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity) || a.localeCompare(b),
  )
  // The chart's 24 hours end with the one now running.
  const lastHour = Math.floor(now.getTime() / HOUR_MS) * HOUR_MS
  const firstHour = lastHour - 23 * HOUR_MS
  return {
    measuredAt: now.toISOString(),
    providers: providers.map((provider) => {
      const windows = Object.fromEntries(
        WINDOWS.map((w) => {
          const s = stats.find((x) => x.model === model && x.provider === provider && x.window === w)
          const figures: WindowFigures | null = s
            ? {
                requests: s.requests,
                uptime: s.uptime,
                ttftMs: s.ttftMs,
                throughput: s.throughput,
                latencyP50Ms: s.latencyMs?.p50 ?? null,
              }
            : null
          return [w, figures]
        }),
      ) as Record<StatsWindow, WindowFigures | null>
      const byHour = new Map(
        series.filter((p) => p.model === model && p.provider === provider).map((p) => [p.hour.getTime(), p]),
      )
      const hours: HourFigures[] = []
      for (let h = firstHour; h <= lastHour; h += HOUR_MS) {
        const p = byHour.get(h)
        hours.push({
          hour: new Date(h).toISOString(),
          requests: p?.requests ?? 0,
          uptime: p?.uptime ?? null,
          ttftP50Ms: p?.ttftP50Ms ?? null,
        })
      }
      return { provider, providerName: names.get(provider) ?? provider, windows, hours }
    }),
  }
}

/** The providers table's measured columns for one provider: the last 24 hours. */
export function providerColumns(perf: ModelPerformance | undefined, provider: string) {
  const day = perf?.providers.find((p) => p.provider === provider)?.windows['24h']
  return {
    ttft: day?.ttftMs?.p50 ?? undefined,
    throughput: day?.throughput?.p50 ?? undefined,
    uptime: day?.uptime ?? undefined,
  }
}
