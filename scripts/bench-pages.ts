/**
 * `npm run bench:pages [-- --runs 3] [--pages home,models,…] [--forms mobile,desktop] [--save <dir>] [--json]`
 *
 * How fast each page type loads on a phone and on a desktop, next to the framework's floor,
 * measured by Lighthouse in one run on this machine.
 *
 * 1. Needs the built site (`npm run build`: `.next/` and `dist/server.mjs`); serves it as
 *    `npm start` does (`node dist/server.mjs -p PORT -H 127.0.0.1`).
 * 2. Builds the reference app in bench/bare-next/ on first use (again whenever its files or the
 *    Next version change) and serves it with `next start`: one App Router page with a static
 *    150-row table and one client button, made with the site's own next and react. That page is
 *    the floor: what React and Next cost on this machine with nothing else.
 * 3. Runs Lighthouse (the pinned devDependency, Debian's Chromium through `CHROME_PATH`, default
 *    /usr/bin/chromium) on the floor and on one page of each type, interleaved: every round
 *    visits every page once per form factor, so load from other processes on the machine
 *    spreads over all of them rather than landing on one page. The mobile preset is
 *    Lighthouse's default (slow 4G, 4× CPU slowdown); desktop is `--preset=desktop`. Before the
 *    first round every page is loaded twice in Chromium (the server's compressed copies are
 *    made, as for a site in use); before each run its HTML is fetched three times and left to
 *    settle (no regeneration during the measured load).
 * 4. Prints, per form factor, the median of the runs for each page: performance score, LCP,
 *    TBT, bytes transferred, JavaScript boot time (Lighthouse's "bootup-time": script
 *    evaluation, parse and compile on the main thread), request count, and each page against the
 *    floor with the goals of issue 14 (score within 3 points, LCP at most 0.2 s above, TBT at
 *    most 1.3×, bytes at most 2×; desktop 100).
 *
 * `--baseline <dir>` also serves another build of the site (a directory holding its `.next/`,
 * `dist/`, `public/`, `lib/store/migrations/` (the server applies them at start) and
 * `package.json`, with `node_modules` linked; e.g. a copy made before a change) and measures its pages in the same rounds, as `before:<page>`: a before/after
 * comparison under the same machine load.
 *
 * `--save <dir>` keeps every Lighthouse report (JSON) for a closer look (traces are not kept;
 * use Chromium's performance panel for those). The machine's load average is printed: other
 * builds running alongside inflate every figure, the floor's too; compare ratios.
 */
import type { ChildProcess } from 'node:child_process'
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { parseArgs } from 'node:util'

import { chromium } from 'playwright'

import { freePort } from '../test-support/free-port'

const ROOT = process.cwd()
const BARE = join(ROOT, 'bench', 'bare-next')
const NEXT_BIN = join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next')
const LIGHTHOUSE_BIN = join(ROOT, 'node_modules', 'lighthouse', 'cli', 'index.js')
const CHROME_PATH = process.env.CHROME_PATH || process.env.CHROMIUM_PATH || '/usr/bin/chromium'
const CHROME_FLAGS = '--headless --no-sandbox --disable-gpu'

/** One page of each type. The ids are real catalog entries; change them here if the catalog drops one. */
const PAGES: Record<string, string> = {
  home: '/',
  models: '/models',
  model: '/models/openai/gpt-4o-mini',
  compare: '/compare?models=openai/gpt-4o-mini,anthropic/claude-haiku-4-5,google/gemini-2.5-flash',
  vendor: '/vendors/openai',
  provider: '/providers/openai',
  router: '/routers/balanced-small',
}
const FORMS = ['mobile', 'desktop'] as const
type Form = (typeof FORMS)[number]

/** Issue 14's goals, relative to the floor measured in the same run. */
const GOAL = { scoreBelow: 3, lcpAboveMs: 200, tbtRatio: 1.3, bytesRatio: 2 }

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    pages: { type: 'string' },
    forms: { type: 'string', default: FORMS.join(',') },
    save: { type: 'string' },
    baseline: { type: 'string' },
    json: { type: 'boolean', default: false },
  },
})
const runs = Number(args.runs)
const pageNames = args.pages ? args.pages.split(',') : Object.keys(PAGES)
const forms = args.forms.split(',') as Form[]
const unknownPage = pageNames.find((p) => !(p in PAGES))
const unknownForm = forms.find((f) => !FORMS.includes(f))
if (!Number.isInteger(runs) || runs < 1 || unknownPage || unknownForm) {
  console.error(
    unknownPage
      ? `Unknown page "${unknownPage}"; pages: ${Object.keys(PAGES).join(', ')}`
      : unknownForm
        ? `Unknown form factor "${unknownForm}"; forms: ${FORMS.join(', ')}`
        : '--runs must be a positive whole number',
  )
  process.exit(2)
}
const log = (s: string) => {
  if (!args.json) console.log(s)
}

