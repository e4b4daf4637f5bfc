/**
 * What the usage store measured of each endpoint, in OpenRouter's names, for
 * `GET /api/v1/models/<vendor>/<model>/endpoints`: `latency_last_30m` (ms to the first token,
 * p50/p75/p90/p99), `throughput_last_30m` (output tokens per second), `uptime_last_30m` and
 * `uptime_last_1d` (0..1). Each is null without traffic in its window. Pure.
 */
import type { EndpointStats } from '@/lib/store/types'

export interface Measurements {
  latency_last_30m: { p50: number; p75: number; p90: number; p99: number } | null
  throughput_last_30m: { p50: number; p75: number; p90: number; p99: number } | null
  uptime_last_30m: number | null
  uptime_last_1d: number | null
}

const round = (n: number, digits: number) => Number(n.toFixed(digits))
const percentiles = (p: { p50: number; p75: number; p90: number; p99: number } | null, digits: number) =>
  p && { p50: round(p.p50, digits), p75: round(p.p75, digits), p90: round(p.p90, digits), p99: round(p.p99, digits) }

/** The measurements of one provider's endpoint, from the stats of one model (every window). */
export function measurementsOf(stats: readonly EndpointStats[], provider: string): Measurements {
  const window = (w: EndpointStats['window']) => stats.find((s) => s.provider === provider && s.window === w)
  const recent = window('30m')
  const day = window('24h')
  return {
    latency_last_30m: percentiles(recent?.ttftMs ?? null, 0),
    throughput_last_30m: percentiles(recent?.throughput ?? null, 1),
    uptime_last_30m: recent?.uptime ?? null,
    uptime_last_1d: day?.uptime ?? null,
  }
}

/** The endpoints answer with each endpoint's measurements added. */
export function withMeasurements<T extends { data: { endpoints: Array<{ provider: string }> } }>(
  body: T,
  stats: readonly EndpointStats[],
): T {
  return {
    ...body,
    data: {
      ...body.data,
      endpoints: body.data.endpoints.map((e) => ({ ...e, ...measurementsOf(stats, e.provider) })),
    },
  }
}
