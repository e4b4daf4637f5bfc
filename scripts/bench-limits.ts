/**
 * `npm run bench:limits`: what shared rate limits (REDIS_URL) add to each call, on loopback.
 *
 * Runs the proxy handler (lib/proxy/handler.ts, through its web entry) against the mock upstream
 * with a stored key that has both a requests-per-minute and a tokens-per-minute limit (set high,
 * so no call is refused): per call, one `consume` (requests), one `get` (tokens) before, one
 * `penalty` (tokens) after. Three variants, interleaved round by round so machine noise hits
 * them alike: `none` (limits 0: the limiter is not asked), `memory` (rate-limiter-flexible in
 * this process, the default) and `redis` (RateLimiterRedis on a throwaway redis-server on
 * 127.0.0.1). Prints medians over rounds of the median and p90 call latency and of the CPU time
 * of this process per call, and the load average before and after (a shared machine: read the
 * ratios, not the absolutes). Bounded: --rounds N (default 5) × --calls N (default 400).
 */
import { loadavg } from 'node:os'

import { FlexibleKeyLimiter } from '../lib/proxy/key-limits'
import { KeyRegistry } from '../lib/proxy/keys'
import { handleChat } from '../lib/proxy/web'
import { redisLimits } from '../lib/server/redis-limits'
import type { StoredKey } from '../lib/store'
import { keyHash, keyIdOf } from '../lib/store/keys'
import { startMockUpstream } from '../test-support/mock-upstream'
import { chat, hello, testDeps } from '../test-support/proxy-fixture'
import { startRedisServer } from '../test-support/redis-server'

const args = process.argv.slice(2)
const flag = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`)
  return i >= 0 ? Number(args[i + 1]) : fallback
}
const ROUNDS = flag('rounds', 5)
const CALLS = flag('calls', 400)

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]!
}
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor(s.length * p))]!
}

const KEY = 'bench-limits-key'
const stored = (limited: boolean): StoredKey => ({
  id: keyIdOf(KEY),
  hash: keyHash(KEY),
  name: 'bench',
  rpm: limited ? 10_000_000 : 0,
  tpm: limited ? 2_000_000_000 : null,
  budgetDay: null,
  budgetMonth: null,
  allowedModels: null,
  expiresAt: null,
  revokedAt: null,
  createdAt: new Date(),
  updatedAt: new Date(),
})

const loadBefore = loadavg()
const mock = await startMockUpstream()
const redis = await startRedisServer()
const shared = redisLimits(redis.url, { log: () => {} })
for (let i = 0; i < 100 && !shared.connected; i++) await new Promise((r) => setTimeout(r, 50))
if (!shared.connected) throw new Error('could not connect to the throwaway redis-server')

const logs: Record<string, unknown>[] = []
async function variant(name: 'none' | 'memory' | 'redis') {
  const d = testDeps(mock, logs, { CHAT_PROXY_RATE_LIMIT: '0' })
  d.log = () => {}
  d.limiter = name === 'redis' ? shared.limiter : new FlexibleKeyLimiter()
  const keys = { keys: [stored(name !== 'none')], spend: [] }
  d.keys = new KeyRegistry([], { defaultRpm: 0 }, { keyState: async () => keys })
  await d.keys.refresh()
  return d
}
const deps = { none: await variant('none'), memory: await variant('memory'), redis: await variant('redis') }

type Figures = { p50: number; p90: number; cpuUs: number }
const results: Record<keyof typeof deps, Figures[]> = { none: [], memory: [], redis: [] }

async function run(name: keyof typeof deps): Promise<Figures> {
  const times: number[] = []
  const cpu = process.cpuUsage()
  for (let i = 0; i < CALLS; i++) {
    const t = performance.now()
    const res = await handleChat(chat(hello, { key: KEY }), deps[name])
    await res.arrayBuffer()
    if (res.status !== 200) throw new Error(`${name}: status ${res.status}`)
    times.push(performance.now() - t)
  }
  const used = process.cpuUsage(cpu)
  return { p50: median(times), p90: pct(times, 0.9), cpuUs: (used.user + used.system) / CALLS }
}

// Warm-up: JIT, connections, limiter objects.
for (const name of ['none', 'memory', 'redis'] as const) await run(name)
for (let round = 0; round < ROUNDS; round++)
  for (const name of ['none', 'memory', 'redis'] as const) results[name].push(await run(name))

const summary = Object.fromEntries(
  Object.entries(results).map(([name, rs]) => [
    name,
    {
      p50Ms: Number(median(rs.map((r) => r.p50)).toFixed(3)),
      p90Ms: Number(median(rs.map((r) => r.p90)).toFixed(3)),
      cpuUsPerCall: Math.round(median(rs.map((r) => r.cpuUs))),
    },
  ]),
) as Record<keyof typeof deps, { p50Ms: number; p90Ms: number; cpuUsPerCall: number }>
console.table(summary)
const diff = (a: 'memory' | 'redis') => ({
  addedP50Ms: Number((summary[a].p50Ms - summary.none.p50Ms).toFixed(3)),
  p50Ratio: Number((summary[a].p50Ms / summary.none.p50Ms).toFixed(2)),
  addedCpuUsPerCall: summary[a].cpuUsPerCall - summary.none.cpuUsPerCall,
})
console.log(
  JSON.stringify(
    {
      rounds: ROUNDS,
      callsPerRound: CALLS,
      memory: diff('memory'),
      redis: diff('redis'),
      redisVsMemoryP50Ratio: Number((summary.redis.p50Ms / summary.memory.p50Ms).toFixed(2)),
      loadAverage: {
        before: loadBefore.map((l) => Number(l.toFixed(2))),
        after: loadavg().map((l) => Number(l.toFixed(2))),
      },
    },
    null,
    2,
  ),
)
await shared.close()
await redis.stop()
await mock.close()