function run(cmd: string, argv: string[], opts: { env?: NodeJS.ProcessEnv } = {}) {
  return new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn(cmd, argv, { cwd: ROOT, env: opts.env ?? process.env, stdio: 'pipe' })
    const out: string[] = []
    child.stdout.on('data', (b: Buffer) => out.push(b.toString()))
    child.stderr.on('data', (b: Buffer) => out.push(b.toString()))
    child.on('close', (code) => resolve({ code, output: out.join('') }))
  })
}

/** Files of the reference app plus the Next version: the build is redone when this changes. */
function bareStamp(): string {
  const hash = createHash('sha256')
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      if (name === '.next' || name === 'node_modules' || name === 'next-env.d.ts') continue
      const path = join(dir, name)
      if (statSync(path).isDirectory()) walk(path)
      else hash.update(relative(BARE, path)).update(readFileSync(path))
    }
  }
  walk(BARE)
  hash.update(JSON.parse(readFileSync(join(ROOT, 'node_modules', 'next', 'package.json'), 'utf8')).version)
  return hash.digest('hex')
}

async function buildBare() {
  const stampFile = join(BARE, '.next', 'bench-stamp')
  const stamp = bareStamp()
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) return
  log('Building the bare-Next reference (bench/bare-next)…')
  // Next must pick NODE_ENV itself (as scripts/lib/isolated-build.ts does).
  const { NODE_ENV: _nodeEnv, ...inherited } = process.env
  const env: Record<string, string | undefined> = { ...inherited, NEXT_TELEMETRY_DISABLED: '1' }
  const { code, output } = await run(process.execPath, [NEXT_BIN, 'build', BARE], { env: env as NodeJS.ProcessEnv })
  if (code !== 0) throw new Error(`Building bench/bare-next failed (exit ${code}):\n${output.slice(-4000)}`)
  writeFileSync(stampFile, stamp)
}

const servers: ChildProcess[] = []
function stopServers() {
  for (const child of servers) {
    try {
      if (child.pid) process.kill(-child.pid, 'SIGTERM')
    } catch {
      // already gone
    }
  }
}
process.once('exit', stopServers)
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => {
    stopServers()
    process.exit(130)
  })

