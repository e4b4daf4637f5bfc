import { describe, expect, it } from 'vitest'

import { formatMs, formatRate, formatUptime } from './format'
import { modelPerformance, providerColumns } from './performance'
import type { EndpointStats, SeriesPoint } from './types'

const now = new Date('2026-12-05T15:40:00Z')
const stat = (provider: string, window: EndpointStats['window'], over: Partial<EndpointStats> = {}): EndpointStats => ({
  model: 'openai/gpt-4o-mini',
  provider,
  window,
  requests: 10,
  uptime: 1,
  ttftMs: { p50: 400, p75: 500, p90: 600, p99: 900 },
  throughput: { p50: 80, p75: 90, p90: 95, p99: 99 },
  latencyMs: { p50: 1200 },
  ...over,
})
const point = (provider: string, hour: string, requests: number, uptime = 1): SeriesPoint => ({
  model: 'openai/gpt-4o-mini',
  provider,
  hour: new Date(hour),
  requests,
  uptime,
  ttftP50Ms: 400,
  throughputP50: 80,
})
const endpoints = [
  { provider: 'openai', providerName: 'OpenAI' },
  { provider: 'azure', providerName: 'Azure' },
]

describe('modelPerformance', () => {
  it("lists measured providers in the catalog's order, then others, ignoring other models' rows", () => {
    const perf = modelPerformance(
      'openai/gpt-4o-mini',
      endpoints,
      [
        stat('retired-host', '7d'),
        stat('azure', '24h'),
        stat('openai', '30m'),
        stat('openai', '24h'),
        { ...stat('openrouter', '24h'), model: 'openai/gpt-4o' },
      ],
      [],
      now,
    )
    expect(perf.providers.map((p) => [p.provider, p.providerName])).toEqual([
      ['openai', 'OpenAI'],
      ['azure', 'Azure'],
      ['retired-host', 'retired-host'],
    ])
    expect(perf.providers[0]?.windows['30m']).toMatchObject({ requests: 10, latencyP50Ms: 1200 })
    expect(perf.providers[0]?.windows['7d']).toBeNull()
    expect(perf.measuredAt).toBe(now.toISOString())
  })

  it('gives 24 hours, oldest first and ending with the current hour, with empty hours at 0', () => {
    const perf = modelPerformance(
      'openai/gpt-4o-mini',
      endpoints,
      [stat('openai', '24h')],
      [point('openai', '2026-12-05T15:00:00Z', 7), point('openai', '2026-12-04T16:00:00Z', 3, 0.5)],
      now,
    )
    const hours = perf.providers[0]!.hours
    expect(hours).toHaveLength(24)
    expect(hours[0]).toEqual({ hour: '2026-12-04T16:00:00.000Z', requests: 3, uptime: 0.5, ttftP50Ms: 400 })
    expect(hours[23]).toMatchObject({ hour: '2026-12-05T15:00:00.000Z', requests: 7 })
    expect(hours.slice(1, 23).every((h) => h.requests === 0 && h.uptime === null)).toBe(true)
  })

  it("feeds the providers table the last 24 hours' medians", () => {
    const perf = modelPerformance('openai/gpt-4o-mini', endpoints, [stat('openai', '24h', { uptime: 0.75 })], [], now)
    expect(providerColumns(perf, 'openai')).toEqual({ ttft: 400, throughput: 80, uptime: 0.75 })
    expect(providerColumns(perf, 'azure')).toEqual({ ttft: undefined, throughput: undefined, uptime: undefined })
    expect(providerColumns(undefined, 'openai')).toEqual({ ttft: undefined, throughput: undefined, uptime: undefined })
  })
})

describe('formats', () => {
  it('reads as people write the figures', () => {
    expect(formatMs(420.4)).toBe('420 ms')
    expect(formatMs(1234)).toBe('1.2 s')
    expect(formatMs(12_345)).toBe('12 s')
    expect(formatMs(null)).toBe('—')
    expect(formatRate(85.4)).toBe('85 tok/s')
    expect(formatRate(4.25)).toBe('4.3 tok/s')
    expect(formatRate(5351.2)).toBe('5,351 tok/s')
    expect(formatUptime(1)).toBe('100 %')
    expect(formatUptime(0.5)).toBe('50.0 %')
    expect(formatUptime(undefined)).toBe('—')
  })

  it('never rounds a failure away to 100 %', () => {
    expect(formatUptime(0.9996)).toBe('99.9 %')
  })
})
