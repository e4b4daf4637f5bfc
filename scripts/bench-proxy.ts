/**
 * `npm run bench:proxy`: what the chat proxy costs on the request path, measured side by side.
 *
 * Starts the mock upstream (test-support/mock-upstream.ts), a bare `node:http` + `fetch`
 * pass-through (below: the floor for any Node proxy), the same pass-through on undici's
 * `request` (`pass-undici`: the proxy's own client, so the floor for this proxy), the built site
 * (`npm start`; run `npm run build` first) and, for comparison, the same handler behind Next's
 * own route (`next start`, `next-route`: the way in that `npm start` bypasses for the chat
 * routes). It sends the same chat request to each, direct to the upstream and through each of
 * them, non-streaming and streaming, at concurrency 1 and 8. Targets are interleaved round by
 * round so machine noise hits all of them alike; figures are medians over rounds. Every loop is
 * bounded in count and time.
 *
 * The built site runs three times: with the usage store off (`proxy`, the baseline), on PGlite
 * (`store-pglite`, the default, in a temporary DATA_DIR) and on a throwaway PostgreSQL server
 * (`store-pg`, Debian's `postgresql`; skipped, saying so, when it is not installed). Budgets:
 * with the store on, at least 90 % of the store-off requests per second at concurrency 8, and at
 * most 0.1 ms more median latency at concurrency 1.
 *
 * Each store-on target also prints its CPU per call (every thread of the server, and the database
 * server's processes for store-pg, from /proc) beside the store-off server's: unlike requests per
 * second, that figure holds on a busy machine.
 *
 * Flags: --rounds N (default 5), --requests N (per round and target, default 500), --port-base N,
 * --targets a,b (only these, e.g. `--targets direct,proxy,store-pglite`).
 */
import type { ChildProcess } from 'node:child_process'
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { Agent, createServer, request as httpRequest } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { request as undiciRequest } from 'undici'

import type { PostgresServer } from '../lib/store/testing/postgres-server'
import { startPostgresServer } from '../lib/store/testing/postgres-server'

const args = process.argv.slice(2)
const flag = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`)
  return i >= 0 ? Number(args[i + 1]) : fallback
}

interface Sample {
  totalMs: number
  ttfbMs: number
}

const agent = new Agent({ keepAlive: true, maxSockets: 64 })

function once(url: string, body: string, headers: Record<string, string>): Promise<Sample> {
  return new Promise((resolve, reject) => {
    const start = performance.now()
    let ttfb = 0
    const req = httpRequest(
      url,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers },
      },
      (res) => {
        res.once('data', () => {
          ttfb = performance.now() - start
        })
        res.on('data', () => {})
        res.on('end', () => {
          if (res.statusCode !== 200) return reject(new Error(`${url} answered ${res.statusCode}`))
          resolve({ totalMs: performance.now() - start, ttfbMs: ttfb })
        })
        res.on('error', reject)
      },
    )
    req.setTimeout(10_000, () => req.destroy(new Error('timeout')))
    req.on('error', reject)
    req.end(body)
  })
}

async function load(
  url: string,
  body: string,
  headers: Record<string, string>,
  concurrency: number,
  count: number,
  maxMs: number,
) {
  const samples: Sample[] = []
  const started = performance.now()
  let issued = 0
  async function worker() {
    while (issued < count && performance.now() - started < maxMs) {
      issued++
      samples.push(await once(url, body, headers))
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker))
  const seconds = (performance.now() - started) / 1000
  return { samples, rps: samples.length / seconds }
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN
}
const median = (xs: number[]) => pct(xs, 50)
const signed = (x: number, digits: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(digits)}`

/**
 * CPU seconds (user + system, every thread, or one thread) a process has used, from /proc
 * (Linux): what a target costs per call no matter how busy the machine is, unlike requests per
 * second. The server's own thread (thread id = pid) is the one every call waits for.
 */
function cpuSeconds(pid: number, thread?: number): number {
  try {
    const stat = thread === undefined ? `/proc/${pid}/stat` : `/proc/${pid}/task/${thread}/stat`
    const fields = readFileSync(stat, 'utf8').split(') ')[1]!.split(' ')
    return (Number(fields[11]) + Number(fields[12])) / 100 // USER_HZ
  } catch {
    return 0
  }
}

