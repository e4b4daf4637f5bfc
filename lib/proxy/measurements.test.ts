import { describe, expect, it } from 'vitest'

import type { EndpointStats } from '@/lib/store/types'

import { measurementsOf, withMeasurements } from './measurements'

const stat = (
  provider: string,
  window: EndpointStats['window'],
  extra: Partial<EndpointStats> = {},
): EndpointStats => ({
  model: 'openai/gpt-4o-mini',
  provider,
  window,
  requests: 10,
  uptime: 0.9,
  ttftMs: { p50: 210.4, p75: 250.6, p90: 300.2, p99: 480.9 },
  throughput: { p50: 81.234, p75: 90.01, p90: 95.56, p99: 99.99 },
  latencyMs: { p50: 900 },
  ...extra,
})

describe('endpoint measurements', () => {
  it("uses the last 30 minutes for latency and throughput, and the day's uptime for uptime_last_1d", () => {
    const stats = [
      stat('openai', '30m'),
      stat('openai', '24h', { uptime: 0.75 }),
      stat('openai', '7d', { uptime: 0.5 }),
    ]
    expect(measurementsOf(stats, 'openai')).toEqual({
      latency_last_30m: { p50: 210, p75: 251, p90: 300, p99: 481 },
      throughput_last_30m: { p50: 81.2, p75: 90, p90: 95.6, p99: 100 },
      uptime_last_30m: 0.9,
      uptime_last_1d: 0.75,
    })
  })

  it('is null where there was no traffic, and for providers never measured', () => {
    const stats = [stat('openai', '30m', { ttftMs: null, throughput: null, uptime: null }), stat('openai', '24h')]
    expect(measurementsOf(stats, 'openai')).toMatchObject({
      latency_last_30m: null,
      uptime_last_30m: null,
      uptime_last_1d: 0.9,
    })
    expect(measurementsOf(stats, 'azure')).toEqual({
      latency_last_30m: null,
      throughput_last_30m: null,
      uptime_last_30m: null,
      uptime_last_1d: null,
    })
  })

  it('adds the fields to every endpoint of the answer, keeping the rest', () => {
    const body = {
      data: {
        id: 'm',
        endpoints: [
          { provider: 'openai', model: 'x' },
          { provider: 'azure', model: 'y' },
        ],
      },
    }
    const out = withMeasurements(body, [stat('openai', '30m')])
    expect(out.data.id).toBe('m')
    expect(out.data.endpoints[0]).toMatchObject({ provider: 'openai', model: 'x', uptime_last_30m: 0.9 })
    expect(out.data.endpoints[1]).toMatchObject({ provider: 'azure', uptime_last_30m: null })
  })
})
