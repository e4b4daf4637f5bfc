/**
 * `npm run bench:index [-- --models 5000] [--seed 1] [--rounds 3] [--full] [--dir <built copy>] [--keep] [--json]`
 *
 * How fast the models index answers a sort click and a search keystroke with a large catalog,
 * measured in a real browser against a production build.
 *
 * 1. Writes a synthetic catalog of N models (default 5,000; scripts/lib/synthetic-catalog.ts)
 *    and builds the site against it in a throw-away copy (scripts/lib/isolated-build.ts), so this
 *    tree's .next/ is never touched. By default only the /models route is built
 *    (`next build --debug-build-paths app/models/page.tsx,app/models/index.json/route.ts`: ~1 minute instead of ~10 for 5,000
 *    prerendered model pages; the index's code and bundles are the same); `--full` builds every
 *    page. `--dir` reuses a copy kept by an earlier `--keep` run.
 * 2. Serves the copy with `next start` and opens /models in Chromium (Debian's, as the e2e tests).
 * 3. Times, inside the page, each action from the moment it is dispatched to the next frame
 *    after React has rendered: `t0 = performance.now()`, dispatch, then
 *    `requestAnimationFrame(() => setTimeout(done))` (the timeout runs once that frame has been
 *    painted). This is input-to-next-paint, as INP counts it, for:
 *    - sort: a click on a column header button (cycling through numeric, text and date columns);
 *    - search: one keystroke in "Search models" (queries typed letter by letter, typos included,
 *      then cleared one letter at a time).
 *    Every sample checks that the view changed as expected (sort state, result count).
 * 4. Prints p50 / p95 / max per action, next to the budget (100 ms at p95).
 *
 * The machine's load average is printed too: builds running alongside inflate the figures.
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'

import { chromium } from '@playwright/test'

import { freePort } from '../test-support/free-port'
import { CONTENT_DIR_IN_COPY, isolatedBuild, prepareIsolatedProject } from './lib/isolated-build'
import { writeSyntheticCatalog } from './lib/synthetic-catalog'

const BUDGET_P95_MS = 100

const { values: args } = parseArgs({
  options: {
    models: { type: 'string', default: '5000' },
    seed: { type: 'string', default: '1' },
    rounds: { type: 'string', default: '3' },
    dir: { type: 'string' },
    keep: { type: 'boolean', default: false },
    full: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  },
})
const models = Number(args.models)
const rounds = Number(args.rounds)
if (!Number.isInteger(models) || models < 1 || !Number.isInteger(rounds) || rounds < 1) {
  console.error('--models and --rounds must be positive whole numbers')
  process.exit(2)
}

const log = (s: string) => {
  if (!args.json) console.log(s)
}

async function build(): Promise<{ dir: string; cleanup: () => void }> {
  if (args.dir) {
    if (!existsSync(join(args.dir, '.next', 'BUILD_ID')))
      throw new Error(`${args.dir} holds no build (.next/BUILD_ID missing)`)
    return { dir: args.dir, cleanup: () => {} }
  }
  const content = mkdtempSync(join(tmpdir(), 'bench-index-content-'))
  try {
    const started = performance.now()
    writeSyntheticCatalog(content, { models, seed: Number(args.seed) })
    log(
      `Synthetic catalog: ${models.toLocaleString('en-US')} models (seed ${args.seed}) written in ${Math.round(performance.now() - started)} ms`,
    )
    // No type-check: this measures the built site's runtime, and `next build` in CI type-checks the same code.
    if (args.full) {
      log('Building the whole site against it in an isolated copy (every model page is prerendered: ~10 minutes)…')
      const result = await isolatedBuild({ contentDir: content, keep: true, label: 'bench-index', skipTypecheck: true })
      if (result.exitCode !== 0) {
        result.cleanup()
        throw new Error(`next build failed (exit ${result.exitCode}):\n${result.output.slice(-4000)}`)
      }
      log(`Built in ${(result.durationMs / 1000).toFixed(1)} s: ${result.dir}`)
      return { dir: result.dir, cleanup: args.keep ? () => log(`Kept the build: --dir ${result.dir}`) : result.cleanup }
    }
    log('Building /models against it in an isolated copy…')
    const dir = prepareIsolatedProject({ contentDir: content, label: 'bench-index', skipTypecheck: true })
    const cleanupDir = () => rmSync(dir, { recursive: true, force: true })
    const t0 = performance.now()
    const code = await runBuild(dir)
    if (code.exitCode !== 0) {
      cleanupDir()
      throw new Error(`next build failed (exit ${code.exitCode}):\n${code.output.slice(-4000)}`)
    }
    log(`Built in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${dir}`)
    return { dir, cleanup: args.keep ? () => log(`Kept the build: --dir ${dir}`) : cleanupDir }
  } finally {
    rmSync(content, { recursive: true, force: true })
  }
}

/** `next build` of the /models route only, in a prepared copy. */
function runBuild(dir: string): Promise<{ exitCode: number | null; output: string }> {
  // As isolatedBuild does: Next must pick NODE_ENV itself, and the copy reads its own content.
  const { NODE_ENV: _nodeEnv, ...inherited } = process.env
  const env: Record<string, string | undefined> = {
    ...inherited,
    NEXT_TELEMETRY_DISABLED: '1',
    NO_COLOR: '1',
    CATALOG_CONTENT_DIR: CONTENT_DIR_IN_COPY,
  }
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [
        'node_modules/next/dist/bin/next',
        'build',
        '--debug-build-paths',
        // The page and the file of every row its live table fetches.
        'app/models/page.tsx,app/models/index.json/route.ts',
      ],
      {
        cwd: dir,
        env: env as NodeJS.ProcessEnv,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    )
    const out: string[] = []
    child.stdout.on('data', (b: Buffer) => out.push(b.toString()))
    child.stderr.on('data', (b: Buffer) => out.push(b.toString()))
    child.on('close', (exitCode) => resolve({ exitCode, output: out.join('') }))
  })
}