/** The PostgreSQL server listening on `port` and its backends (a process tree under the postmaster). */
function postgresPids(port: number): number[] {
  const procs = readdirSync('/proc').filter((d) => /^\d+$/.test(d))
  const postmaster = procs.find((d) => {
    try {
      return readFileSync(`/proc/${d}/cmdline`, 'utf8').split('\0').join(' ').includes(`-p ${port} `)
    } catch {
      return false
    }
  })
  if (!postmaster) return []
  const children = procs.filter((d) => {
    try {
      return readFileSync(`/proc/${d}/stat`, 'utf8').split(') ')[1]!.split(' ')[1] === postmaster
    } catch {
      return false
    }
  })
  return [postmaster, ...children].map(Number)
}

function startChild(
  cmd: string,
  argv: string[],
  env: Record<string, string>,
  ready: RegExp,
): Promise<{ child: ChildProcess; match: RegExpMatchArray }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, argv, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    const timer = setTimeout(() => reject(new Error(`${argv.join(' ')} did not start: ${out}`)), 60_000)
    const onData = (d: Buffer) => {
      out += d.toString()
      const m = out.match(ready)
      if (m) {
        clearTimeout(timer)
        child.stdout!.off('data', onData)
        child.stdout!.resume()
        child.stderr!.resume()
        resolve({ child, match: m })
      }
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()))
    child.on('exit', (code) => reject(new Error(`${argv.join(' ')} exited ${code}: ${out}`)))
  })
}

