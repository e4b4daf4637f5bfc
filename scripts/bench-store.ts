/**
 * `npm run bench:store`: what recording calls costs the server's event loop, per store mode, and
 * how long PGlite takes to start and how much memory it holds.
 *
 * Each measurement runs in a child process of its own (clean RSS and peak RSS), and the modes are
 * interleaved run by run so machine noise hits all of them alike; figures are medians over runs.
 * Modes: `off` (USAGE_STORE=off: the harness's own floor), `pglite-thread` (PGlite in the
 * server's thread), `pglite-worker` (in a worker thread: the default), and with --postgres
 * `postgres-thread` / `postgres-worker` (a throwaway PostgreSQL server started here, as in the
 * tests, its client in the server's thread or in a worker: the default).
 *
 * Per run and mode, one child opens the store on an empty data directory (first start: initdb),
 * then:
 * - record(): ns per call on the hot path (20,000 calls into a queue, no writes);
 * - steady traffic: `--rate` calls/s for `--seconds`, flushed every 250 ms (batches of rate/4).
 *   Per flush, the main thread's busy time (`eventLoopUtilization`: a worker's work is not in
 *   it), and per 250 ms the longest gap between ticks of a 1 ms timer, i.e. the longest a request
 *   arriving then would wait (scheduling noise included: compare with `off`);
 * - a burst: `--burst` calls recorded at once, then flushed: rows written per second.
 * A second child then opens the same store (later start) and times the endpoint query over
 * what the first wrote (the PostgreSQL database is emptied before each first child).
 *
 * Flags: --runs N (3), --rate N (2000), --seconds N (5), --burst N (20000), --postgres.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'

import postgres from 'postgres'

import type { StoreConfig, UsageStore } from '@/lib/store'
import { createUsageStore, openUsageStore } from '@/lib/store'
import { nullBackend } from '@/lib/store/testing/null-backend'
import type { CallRecord } from '@/lib/store/types'

const args = process.argv.slice(2)
const flag = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`)
  return i >= 0 ? Number(args[i + 1]) : fallback
}
const opt = (name: string) => {
  const i = args.indexOf(`--${name}`)
  return i >= 0 ? args[i + 1] : undefined
}

type Mode = 'off' | 'pglite-thread' | 'pglite-worker' | 'postgres-thread' | 'postgres-worker'

interface FirstResult {
  openMs: number
  rssMb: number
  peakRssMb: number
  recordNs: number
  flushes: number
  /** Share of the steady phase the main thread was busy (0–1), traffic generation included. */
  steadyUtilization: number
  /** Longest loop block per 250 ms cycle (ms): median and max over cycles. */
  gapMsMedian: number
  gapMsMax: number
  /** Main-thread busy time during a flush (ms), median over flushes. */
  busyMsMedian: number
  /** Main-thread busy time for writing 1,000 calls (ms). */
  busyMsPer1kCalls: number
  flushMsMedian: number
  burstRowsPerS: number
  burstCallsPerS: number
  burstBusyMs: number
  burstGapMs: number
  dropped: number
}
interface LaterResult {
  openMs: number
  rssMb: number
  peakRssMb: number
  statsQueryMs: number
  rows: number
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  const m = Math.floor(s.length / 2)
  return s.length === 0 ? Number.NaN : s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2
}
const mb = (bytes: number) => bytes / 1024 / 1024
const peakMb = () => process.resourceUsage().maxRSS / 1024