async function serve(dir: string, port: number) {
  const child = spawn(
    process.execPath,
    ['node_modules/next/dist/bin/next', 'start', '-p', String(port), '-H', '127.0.0.1'],
    {
      cwd: dir,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    },
  )
  const stop = () => {
    try {
      if (child.pid) process.kill(-child.pid, 'SIGTERM')
    } catch {
      // already gone
    }
  }
  process.once('exit', stop)
  const url = `http://127.0.0.1:${port}`
  for (let i = 0; i < 120; i++) {
    try {
      // Any answer means it is up (a /models-only build has no home page: 404).
      await fetch(`${url}/robots.txt`)
      return { url, stop }
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500))
  }
  stop()
  throw new Error('next start did not answer within 60 s')
}

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!
}

/** Sort: header titles clicked in turn (each click toggles that column's direction). */
const SORT_COLUMNS = [
  'Input',
  'Context',
  'Released',
  'Model',
  'Output',
  'Providers',
  'Max output',
  'Vendor',
  'Cache read',
  'Status',
]
/** Search: typed letter by letter, then deleted letter by letter. Typos on purpose. */
const QUERIES = ['nova 4', 'aurora', 'atlsa', 'quartz mini', 'helix', 'zeptyr', 'open']

/** Defines `window.__sort(title)` and `window.__type(value)`; each resolves with milliseconds to the next paint. */
const IN_PAGE = `
  const nextPaint = () => new Promise((r) => requestAnimationFrame(() => setTimeout(() => r(performance.now()), 0)))
  window.__sort = async (title) => {
    const th = [...document.querySelectorAll('[data-testid=models-table] thead th')].find((h) => h.textContent.trim() === title)
    const button = th && th.querySelector('button')
    if (!button) throw new Error('no "' + title + '" header')
    const before = th.getAttribute('aria-sort')
    const t0 = performance.now()
    button.click()
    const t1 = await nextPaint()
    const after = th.getAttribute('aria-sort')
    if (!after || after === before) throw new Error('sorting by ' + title + ' did not change aria-sort (' + before + ' to ' + after + ')')
    return t1 - t0
  }
  window.__type = async (value) => {
    const input = document.querySelector('input[type=search][name=q]')
    if (!input) throw new Error('no search box')
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set
    const t0 = performance.now()
    setValue.call(input, value)
    input.dispatchEvent(new Event('input', { bubbles: true }))
    const t1 = await nextPaint()
    if (input.value !== value) throw new Error('search box holds "' + input.value + '", not "' + value + '"')
    return { ms: t1 - t0, count: document.querySelector('[data-testid=result-count]').textContent }
  }
`

