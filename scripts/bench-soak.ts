/**
 * `npm run bench:soak`: the production server under a few minutes of mixed, partly hostile load.
 *
 * Starts the mock upstream and `dist/server.mjs` (run `npm run build` first), then keeps
 * `--concurrency` callers busy for `--seconds` (bounded also by `--max-requests`) with a mix of
 * valid calls (JSON and streamed) and hostile ones (wrong key, unknown model, a 2 MB body over
 * the 1 MiB limit, a caller that leaves mid-stream). Every 10 s it samples the server's resident
 * memory and how long a page request takes meanwhile. It prints the share of calls answered as
 * expected per kind, latency percentiles, and memory over time.
 *
 * Flags: --seconds N (default 180), --concurrency N (default 16), --max-requests N (default 200000).
 */
import { existsSync, readFileSync } from 'node:fs'
import { Agent, request as httpRequest } from 'node:http'

import { startMockUpstream } from '../test-support/mock-upstream'
import { startOwnServer } from '../test-support/own-server'

const args = process.argv.slice(2)
const flag = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`)
  return i >= 0 ? Number(args[i + 1]) : fallback
}

const KEY = 'soak-key'
const agent = new Agent({ keepAlive: true, maxSockets: 256 })

interface Kind {
  name: string
  weight: number
  expect: number
  body: () => string
  key?: string
  stream?: boolean
  /** Leave after the first chunk. */
  abort?: boolean
}

const message = (content: string) => [{ role: 'user', content }]
const KINDS: Kind[] = [
  {
    name: 'json',
    weight: 60,
    expect: 200,
    body: () => JSON.stringify({ model: 'openai/gpt-4o-mini', messages: message('soak') }),
  },
  {
    name: 'stream',
    weight: 25,
    expect: 200,
    stream: true,
    body: () => JSON.stringify({ model: 'openai/gpt-4o-mini', stream: true, messages: message('soak stream') }),
  },
  {
    name: 'wrong key',
    weight: 5,
    expect: 401,
    key: 'not-a-key',
    body: () => JSON.stringify({ model: 'openai/gpt-4o-mini', messages: message('x') }),
  },
  {
    name: 'unknown model',
    weight: 4,
    expect: 404,
    body: () => JSON.stringify({ model: `nope-${Math.random().toString(36).slice(2)}`, messages: message('x') }),
  },
  {
    name: 'body 2 MB',
    weight: 3,
    expect: 413,
    body: () => JSON.stringify({ model: 'openai/gpt-4o-mini', messages: message('x'.repeat(2_000_000)) }),
  },
  {
    name: 'leaves mid-stream',
    weight: 3,
    expect: 200,
    stream: true,
    abort: true,
    body: () =>
      JSON.stringify({ model: 'openai/gpt-4o-mini', stream: true, messages: message('a reply to leave halfway') }),
  },
]

interface Result {
  kind: string
  ok: boolean
  ms: number
  ttfbMs: number
}

function call(url: string, kind: Kind): Promise<Result> {
  const body = kind.body()
  return new Promise((resolve) => {
    const start = performance.now()
    let ttfb = 0
    const done = (ok: boolean) => resolve({ kind: kind.name, ok, ms: performance.now() - start, ttfbMs: ttfb })
    const req = httpRequest(
      `${url}/api/v1/chat/completions`,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          authorization: `Bearer ${kind.key ?? KEY}`,
        },
      },
      (res) => {
        res.once('data', () => {
          ttfb = performance.now() - start
          if (kind.abort) {
            req.destroy()
            done(res.statusCode === kind.expect)
          }
        })
        res.on('data', () => {})
        res.on('end', () => done(res.statusCode === kind.expect))
        res.on('error', () => done(kind.abort === true))
      },
    )
    req.setTimeout(15_000, () => req.destroy(new Error('timeout')))
    req.on('error', () => done(false))
    req.end(body)
  })
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? Number.NaN
}
const rssMb = (pid: number) => {
  const m = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/)
  return m ? Number(m[1]) / 1024 : Number.NaN
}

async function main() {
  if (!existsSync('dist/server.mjs')) {
    console.error('No production build (dist/server.mjs): run `npm run build` first.')
    process.exit(1)
  }
  const seconds = flag('seconds', 180)
  const concurrency = flag('concurrency', 16)
  const maxRequests = flag('max-requests', 200_000)

  const mock = await startMockUpstream()
  const server = await startOwnServer({
    CHAT_PROXY_KEYS: KEY,
    CHAT_PROXY_RATE_LIMIT: '0',
    CHAT_PROXY_AUTH_FAILURES_PER_MINUTE: '0',
    OPENAI_API_KEY: 'sk-soak',
    OPENAI_BASE_URL: mock.baseUrl('openai'),
  })
  // The server's own call log is not read here: drop it rather than buffer minutes of it.
  server.proc.stdout!.removeAllListeners('data').resume()
  const pid = server.proc.pid!
  const total = KINDS.reduce((s, k) => s + k.weight, 0)
  const pick = () => {
    let r = Math.random() * total
    for (const k of KINDS) {
      r -= k.weight
      if (r < 0) return k
    }
    return KINDS[0]!
  }

  const results: Result[] = []
  const memory: Array<{ at: number; rssMb: number; pageMs: number; calls: number }> = []
  const started = performance.now()
  const sample = async () => {
    const t = performance.now()
    await fetch(`${server.url}/robots.txt`).then((r) => r.text())
    memory.push({
      at: Math.round((performance.now() - started) / 1000),
      rssMb: rssMb(pid),
      pageMs: performance.now() - t,
      calls: results.length,
    })
  }
  await sample()
  const sampler = setInterval(() => void sample(), 10_000)
  let issued = 0
  const worker = async () => {
    while (issued < maxRequests && performance.now() - started < seconds * 1000) {
      issued++
      results.push(await call(server.url, pick()))
    }
  }
  console.log(`soak: ${seconds} s, concurrency ${concurrency}, mixed load against ${server.url} …`)
  await Promise.all(Array.from({ length: concurrency }, worker))
  clearInterval(sampler)
  await sample()
  const elapsed = (performance.now() - started) / 1000

  console.log(`\n${results.length} calls in ${elapsed.toFixed(0)} s (${(results.length / elapsed).toFixed(0)} per s)\n`)
  console.log('| kind | calls | answered as expected | p50 ms | p90 ms | p99 ms |')
  console.log('|---|---|---|---|---|---|')
  for (const k of KINDS) {
    const rs = results.filter((r) => r.kind === k.name)
    const ok = rs.filter((r) => r.ok).length
    const ms = rs.map((r) => (k.stream ? r.ttfbMs : r.ms))
    console.log(
      `| ${k.name}${k.stream ? ' (first byte)' : ''} | ${rs.length} | ${((100 * ok) / Math.max(1, rs.length)).toFixed(2)} % | ${pct(ms, 50).toFixed(1)} | ${pct(ms, 90).toFixed(1)} | ${pct(ms, 99).toFixed(1)} |`,
    )
  }
  const all = results.filter((r) => r.ok).length
  console.log(`\nall calls answered as expected: ${((100 * all) / Math.max(1, results.length)).toFixed(2)} %`)
  console.log('\n| s | calls so far | server RSS MB | page request ms |')
  console.log('|---|---|---|---|')
  for (const m of memory) console.log(`| ${m.at} | ${m.calls} | ${m.rssMb.toFixed(0)} | ${m.pageMs.toFixed(1)} |`)
  const half = memory.slice(Math.floor(memory.length / 2))
  console.log(
    `\nRSS: first ${memory[0]?.rssMb.toFixed(0)} MB, second-half median ${pct(
      half.map((m) => m.rssMb),
      50,
    ).toFixed(0)} MB, last ${memory.at(-1)?.rssMb.toFixed(0)} MB`,
  )
  await server.stop()
  await mock.close()
  agent.destroy()
}

main().catch((e: unknown) => {
  console.error(e)
  process.exit(1)
})