let seq = 0
const models = ['acme/chat-1', 'acme/chat-2', 'acme/reasoner']
const providers = ['fast-ai', 'slow-ai', 'cheap-ai']
/** A realistic call: one attempt, one in ten failed over from another provider first. */
function fakeCall(now: number): CallRecord {
  const i = seq++
  const provider = providers[i % 3]!
  const model = models[(i >> 2) % 3]!
  const ttfb = 150 + (i % 700)
  return {
    id: `gen-${process.pid}-${i}`,
    time: now,
    keyId: `key${i % 5}`,
    model,
    provider,
    providerModel: `${provider}/${model}`,
    streamed: i % 4 !== 0,
    status: 200,
    ttfbMs: ttfb,
    totalMs: ttfb + 800 + (i % 2000),
    promptTokens: 500 + (i % 1000),
    completionTokens: 200 + (i % 300),
    cachedTokens: i % 3 === 0 ? 128 : 0,
    reasoningTokens: 0,
    cost: `0.000${100 + (i % 900)}`,
    finishReason: 'stop',
    attempts:
      i % 10 === 0
        ? [
            { provider: 'slow-ai', model, status: 503, headersMs: 40, providerFailure: true },
            { provider, model, status: 200, headersMs: ttfb, providerFailure: false },
          ]
        : [{ provider, model, status: 200, headersMs: ttfb, providerFailure: false }],
  }
}
const rowsOf = (calls: number) => calls * 2 + Math.ceil(calls / 10)

function configFor(mode: Mode, dir: string, url: string | undefined): StoreConfig {
  if (mode === 'off') return { mode: 'off' }
  if (mode.startsWith('postgres')) return { mode: 'postgres', url: url!, retentionDays: 30 }
  return { mode: 'pglite', dataDir: join(dir, 'usage'), retentionDays: 30 }
}

const quiet = { info: () => {}, warn: (m: string) => console.error(m) }
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

async function open(mode: Mode, dir: string, url: string | undefined, queue: number): Promise<[UsageStore, number]> {
  const t = performance.now()
  const store = await openUsageStore(configFor(mode, dir, url), {
    inThread: mode.endsWith('-thread'),
    logger: quiet,
    maxQueue: queue,
    batchSize: 1_000_000, // the bench decides when to flush
    flushIntervalMs: 3_600_000,
  })
  return [store, performance.now() - t]
}

async function childFirst(mode: Mode, dir: string, url: string | undefined): Promise<FirstResult> {
  const rate = flag('rate', 2000)
  const seconds = flag('seconds', 5)
  const burst = flag('burst', 20_000)
  if (url && mode.startsWith('postgres')) {
    const sql = postgres(url, { max: 1, onnotice: () => {} })
    await sql`drop table if exists calls, attempts, drizzle.__drizzle_migrations`
    await sql.end()
  }
  const [store, openMs] = await open(mode, dir, url, 1_000_000)
  const rssMb = mb(process.memoryUsage().rss)

  // record() on the hot path: the queue alone (same code in every mode but off), no writes.
  const probe =
    mode === 'off'
      ? store
      : createUsageStore(nullBackend(), 'pglite', {
          maxQueue: 1_000_000,
          batchSize: 1_000_000,
          flushIntervalMs: 3_600_000,
        })
  const calls = Array.from({ length: 20_000 }, () => fakeCall(Date.now()))
  for (const c of calls.slice(0, 5_000)) probe.record(c) // warm-up
  const t0 = performance.now()
  for (const c of calls) probe.record(c)
  const recordNs = ((performance.now() - t0) * 1e6) / calls.length

  // Steady traffic, flushed every 250 ms. Per 250 ms cycle: the longest gap between ticks of a
  // 1 ms timer (the longest the loop was blocked, scheduling noise included: compare with off),
  // and the event loop's busy time during the flush (eventLoopUtilization: the main thread's
  // work for that flush; a worker's work is not in it).
  let last = performance.now()
  let maxGap = 0
  const sampler = setInterval(() => {
    const n = performance.now()
    maxGap = Math.max(maxGap, n - last)
    last = n
  }, 1)
  const perTick = rate / 100
  const ticker = setInterval(() => {
    const now = Date.now()
    for (let i = 0; i < perTick; i++) store.record(fakeCall(now))
  }, 10)
  const gaps: number[] = []
  const busy: number[] = []
  const flushMs: number[] = []
  let busyTotal = 0
  let flushedTotal = 0
  // The main thread's utilisation over the whole phase, traffic included: the difference from
  // `off` is what the store costs the server's thread.
  const steadyElu = performance.eventLoopUtilization()
  const end = Date.now() + seconds * 1000
  while (Date.now() < end) {
    maxGap = 0
    await sleep(250)
    const before = store.counters().written
    const elu = performance.eventLoopUtilization()
    const t = performance.now()
    await store.flush()
    flushMs.push(performance.now() - t)
    const active = performance.eventLoopUtilization(elu).active
    busy.push(active)
    busyTotal += active
    flushedTotal += store.counters().written - before
    gaps.push(Math.max(0, maxGap - 1))
  }
  clearInterval(ticker)
  const steadyUtilization = performance.eventLoopUtilization(steadyElu).utilization
  await store.flush()

  // A burst: many calls at once, then written as fast as the store takes them.
  const burstCalls = Array.from({ length: burst }, () => fakeCall(Date.now()))
  for (const c of burstCalls) store.record(c)
  maxGap = 0
  const elu = performance.eventLoopUtilization()
  const t = performance.now()
  await store.flush()
  const burstS = (performance.now() - t) / 1000
  const burstBusyMs = performance.eventLoopUtilization(elu).active
  await sleep(5)
  const burstGapMs = Math.max(0, maxGap - 1)
  clearInterval(sampler)
  const { dropped } = store.counters()
  await store.close()
  return {
    openMs,
    rssMb,
    peakRssMb: peakMb(),
    recordNs,
    flushes: gaps.length,
    steadyUtilization,
    gapMsMedian: median(gaps),
    gapMsMax: Math.max(...gaps),
    busyMsMedian: median(busy),
    busyMsPer1kCalls: flushedTotal > 0 ? (busyTotal / flushedTotal) * 1000 : 0,
    flushMsMedian: median(flushMs),
    burstRowsPerS: rowsOf(burst) / burstS,
    burstCallsPerS: burst / burstS,
    burstBusyMs,
    burstGapMs,
    dropped,
  }
}