async function main() {
  const { dir, cleanup } = await build()
  const port = await freePort()
  const server = await serve(dir, port)
  const executablePath =
    process.env.CHROMIUM_PATH || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined)
  const browser = await chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  })
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(String(e)))
    const loadStart = Date.now()
    await page.goto(`${server.url}/models`)
    // The index fetches every row at the reader's first sign of use (a pointer over it), as a reader would.
    const ready = page.locator('[data-testid=models-index][data-ready]')
    for (let tries = 0; tries < 120; tries++) {
      await page.mouse.move(0, 0)
      await page.getByTestId('result-count').hover()
      if (await ready.count()) break
      await page.waitForTimeout(500)
    }
    await ready.waitFor({ state: 'attached', timeout: 60_000 })
    const readyMs = Date.now() - loadStart
    const countText = await page.getByTestId('result-count').textContent()
    log(`/models live (every row fetched) ${readyMs} ms after navigation; ${countText}`)
    if (!countText?.startsWith(`${models.toLocaleString('en-US')} of`))
      throw new Error(`expected ${models} models, the page says "${countText}"`)

    // In-page timing helpers: dispatch an action, resolve after the next painted frame. Passed as
    // source text: tsx compiles functions with a `__name` helper the page does not have.
    await page.evaluate(IN_PAGE)
    const sortBy = (title: string) => page.evaluate(`window.__sort(${JSON.stringify(title)})`) as Promise<number>
    const typeIn = (value: string) =>
      page.evaluate(`window.__type(${JSON.stringify(value)})`) as Promise<{ ms: number; count: string }>

    const sort: number[] = []
    const search: number[] = []
    const counts = new Set<string>()
    // One warm-up pass (JIT, first layout of every column), not recorded.
    for (const title of SORT_COLUMNS) await sortBy(title)
    for (let round = 0; round < rounds; round++) {
      for (const title of SORT_COLUMNS) {
        sort.push(await sortBy(title))
        await page.waitForTimeout(50)
      }
      for (const q of QUERIES) {
        const steps = [
          ...Array.from({ length: q.length }, (_, i) => q.slice(0, i + 1)),
          ...Array.from({ length: q.length }, (_, i) => q.slice(0, q.length - i - 1)),
        ]
        for (const value of steps) {
          const r = await typeIn(value)
          search.push(r.ms)
          counts.add(r.count)
          await page.waitForTimeout(30)
        }
      }
    }
    if (errors.length) throw new Error(`page errors:\n${errors.join('\n')}`)
    if (counts.size < 3) throw new Error(`search never changed the result count (${[...counts].join(' | ')})`)

    const summary = (xs: number[]) => ({
      samples: xs.length,
      p50: percentile(xs, 50),
      p95: percentile(xs, 95),
      max: Math.max(...xs),
    })
    const result = {
      models,
      seed: Number(args.seed),
      readyMs,
      loadAverage: loadavg().map((l) => Number(l.toFixed(2))),
      sort: summary(sort),
      search: summary(search),
      budgetP95Ms: BUDGET_P95_MS,
    }
    if (args.json) console.log(JSON.stringify(result, null, 2))
    else {
      const row = (name: string, s: ReturnType<typeof summary>) =>
        `${name.padEnd(18)} ${String(s.samples).padStart(7)} ${s.p50.toFixed(1).padStart(8)} ${s.p95.toFixed(1).padStart(8)} ${s.max.toFixed(1).padStart(8)}   ${s.p95 < BUDGET_P95_MS ? 'OK' : 'OVER'} (p95 < ${BUDGET_P95_MS} ms)`
      log('')
      log(
        `Models index at ${models.toLocaleString('en-US')} models, input to next paint (ms); load average ${result.loadAverage.join(' ')}`,
      )
      log(
        `${'action'.padEnd(18)} ${'samples'.padStart(7)} ${'p50'.padStart(8)} ${'p95'.padStart(8)} ${'max'.padStart(8)}`,
      )
      log(row('sort click', result.sort))
      log(row('search keystroke', result.search))
    }
    process.exitCode = result.sort.p95 < BUDGET_P95_MS && result.search.p95 < BUDGET_P95_MS ? 0 : 1
  } finally {
    await browser.close()
    server.stop()
    cleanup()
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
