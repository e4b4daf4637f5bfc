import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'

import { modelPerformance } from '@/lib/store/performance'
import type { EndpointStats } from '@/lib/store/types'

import { PerformanceSection } from './performance-section'

const now = new Date('2026-12-05T15:40:00Z')
const endpoints = [
  { provider: 'openai', providerName: 'OpenAI' },
  { provider: 'azure', providerName: 'Azure' },
]
const stat = (provider: string, window: EndpointStats['window'], over: Partial<EndpointStats> = {}): EndpointStats => ({
  model: 'openai/gpt-4o-mini',
  provider,
  window,
  requests: 12,
  uptime: 1,
  ttftMs: { p50: 420, p75: 500, p90: 610, p99: 950 },
  throughput: { p50: 85, p75: 90, p90: 95, p99: 99 },
  latencyMs: { p50: 1250 },
  ...over,
})
const html = (stats: EndpointStats[]) =>
  renderToStaticMarkup(
    <PerformanceSection
      modelName="GPT-4o mini"
      reading={{ state: 'measured', performance: modelPerformance('openai/gpt-4o-mini', endpoints, stats, [], now) }}
    />,
  )
const text = (markup: string) => markup.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')

describe('PerformanceSection', () => {
  it('says there was no traffic when nothing was measured (as built, before any call)', () => {
    const out = text(html([]))
    expect(out).toContain('No traffic through this site in the last 24 hours.')
    expect(out).toContain('as of 2026-12-05 15:40 UTC')
  })

  it("shows each measured provider's figures per window and a 24-hour chart", () => {
    const out = html([
      stat('openai', '30m'),
      stat('openai', '24h'),
      stat('openai', '7d', { requests: 40, uptime: 0.9 }),
    ])
    expect(text(out)).not.toContain('No traffic')
    expect(text(out)).toContain('OpenAI')
    expect(text(out)).toContain('12 requests in the last 24 hours, 100 % up')
    expect(out).toContain('data-window="24h" data-measure="First token p50">420 ms<')
    expect(out).toContain('data-window="7d" data-measure="Uptime">90.0 %<')
    expect(out).toContain('data-window="24h" data-measure="Throughput p50">85 tok/s<')
    expect(out).toContain('data-window="24h" data-measure="Latency p50">1.3 s<')
    expect(out.match(/<rect /g)).toHaveLength(24)
    expect(out).not.toContain('Azure')
  })

  it('keeps the last 7 days when the last 24 hours were quiet', () => {
    const out = text(html([stat('azure', '7d')]))
    expect(out).toContain('No traffic through this site in the last 24 hours.')
    expect(out).toContain('Azure')
    expect(out).toContain('No requests in the last 24 hours')
  })

  it('says so when the operator records nothing, or the store cannot be read', () => {
    const off = renderToStaticMarkup(<PerformanceSection modelName="x" reading={{ state: 'off' }} />)
    expect(text(off)).toContain('This site does not record its calls')
    const down = renderToStaticMarkup(<PerformanceSection modelName="x" reading={{ state: 'unavailable' }} />)
    expect(text(down)).toContain('cannot be read right now')
  })
})
