import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import type { MockUpstream } from '@/test-support/mock-upstream'
import { startMockUpstream } from '@/test-support/mock-upstream'
import { chat, hello, testDeps } from '@/test-support/proxy-fixture'

import { ProviderHealth } from './health'
import type { Candidate } from './routing'
import { handleChat } from './web'

const candidate = (provider: string) =>
  ({ model: { id: 'm/x' }, endpoint: { provider }, apiKey: 'k', baseUrl: 'u' }) as unknown as Candidate
const providers = (list: Candidate[]) => list.map((c) => c.endpoint.provider)

describe('ProviderHealth', () => {
  it('tries a provider last for a cool-down after 3 failures in a row within a minute, then probes it', () => {
    let now = 0
    const h = new ProviderHealth({ now: () => now, coolDownMs: 30_000 })
    const list = ['a', 'b', 'c'].map(candidate)
    h.record({ model: 'm/x', provider: 'a', ok: false })
    h.record({ model: 'm/x', provider: 'a', ok: false })
    expect(providers(h.arrange(list))).toEqual(['a', 'b', 'c'])
    h.record({ model: 'm/x', provider: 'a', ok: false })
    expect(providers(h.arrange(list))).toEqual(['b', 'c', 'a'])
    now += 30_001
    expect(providers(h.arrange(list))).toEqual(['a', 'b', 'c']) // the probe
    h.record({ model: 'm/x', provider: 'a', ok: false }) // the probe failed: straight back
    expect(providers(h.arrange(list))).toEqual(['b', 'c', 'a'])
    now += 30_001
    h.record({ model: 'm/x', provider: 'a', ok: true })
    h.record({ model: 'm/x', provider: 'a', ok: false })
    expect(providers(h.arrange(list))).toEqual(['a', 'b', 'c']) // a success reset the run
  })

  it('does not cool down for failures spread over more than a minute', () => {
    let now = 0
    const h = new ProviderHealth({ now: () => now })
    for (let i = 0; i < 5; i++) {
      h.record({ model: 'm/x', provider: 'a', ok: false })
      now += 40_000
    }
    expect(h.coolingDown('m/x', 'a')).toBe(false)
  })

  it('sorts by measured latency or throughput, unmeasured providers after in price order', () => {
    let now = 0
    const h = new ProviderHealth({ now: () => now })
    const list = ['cheap', 'mid', 'dear', 'new'].map(candidate)
    for (const [provider, ttfbMs, tokensPerSecond] of [
      ['cheap', 900, 40],
      ['mid', 300, 120],
      ['dear', 500, 200],
    ] as const) {
      h.record({ model: 'm/x', provider, ok: true, ttfbMs, tokensPerSecond })
    }
    expect(providers(h.arrange(list, { sort: 'latency' }))).toEqual(['mid', 'dear', 'cheap', 'new'])
    expect(providers(h.arrange(list, { sort: 'throughput' }))).toEqual(['dear', 'mid', 'cheap', 'new'])
    expect(providers(h.arrange(list, { sort: 'price' }))).toEqual(['cheap', 'mid', 'dear', 'new'])
    // An explicit order from the caller stands.
    expect(providers(h.arrange(list, { sort: 'latency', order: ['cheap'] }))).toEqual(['cheap', 'mid', 'dear', 'new'])
    // Measurements older than 30 minutes no longer count.
    now += 31 * 60_000
    expect(providers(h.arrange(list, { sort: 'latency' }))).toEqual(['cheap', 'mid', 'dear', 'new'])
  })
})

describe('the proxy with a provider that hangs', () => {
  let mock: MockUpstream
  const logs: Record<string, unknown>[] = []
  beforeAll(async () => {
    mock = await startMockUpstream()
  })
  afterAll(() => mock.close())
  beforeEach(() => mock.reset())

  it('stops waiting for it after a few calls: later calls go straight to the next provider', async () => {
    mock.setFaults({ cheap: { fault: { kind: 'hang' } } })
    const deps = { ...testDeps(mock, logs, { CHAT_PROXY_FIRST_BYTE_TIMEOUT_MS: '300' }), health: new ProviderHealth() }
    const times: number[] = []
    for (let i = 0; i < 6; i++) {
      const started = performance.now()
      const res = await handleChat(chat(hello), deps)
      expect(res.status).toBe(200)
      expect(res.headers.get('x-provider')).toBe('dear')
      await res.text()
      times.push(performance.now() - started)
    }
    // The first three wait out the first-byte timeout; the rest do not.
    for (const t of times.slice(0, 3)) expect(t).toBeGreaterThanOrEqual(290)
    for (const t of times.slice(3)) expect(t).toBeLessThan(250)
    expect(mock.requests.filter((r) => r.provider === 'cheap')).toHaveLength(3)
  })

  it('orders by measured latency when asked', async () => {
    mock.setFaults({ cheap: { fault: { kind: 'slow', delayMs: 150 } } })
    const health = new ProviderHealth()
    const deps = { ...testDeps(mock, logs), health }
    const stream = { ...hello, stream: true }
    // One streamed call on each provider gives both a measurement.
    for (const provider of ['cheap', 'dear']) {
      const res = await handleChat(chat({ ...stream, provider: { only: [provider] } }), deps)
      await res.text()
    }
    const res = await handleChat(chat({ ...hello, provider: { sort: 'throughput' } }), deps)
    expect(res.headers.get('x-provider')).toBe('dear')
    await res.text()
    const byPrice = await handleChat(chat(hello), deps)
    expect(byPrice.headers.get('x-provider')).toBe('cheap')
    await byPrice.text()
  })
})