async function childLater(mode: Mode, dir: string, url: string | undefined): Promise<LaterResult> {
  const [store, openMs] = await open(mode, dir, url, 1000)
  const rssMb = mb(process.memoryUsage().rss)
  const t = performance.now()
  const stats = await store.endpointStats()
  const statsQueryMs = performance.now() - t
  const usage = await store.usage({
    keyId: 'key0',
    from: new Date(0),
    to: new Date(Date.now() + 1000),
    groupBy: 'model',
  })
  await store.close()
  return { openMs, rssMb, peakRssMb: peakMb(), statsQueryMs, rows: stats.length + usage.rows.length }
}

function runChild(kind: 'first' | 'later', mode: Mode, dir: string, url: string | undefined): Promise<unknown> {
  const childArgs = ['--import', 'tsx', 'scripts/bench-store.ts', '--child', kind, '--mode', mode, '--dir', dir]
  if (url) childArgs.push('--url', url)
  for (const name of ['rate', 'seconds', 'burst']) {
    const v = opt(name)
    if (v) childArgs.push(`--${name}`, v)
  }
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, childArgs, { stdio: ['ignore', 'pipe', 'inherit'] })
    let out = ''
    child.stdout.on('data', (d) => {
      out += d
    })
    const timer = setTimeout(() => child.kill('SIGKILL'), 300_000)
    child.on('exit', (code) => {
      clearTimeout(timer)
      const last = out.trim().split('\n').pop()
      if (code !== 0 || !last) return reject(new Error(`${kind} ${mode} exited ${code}: ${out}`))
      resolve(JSON.parse(last))
    })
  })
}

const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '–')