async function serve(label: string, argv: string[], probe: string, cwd = ROOT): Promise<string> {
  const port = await freePort()
  const child = spawn(process.execPath, [...argv, '-p', String(port), '-H', '127.0.0.1'], {
    cwd,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' },
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true,
  })
  servers.push(child)
  const errors: string[] = []
  child.stderr?.on('data', (b: Buffer) => errors.push(b.toString()))
  const url = `http://127.0.0.1:${port}`
  for (let i = 0; i < 120; i++) {
    if (child.exitCode !== null) break
    try {
      const res = await fetch(url + probe)
      if (res.ok) return url
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error(`${label} did not answer within 60 s:\n${errors.join('').slice(-2000)}`)
}

type Sample = {
  score: number
  lcp: number
  tbt: number
  fcp: number
  bytes: number
  boot: number
  requests: number
}

type Audit = { numericValue?: number; details?: { items?: unknown[] } }
type Report = {
  categories: { performance: { score: number | null } }
  audits: Record<string, Audit | undefined>
  runtimeError?: { message: string }
}

/**
 * The server's own work for a page done before Lighthouse loads it: here the server shares the
 * machine's two cores with the browser, so a model page regenerating in the background (its
 * `revalidate` minute has passed) or a body being compressed at brotli's best quality would slow
 * the measured load, where on a phone that work is on another machine. A visit starts the
 * regeneration; the next, a second later, gets the new page; a third, as for any page people
 * keep visiting, has the server keep it at its best compression (lib/server/compress.ts).
 */
async function settle(url: string) {
  const get = () => fetch(url, { headers: { 'accept-encoding': 'br, gzip' } }).then((r) => r.arrayBuffer())
  await get()
  await sleep(1_000)
  await get()
  await get()
  await sleep(800)
}

/**
 * Each page loaded twice in Chromium before the first round, with everything it fetches as it
 * loads (scripts, styles, the islands that go live in view and their data): the site compresses
 * a response with brotli 5 the first time it is asked for and with brotli 11 in the background
 * once it is asked for again (lib/server/compress.ts), so without this the first rounds measured
 * a server that had never been visited (~13 KB more on the router page), not a site in use.
 */
async function warmUp(urls: string[]) {
  const browser = await chromium.launch({ executablePath: CHROME_PATH, args: ['--no-sandbox'] })
  try {
    for (let visit = 0; visit < 2; visit++)
      for (const url of urls) {
        const page = await browser.newPage({ viewport: { width: 412, height: 823 } })
        await page.goto(url, { waitUntil: 'load' })
        await sleep(1_500)
        await page.close()
      }
  } finally {
    await browser.close()
  }
  await sleep(3_000) // the best-quality copies are made one at a time, off the main thread
}

async function lighthouse(url: string, form: Form, saveAs?: string): Promise<Sample> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-pages-'))
  try {
    const out = join(dir, 'report.json')
    const argv = [
      LIGHTHOUSE_BIN,
      url,
      '--output=json',
      `--output-path=${out}`,
      '--only-categories=performance',
      `--chrome-flags=${CHROME_FLAGS}`,
      '--quiet',
      ...(form === 'desktop' ? ['--preset=desktop'] : []),
    ]
    const { code, output } = await run(process.execPath, argv, { env: { ...process.env, CHROME_PATH } })
    if (code !== 0 || !existsSync(out))
      throw new Error(`Lighthouse failed on ${url} (exit ${code}):\n${output.slice(-2000)}`)
    const text = readFileSync(out, 'utf8')
    if (saveAs) writeFileSync(saveAs, text)
    const report = JSON.parse(text) as Report
    if (report.runtimeError) throw new Error(`Lighthouse on ${url}: ${report.runtimeError.message}`)
    const num = (id: string) => report.audits[id]?.numericValue ?? Number.NaN
    return {
      score: Math.round((report.categories.performance.score ?? Number.NaN) * 100),
      lcp: num('largest-contentful-paint'),
      tbt: num('total-blocking-time'),
      fcp: num('first-contentful-paint'),
      bytes: num('total-byte-weight'),
      boot: num('bootup-time'),
      requests: report.audits['network-requests']?.details?.items?.length ?? Number.NaN,
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2
}
const medianSample = (samples: Sample[]): Sample => ({
  score: median(samples.map((s) => s.score)),
  lcp: median(samples.map((s) => s.lcp)),
  tbt: median(samples.map((s) => s.tbt)),
  fcp: median(samples.map((s) => s.fcp)),
  bytes: median(samples.map((s) => s.bytes)),
  boot: median(samples.map((s) => s.boot)),
  requests: median(samples.map((s) => s.requests)),
})

const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`
const kb = (bytes: number) => `${Math.round(bytes / 1024)} KB`

function verdict(form: Form, page: Sample, floor: Sample): string {
  const misses: string[] = []
  if (form === 'desktop') {
    if (page.score < 100) misses.push('score < 100')
  } else {
    if (page.score < floor.score - GOAL.scoreBelow) misses.push('score')
    if (page.lcp > floor.lcp + GOAL.lcpAboveMs) misses.push('LCP')
    if (page.tbt > floor.tbt * GOAL.tbtRatio) misses.push('TBT')
  }
  if (page.bytes > floor.bytes * GOAL.bytesRatio) misses.push('bytes')
  return misses.length ? `miss: ${misses.join(', ')}` : 'ok'
}

function table(form: Form, results: Map<string, Sample[]>) {
  const floor = medianSample(results.get('floor')!)
  const lines = [
    `### ${form} (median of ${runs})`,
    '',
    '| page | perf | LCP | TBT | bytes | JS boot | requests | vs floor: perf, LCP, TBT, bytes | goal |',
    '|---|---|---|---|---|---|---|---|---|',
  ]
  for (const [name, samples] of results) {
    const m = medianSample(samples)
    const page = name.replace(/^before:/, '')
    const label = name === 'floor' ? 'bare Next (floor)' : `${name} \`${PAGES[page]}\``
    const vs =
      name === 'floor'
        ? ''
        : `${m.score - floor.score >= 0 ? '+' : ''}${m.score - floor.score}, ` +
          `${m.lcp - floor.lcp >= 0 ? '+' : ''}${((m.lcp - floor.lcp) / 1000).toFixed(2)} s, ` +
          `${(m.tbt / Math.max(floor.tbt, 1)).toFixed(2)}×, ${(m.bytes / floor.bytes).toFixed(2)}×`
    lines.push(
      `| ${label} | ${m.score} | ${secs(m.lcp)} | ${Math.round(m.tbt)} ms | ${kb(m.bytes)} | ${secs(m.boot)} | ${m.requests} | ${vs} | ${name === 'floor' ? '' : verdict(form, m, floor)} |`,
    )
  }
  return lines.join('\n')
}

async function main() {
  if (!existsSync(CHROME_PATH))
    throw new Error(`No Chromium at ${CHROME_PATH}: apt-get install -y chromium, or set CHROME_PATH`)
  if (!existsSync(join(ROOT, '.next', 'BUILD_ID')) || !existsSync(join(ROOT, 'dist', 'server.mjs')))
    throw new Error('No build: run `npm run build` first (bench:pages measures the built site).')
  if (args.baseline && !existsSync(join(args.baseline, 'dist', 'server.mjs')))
    throw new Error(
      `--baseline ${args.baseline}: no dist/server.mjs there (copy a built site's .next, dist, public, lib/store/migrations and package.json)`,
    )
  await buildBare()

  const site = await serve('The site (dist/server.mjs)', ['dist/server.mjs'], '/robots.txt')
  const bare = await serve('The bare-Next reference', [NEXT_BIN, 'start', BARE], '/')
  const before = args.baseline
    ? await serve('The baseline build', ['dist/server.mjs'], '/robots.txt', args.baseline)
    : undefined
  const targets = [
    ['floor', `${bare}/`] as const,
    ...pageNames.flatMap((p) => [
      ...(before ? [[`before:${p}`, before + PAGES[p]] as const] : []),
      [p, site + PAGES[p]] as const,
    ]),
  ]

  // One request each first: the first render of a dynamic page warms caches Lighthouse should not pay for.
  for (const [, url] of targets) await settle(url)
  await warmUp(targets.map(([, url]) => url))

  if (args.save) mkdirSync(args.save, { recursive: true })
  const load = loadavg()
  log(
    `Load average before: ${load.map((l) => l.toFixed(2)).join(' ')} (${runs} rounds × ${targets.length} pages × ${forms.length} form factors)`,
  )
  const results = new Map<Form, Map<string, Sample[]>>(
    forms.map((f) => [f, new Map(targets.map(([name]) => [name, [] as Sample[]]))]),
  )
  const started = performance.now()
  for (let round = 1; round <= runs; round++) {
    for (const form of forms) {
      for (const [name, url] of targets) {
        const saveAs = args.save ? join(args.save, `${name}-${form}-${round}.json`) : undefined
        await settle(url)
        const sample = await lighthouse(url, form, saveAs)
        results.get(form)!.get(name)!.push(sample)
        log(
          `  round ${round} ${form.padEnd(7)} ${name.padEnd(8)} perf ${sample.score}, LCP ${secs(sample.lcp)}, TBT ${Math.round(sample.tbt)} ms, ${kb(sample.bytes)}`,
        )
      }
    }
  }
  const after = loadavg()
  if (args.json) {
    const out = Object.fromEntries(
      [...results].map(([form, byPage]) => [
        form,
        Object.fromEntries([...byPage].map(([name, samples]) => [name, { median: medianSample(samples), samples }])),
      ]),
    )
    console.log(JSON.stringify({ runs, load: { before: load, after }, results: out }, null, 2))
    return
  }
  console.log('')
  for (const form of forms) console.log(`${table(form, results.get(form)!)}\n`)
  console.log(
    `Took ${((performance.now() - started) / 60000).toFixed(1)} min; load average after: ${after.map((l) => l.toFixed(2)).join(' ')}.`,
  )
  console.log(
    `Goals (issue 14): mobile score ≥ floor − ${GOAL.scoreBelow}, LCP ≤ floor + ${GOAL.lcpAboveMs / 1000} s, TBT ≤ ${GOAL.tbtRatio}× floor, bytes ≤ ${GOAL.bytesRatio}× floor; desktop 100.`,
  )
}

main()
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    process.exitCode = 1
  })
  .finally(stopServers)