async function main() {
  if (!existsSync('.next/BUILD_ID') || !existsSync('dist/server.mjs')) {
    console.error('No production build (.next and dist/server.mjs): run `npm run build` first.')
    process.exit(1)
  }
  const rounds = flag('rounds', 5)
  const requests = flag('requests', 500)
  const sitePort = flag('port-base', 3200)
  const tsx = 'node_modules/tsx/dist/cli.mjs'
  const only = args.includes('--targets') ? new Set(args[args.indexOf('--targets') + 1]!.split(',')) : undefined
  const wanted = (t: string) => !only || only.has(t)
  const children: ChildProcess[] = []
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-proxy-store-'))
  let pg: PostgresServer | undefined
  const stop = () => {
    for (const c of children) c.kill('SIGTERM')
  }
  process.on('exit', stop)
  try {
    const mock = await startChild(
      process.execPath,
      [tsx, 'test-support/mock-upstream.ts', '--port', String(sitePort + 1)],
      {},
      /mock upstream on (\S+)/,
    )
    children.push(mock.child)
    const mockUrl = mock.match[1]!
    const upstreamBase = `${mockUrl}/openai/v1`
    const pass = await startChild(
      process.execPath,
      [tsx, 'scripts/bench-proxy.ts', '--passthrough', upstreamBase],
      {},
      /PORT (\d+)/,
    )
    children.push(pass.child)
    const passUndici = await startChild(
      process.execPath,
      [tsx, 'scripts/bench-proxy.ts', '--passthrough', upstreamBase, 'undici'],
      {},
      /PORT (\d+)/,
    )
    children.push(passUndici.child)
    const siteEnv = {
      NEXT_TELEMETRY_DISABLED: '1',
      // The store-off baseline; the store-on servers below differ only in this.
      USAGE_STORE: 'off',
      CHAT_PROXY_KEYS: 'bench-key',
      CHAT_PROXY_RATE_LIMIT: '0',
      OPENAI_API_KEY: 'bench-upstream-key',
      OPENAI_BASE_URL: upstreamBase,
    }
    const site = await startChild(
      process.execPath,
      ['dist/server.mjs', '-p', String(sitePort), '-H', '127.0.0.1'],
      siteEnv,
      /ready on/,
    )
    children.push(site.child)
    const nextRoute = await startChild(
      process.execPath,
      ['node_modules/next/dist/bin/next', 'start', '-p', String(sitePort + 2), '-H', '127.0.0.1'],
      siteEnv,
      /Ready in/,
    )
    children.push(nextRoute.child)
    /** Per target, the processes whose CPU it costs: the server, and for store-pg the database server too. */
    const cpuPids: Record<string, () => number[]> = { proxy: () => [site.child.pid!] }
    const storeServer = async (target: string, port: number, env: Record<string, string>) => {
      const started = await startChild(
        process.execPath,
        ['dist/server.mjs', '-p', String(port), '-H', '127.0.0.1'],
        { ...siteEnv, USAGE_STORE: 'on', ...env },
        /ready on/,
      )
      children.push(started.child)
      cpuPids[target] = () => [started.child.pid!, ...(pg && target === 'store-pg' ? postgresPids(pg.port) : [])]
    }
    if (wanted('store-pglite')) await storeServer('store-pglite', sitePort + 3, { DATA_DIR: dataDir })
    if (wanted('store-pg')) {
      try {
        pg = await startPostgresServer()
        await storeServer('store-pg', sitePort + 4, { DATABASE_URL: pg.url })
      } catch (e) {
        console.log(`store-pg skipped: ${e instanceof Error ? e.message : String(e)}\n`)
        only?.delete('store-pg')
        pg = undefined
      }
    }
    const proxyTarget = (port: number) => ({
      url: `http://127.0.0.1:${port}/api/v1/chat/completions`,
      model: 'openai/gpt-4o-mini',
      headers: { authorization: 'Bearer bench-key' },
    })

    const allTargets = {
      direct: {
        url: `${upstreamBase}/chat/completions`,
        model: 'gpt-4o-mini',
        headers: { authorization: 'Bearer bench-upstream-key' },
      },
      passthrough: { url: `http://127.0.0.1:${pass.match[1]}/`, model: 'gpt-4o-mini', headers: {} },
      'pass-undici': { url: `http://127.0.0.1:${passUndici.match[1]}/`, model: 'gpt-4o-mini', headers: {} },
      proxy: proxyTarget(sitePort),
      'next-route': proxyTarget(sitePort + 2),
      'store-pglite': proxyTarget(sitePort + 3),
      'store-pg': proxyTarget(sitePort + 4),
    } as const
    type Target = keyof typeof allTargets
    // `direct` and `proxy` are the baselines the figures are given against: always measured.
    const targets = Object.fromEntries(
      Object.entries(allTargets).filter(
        ([t]) => t === 'direct' || t === 'proxy' || (wanted(t) && (t !== 'store-pg' || pg)),
      ),
    ) as Partial<typeof allTargets> & Pick<typeof allTargets, 'direct' | 'proxy'>
    const names = Object.keys(targets) as Target[]
    const isProxy = (t: Target) => t === 'proxy' || t === 'next-route' || t.startsWith('store-')
    const bodyFor = (t: Target, stream: boolean) =>
      JSON.stringify({
        model: targets[t]!.model,
        messages: [{ role: 'user', content: 'Benchmark message of a typical short length.' }],
        stream,
        ...(stream ? { stream_options: { include_usage: true } } : {}),
        ...(isProxy(t) ? { provider: { only: ['openai'] } } : {}),
      })

    // Warm up: JIT, connection pools, Next's route compilation.
    for (const t of names)
      for (const stream of [false, true])
        await load(targets[t]!.url, bodyFor(t, stream), targets[t]!.headers, 4, 200, 10_000)

    console.log(`bench:proxy: ${rounds} rounds × ${requests} requests per target and case; medians over rounds\n`)
    const rows: string[] = []
    for (const stream of [false, true]) {
      for (const concurrency of [1, 8]) {
        const results = Object.fromEntries(
          names.map((t) => [
            t,
            { p50: [] as number[], p99: [] as number[], ttfb: [] as number[], rps: [] as number[] },
          ]),
        ) as Record<Target, { p50: number[]; p99: number[]; ttfb: number[]; rps: number[] }>
        const cpuOf = (t: Target) => (cpuPids[t]?.() ?? []).reduce((sum, pid) => sum + cpuSeconds(pid), 0)
        /** The server's main thread only (its event loop: the request path). */
        const mainOf = (t: Target) => {
          const pid = cpuPids[t]?.()[0]
          return pid === undefined ? 0 : cpuSeconds(pid, pid)
        }
        const cpuBefore = Object.fromEntries(names.map((t) => [t, cpuOf(t)]))
        const mainBefore = Object.fromEntries(names.map((t) => [t, mainOf(t)]))
        const calls: Record<string, number> = Object.fromEntries(names.map((t) => [t, 0]))
        for (let r = 0; r < rounds; r++) {
          for (const t of names) {
            const { samples, rps } = await load(
              targets[t]!.url,
              bodyFor(t, stream),
              targets[t]!.headers,
              concurrency,
              requests,
              20_000,
            )
            results[t].p50.push(median(samples.map((s) => s.totalMs)))
            results[t].p99.push(
              pct(
                samples.map((s) => s.totalMs),
                99,
              ),
            )
            results[t].ttfb.push(median(samples.map((s) => s.ttfbMs)))
            results[t].rps.push(rps)
            calls[t] = (calls[t] ?? 0) + samples.length
          }
        }
        // The last batch of calls is written up to 500 ms after the last call: wait for it. Every
        // server idles as long, so timers (key reloads) count alike.
        await new Promise((resolve) => setTimeout(resolve, 1_500))
        /** Microseconds of CPU per call, every thread of the server (and the database server for store-pg). */
        const cpuPerCall = (t: Target) => ((cpuOf(t) - cpuBefore[t]!) / calls[t]!) * 1e6
        const mainPerCall = (t: Target) => ((mainOf(t) - mainBefore[t]!) / calls[t]!) * 1e6
        const m = (t: Target) => ({
          p50: median(results[t].p50),
          p99: median(results[t].p99),
          ttfb: median(results[t].ttfb),
          rps: median(results[t].rps),
        })
        const d = m('direct')
        for (const t of names) {
          const x = m(t)
          const over =
            t === 'direct'
              ? ''
              : `  (+${(x.p50 - d.p50).toFixed(2)} ms p50, +${(x.ttfb - d.ttfb).toFixed(2)} ms ttfb, ${((x.rps / d.rps) * 100).toFixed(0)}% of direct rps)`
          rows.push(
            `${stream ? 'stream' : 'json  '}  c=${concurrency}  ${t.padEnd(11)}  ${x.rps.toFixed(0).padStart(6)} req/s  p50 ${x.p50.toFixed(2).padStart(6)} ms  p99 ${x.p99.toFixed(2).padStart(6)} ms  ttfb ${x.ttfb.toFixed(2).padStart(6)} ms${over}`,
          )
        }
        const p = m('proxy')
        if (concurrency === 1) {
          rows.push(
            `  → proxy adds ${(p.p50 - d.p50).toFixed(2)} ms at the median (target ≤ 3 ms) and ${(p.ttfb - d.ttfb).toFixed(2)} ms to the first byte (target ≤ 4 ms${stream ? '' : ', streams only'})`,
          )
        } else if (targets.passthrough && targets['pass-undici']) {
          const pt = m('passthrough')
          const pu = m('pass-undici')
          rows.push(
            `  → proxy serves ${((p.rps / pt.rps) * 100).toFixed(0)}% of the bare pass-through's requests per second (target ≥ 67 %); ${((p.rps / pu.rps) * 100).toFixed(0)}% of an undici pass-through's`,
          )
        }
        for (const t of names.filter((n) => n.startsWith('store-'))) {
          const x = m(t)
          rows.push(
            concurrency === 1
              ? `  → ${t}: ${signed(x.p50 - p.p50, 3)} ms median vs store off (budget ≤ +0.1 ms)`
              : `  → ${t}: ${((x.rps / p.rps) * 100).toFixed(1)}% of store-off requests per second (budget ≥ 90 %)`,
          )
          const [on, off] = [cpuPerCall(t), cpuPerCall('proxy')]
          const [mainOn, mainOff] = [mainPerCall(t), mainPerCall('proxy')]
          rows.push(
            `    CPU per call ${on.toFixed(0)} µs vs ${off.toFixed(0)} µs store off (${signed(on - off, 0)} µs, ${signed(((on - off) / off) * 100, 0)} %); server thread ${mainOn.toFixed(0)} vs ${mainOff.toFixed(0)} µs (${signed(mainOn - mainOff, 0)})`,
          )
        }
        rows.push('')
        console.log(rows.splice(0).join('\n'))
      }
    }
  } finally {
    stop()
    agent.destroy()
    await pg?.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
  process.exit(0)
}

// ---- child mode: the bare pass-through -------------------------------------------------------
// With `undici` after the upstream URL, it calls the upstream with undici's `request` (the proxy's
// own client) instead of `fetch`: the floor for a proxy built on that client.
async function passthrough() {
  const upstream = args[1]!
  const useUndici = args[2] === 'undici'
  const headers = { 'content-type': 'application/json', authorization: 'Bearer bench-upstream-key' }
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = []
    for await (const c of req) chunks.push(c as Buffer)
    if (useUndici) {
      const r = await undiciRequest(`${upstream}/chat/completions`, {
        method: 'POST',
        headers,
        body: Buffer.concat(chunks),
      })
      res.writeHead(r.statusCode, { 'content-type': String(r.headers['content-type'] ?? 'application/json') })
      for await (const c of r.body) res.write(c)
      return void res.end()
    }
    const r = await fetch(`${upstream}/chat/completions`, { method: 'POST', headers, body: Buffer.concat(chunks) })
    res.writeHead(r.status, { 'content-type': r.headers.get('content-type') ?? 'application/json' })
    if (!r.body) return void res.end()
    for await (const c of r.body) res.write(c)
    res.end()
  })
  server.listen(0, '127.0.0.1', () => console.log(`PORT ${(server.address() as AddressInfo).port}`))
}

if (args[0] === '--passthrough') await passthrough()
else await main()