async function main() {
  const child = opt('child')
  if (child) {
    const mode = opt('mode') as Mode
    const dir = opt('dir')!
    const result = child === 'first' ? await childFirst(mode, dir, opt('url')) : await childLater(mode, dir, opt('url'))
    console.log(JSON.stringify(result))
    return
  }

  const runs = flag('runs', 3)
  const modes: Mode[] = ['off', 'pglite-thread', 'pglite-worker']
  let server: { url: string; stop(): Promise<void> } | undefined
  if (args.includes('--postgres')) {
    const { startPostgresServer } = await import('@/lib/store/testing/postgres-server')
    server = await startPostgresServer()
    modes.push('postgres-thread', 'postgres-worker')
  }
  const first = new Map<Mode, FirstResult[]>(modes.map((m) => [m, []]))
  const later = new Map<Mode, LaterResult[]>(modes.map((m) => [m, []]))
  try {
    for (let r = 0; r < runs; r++) {
      // Rotate the order each run.
      const order = modes.map((_, i) => modes[(i + r) % modes.length]!)
      for (const mode of order) {
        const dir = mkdtempSync(join(tmpdir(), 'bench-store-'))
        try {
          const f = (await runChild('first', mode, dir, server?.url)) as FirstResult
          first.get(mode)!.push(f)
          if (mode !== 'off') later.get(mode)!.push((await runChild('later', mode, dir, server?.url)) as LaterResult)
          console.error(
            `run ${r + 1}/${runs} ${mode}: open ${fmt(f.openMs, 0)} ms, busy/flush ${fmt(f.busyMsMedian, 2)} ms, longest block/cycle ${fmt(f.gapMsMedian, 2)} ms`,
          )
        } finally {
          rmSync(dir, { recursive: true, force: true })
        }
      }
    }
  } finally {
    await server?.stop()
  }

  const m = <T>(xs: T[], key: keyof T) => median(xs.map((x) => x[key] as number))
  const rate = flag('rate', 2000)
  console.log(
    `\nbench:store — medians over ${runs} runs; steady ${rate} calls/s flushed every 250 ms (~${rate / 4} calls per batch)\n`,
  )
  console.log(
    '| mode | record() ns/call | main thread busy, steady phase | main-thread busy per flush, ms | busy per 1,000 calls, ms | longest block per 250 ms, median (max) ms | flush wall ms | burst rows/s | burst: busy ms / longest block ms |',
  )
  console.log('|---|---|---|---|---|---|---|---|---|')
  for (const mode of modes) {
    const xs = first.get(mode)!
    console.log(
      `| ${mode} | ${fmt(m(xs, 'recordNs'), 0)} | ${fmt(m(xs, 'steadyUtilization') * 100, 1)} % | ${fmt(m(xs, 'busyMsMedian'), 2)} | ${fmt(m(xs, 'busyMsPer1kCalls'), 1)} | ${fmt(m(xs, 'gapMsMedian'), 2)} (${fmt(Math.max(...xs.map((x) => x.gapMsMax)), 1)}) | ${fmt(m(xs, 'flushMsMedian'), 1)} | ${mode === 'off' ? '–' : fmt(m(xs, 'burstRowsPerS'), 0)} | ${fmt(m(xs, 'burstBusyMs'), 0)} / ${fmt(m(xs, 'burstGapMs'), 0)} |`,
    )
  }
  console.log(
    '\n| mode | first start ms | RSS after / peak MB | later start ms | RSS after / peak MB | endpoint query ms |',
  )
  console.log('|---|---|---|---|---|---|')
  for (const mode of modes.filter((x) => x !== 'off')) {
    const f = first.get(mode)!
    const l = later.get(mode)!
    console.log(
      `| ${mode} | ${fmt(m(f, 'openMs'), 0)} | ${fmt(m(f, 'rssMb'), 0)} / ${fmt(m(f, 'peakRssMb'), 0)} | ${fmt(m(l, 'openMs'), 0)} | ${fmt(m(l, 'rssMb'), 0)} / ${fmt(m(l, 'peakRssMb'), 0)} | ${fmt(m(l, 'statsQueryMs'), 1)} |`,
    )
  }
  const dropped = modes.flatMap((mode) => first.get(mode)!.map((x) => x.dropped)).reduce((a, b) => a + b, 0)
  if (dropped > 0) console.log(`\n(${dropped} calls dropped in all: the queue bound was hit)`)
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : e)
  process.exit(1)
})
