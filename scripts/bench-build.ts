/**
 * `npm run bench:build [-- --only real|synthetic] [--models N] [--seed S] [--ref COMMIT] [--keep] [--verbose]`
 *
 * `--ref` builds a commit (code and real content from `git archive`) instead of the working tree,
 * so other people's uncommitted edits cannot break or skew the measurement.
 *
 * Builds (a) the real catalog (content/) and (b) a synthetic catalog of N models (default 2,000,
 * scripts/lib/synthetic-catalog.ts), each in an isolated copy of the project (never touching
 * this tree's .next/), one after the other, and prints per build: build time, time per
 * prerendered page, output size, and the weight of a model page, next to the budgets.
 *
 * How a model page's weight is measured:
 * - HTML: every prerendered `.next/server/app/models/<vendor>/<model>.html`, gzipped with zlib
 *   (level 6, a typical server setting). The largest and the median are reported; the budget
 *   applies to the largest. The RSC payload inside the HTML (`self.__next_f.push`) is included,
 *   since it is part of the document; the separate `.rsc` file (client-side navigations) is shown
 *   for information.
 * - Page-own JS: the client reference manifest of the model route
 *   (`.next/server/app/models/[vendor]/[model]/page_client-reference-manifest.js`) lists, under
 *   `entryJSFiles`, the chunks each entry of the route needs: the root layout, not-found,
 *   global-error and the page itself. Every page loads the framework's `rootMainFiles` (from
 *   `build-manifest.json`) and the root layout's chunks, so the page's own JS is its entry's chunks
 *   minus those. Polyfill chunks are `nomodule` (modern browsers skip them) and are left out.
 *   Chunks loaded later through dynamic `import()` are not counted. As a cross-check, the same
 *   difference is computed from the HTML: the model page's `<script src>` chunks minus those
 *   of the home page; a mismatch is printed.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { availableParallelism, loadavg, tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { parseArgs } from 'node:util'
import { runInNewContext } from 'node:vm'
import { gzipSync } from 'node:zlib'

import type { IsolatedBuildResult } from './lib/isolated-build'
import { isolatedBuild, PROJECT_DIR, parseBuildOutput } from './lib/isolated-build'
import { writeSyntheticCatalog } from './lib/synthetic-catalog'

const BUDGET = {
  /** Build time of the 2,000-model synthetic catalog. */
  buildMs: 3 * 60_000,
  buildModels: 2000,
  htmlGzip: 60 * 1024,
  ownJsGzip: 30 * 1024,
}

const { values: args } = parseArgs({
  options: {
    only: { type: 'string' },
    models: { type: 'string', default: String(BUDGET.buildModels) },
    seed: { type: 'string', default: '1' },
    ref: { type: 'string' },
    keep: { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
  },
})
if (args.only && args.only !== 'real' && args.only !== 'synthetic') {
  console.error('--only must be "real" or "synthetic"')
  process.exit(2)
}
const syntheticModels = Number(args.models)
if (!Number.isInteger(syntheticModels) || syntheticModels < 1) {
  console.error('--models must be a positive whole number')
  process.exit(2)
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`
const gz = (data: Buffer | string) => gzipSync(data, { level: 6 }).length
const missed: string[] = []
const verdict = (ok: boolean, what?: string) => {
  if (!ok && what) missed.push(what)
  return ok ? 'OK' : 'OVER BUDGET'
}

function walk(dir: string, visit: (path: string, size: number) => void) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) walk(path, visit)
    else if (entry.isFile()) visit(path, lstatSync(path).size)
  }
}
function dirSize(dir: string, skip?: string): number {
  let total = 0
  walk(dir, (path, size) => {
    if (!skip || !path.startsWith(skip)) total += size
  })
  return total
}

/** Chunks referenced by `<script src="/_next/static/…">` in an HTML document, as `static/…`. */
const scriptChunks = (html: string) =>
  new Set([...html.matchAll(/<script[^>]*\ssrc="\/_next\/(static\/[^"]+\.js)"/g)].map((m) => m[1]!))

/**
 * Where a page's HTML bytes go: each `<section id>` of the markup, and the inline RSC payload
 * (the `self.__next_f.push` scripts that hydrate the page), largest first.
 */
function htmlParts(html: string): [string, number][] {
  const flight = html.indexOf('<script>self.__next_f')
  const markup = flight === -1 ? html : html.slice(0, flight)
  const starts = [...markup.matchAll(/<section[^>]*\sid="([^"]+)"/g)]
  const parts: [string, number][] = starts.map((m, i) => [
    `#${m[1]}`,
    (starts[i + 1]?.index ?? markup.length) - m.index,
  ])
  if (flight !== -1) parts.push(['inline RSC payload', html.length - flight])
  return parts.sort((a, b) => b[1] - a[1])
}

function readRscManifest(file: string): { entryJSFiles: Record<string, string[]> } {
  const sandbox = { globalThis: {} as Record<string, unknown> }
  sandbox.globalThis = sandbox
  runInNewContext(readFileSync(file, 'utf8'), sandbox)
  const manifests = (
    sandbox as unknown as { __RSC_MANIFEST: Record<string, { entryJSFiles: Record<string, string[]> }> }
  ).__RSC_MANIFEST
  const first = Object.values(manifests)[0]
  if (!first) throw new Error(`no manifest in ${file}`)
  return first
}

interface Measured {
  label: string
  models: number
  result: IsolatedBuildResult
  pages: number
  nextBytes: number
  nextBytesNoCache: number
  staticBytes: number
  modelPages: number
  largest?: { id: string; raw: number; gzip: number; rscGzip?: number; parts: [string, number][] }
  median?: { id: string; raw: number; gzip: number }
  sharedJs: { files: string[]; gzip: number }
  ownJs: { files: string[]; gzip: number }
  crossCheck?: string
}

function measure(label: string, models: number, result: IsolatedBuildResult): Measured {
  const next = join(result.dir, '.next')
  const app = join(next, 'server', 'app')
  const summary = parseBuildOutput(result.output)
  let htmlFiles = 0
  walk(app, (path) => {
    if (path.endsWith('.html')) htmlFiles++
  })

  const pagesDir = join(app, 'models')
  const modelHtml: { id: string; path: string; raw: number; gzip: number }[] = []
  if (existsSync(pagesDir)) {
    walk(pagesDir, (path, raw) => {
      if (!path.endsWith('.html')) return
      const id = relative(pagesDir, path).slice(0, -'.html'.length)
      if (id.split('/').length !== 2) return // only /models/<vendor>/<model>
      modelHtml.push({ id, path, raw, gzip: gz(readFileSync(path)) })
    })
  }
  modelHtml.sort((a, b) => a.gzip - b.gzip)
  const top = modelHtml.at(-1)
  const mid = modelHtml[Math.floor((modelHtml.length - 1) / 2)]
  const rscPath = top ? top.path.replace(/\.html$/, '.rsc') : undefined

  // JS: see the file comment.
  const chunkGzip = (files: string[]) => files.reduce((sum, f) => sum + gz(readFileSync(join(next, f))), 0)
  const buildManifest = JSON.parse(readFileSync(join(next, 'build-manifest.json'), 'utf8')) as {
    rootMainFiles: string[]
    polyfillFiles: string[]
  }
  const rsc = readRscManifest(join(app, 'models', '[vendor]', '[model]', 'page_client-reference-manifest.js'))
  const entry = (suffix: string) => Object.entries(rsc.entryJSFiles).find(([key]) => key.endsWith(suffix))?.[1] ?? []
  const polyfills = new Set(buildManifest.polyfillFiles)
  const shared = new Set([...buildManifest.rootMainFiles, ...entry('/app/layout')].filter((f) => !polyfills.has(f)))
  const own = entry('/app/models/[vendor]/[model]/page').filter((f) => !shared.has(f) && !polyfills.has(f))

  let crossCheck: string | undefined
  const home = join(app, 'index.html')
  if (top && existsSync(home)) {
    const homeScripts = scriptChunks(readFileSync(home, 'utf8'))
    const pageOnly = [...scriptChunks(readFileSync(top.path, 'utf8'))].filter(
      (f) => !homeScripts.has(f) && !polyfills.has(f),
    )
    const a = [...own].sort().join(' ')
    const b = pageOnly.sort().join(' ')
    if (a !== b)
      crossCheck = `HTML <script> tags give [${b || 'none'}] beyond the home page's, the manifest [${a || 'none'}]`
  }

  return {
    label,
    models,
    result,
    pages: summary.staticPages ?? htmlFiles,
    nextBytes: dirSize(next),
    nextBytesNoCache: dirSize(next, join(next, 'cache')),
    staticBytes: dirSize(join(next, 'static')),
    modelPages: modelHtml.length,
    largest: top && {
      id: top.id,
      raw: top.raw,
      gzip: top.gzip,
      rscGzip: rscPath && existsSync(rscPath) ? gz(readFileSync(rscPath)) : undefined,
      parts: htmlParts(readFileSync(top.path, 'utf8')),
    },
    median: mid && { id: mid.id, raw: mid.raw, gzip: mid.gzip },
    sharedJs: { files: [...shared], gzip: chunkGzip([...shared]) },
    ownJs: { files: own, gzip: chunkGzip(own) },
    crossCheck,
  }
}

function report(m: Measured, synthetic: boolean) {
  const s = parseBuildOutput(m.result.output)
  const phases = [
    s.contentMs !== undefined && `content ${secs(s.contentMs)} (${s.documents} documents)`,
    s.compileMs !== undefined && `compile ${secs(s.compileMs)}`,
    s.typecheckMs !== undefined && `type-check ${secs(s.typecheckMs)}`,
    s.staticMs !== undefined && `static pages ${secs(s.staticMs)}`,
  ].filter(Boolean)
  const lines: string[] = []
  lines.push(`\n=== ${m.label}: ${m.models.toLocaleString('en-US')} models ===`)
  let buildLine = `build time            ${secs(m.result.durationMs)}`
  if (synthetic) {
    // The budget is for 2,000 models; a smaller catalog must meet it too, a larger one is only informative.
    const note =
      m.models === BUDGET.buildModels ? '' : ` (budget is for ${BUDGET.buildModels.toLocaleString('en-US')} models)`
    const result =
      m.models <= BUDGET.buildModels ? verdict(m.result.durationMs < BUDGET.buildMs, `${m.label} build time`) : 'n/a'
    buildLine += `   budget < ${secs(BUDGET.buildMs)}: ${result}${note}`
  }
  lines.push(buildLine)
  if (phases.length) lines.push(`  phases              ${phases.join(', ')}`)
  lines.push(`prerendered pages     ${m.pages} (${m.modelPages} model pages)`)
  lines.push(
    `time per page         ${(m.result.durationMs / Math.max(1, m.pages)).toFixed(0)} ms (build time / prerendered pages)`,
  )
  lines.push(
    `.next                 ${mb(m.nextBytes)} total, ${mb(m.nextBytesNoCache)} without .next/cache (.next/static ${mb(m.staticBytes)})`,
  )
  if (m.largest && m.median) {
    lines.push(
      `model page HTML gz    largest ${kb(m.largest.gzip)} (${kb(m.largest.raw)} raw, ${m.largest.id})   budget < ${kb(BUDGET.htmlGzip)}: ${verdict(m.largest.gzip < BUDGET.htmlGzip, `${m.label} model page HTML`)}`,
    )
    lines.push(`                      median ${kb(m.median.gzip)} (${kb(m.median.raw)} raw, ${m.median.id})`)
    const parts = m.largest.parts.slice(0, 3).map(([name, bytes]) => `${name} ${kb(bytes)}`)
    lines.push(`  largest page, raw   ${parts.join(', ')} (biggest parts)`)
    if (m.largest.rscGzip !== undefined)
      lines.push(
        `  RSC payload gz      ${kb(m.largest.rscGzip)} for the largest (.rsc, fetched on client-side navigation)`,
      )
  }
  lines.push(
    `page-own JS gz        ${kb(m.ownJs.gzip)} [${m.ownJs.files.join(', ') || 'none'}]   budget < ${kb(BUDGET.ownJsGzip)}: ${verdict(m.ownJs.gzip < BUDGET.ownJsGzip, `${m.label} page-own JS`)}`,
  )
  lines.push(`  shared JS gz        ${kb(m.sharedJs.gzip)} (framework + root layout, on every page; not budgeted)`)
  if (m.crossCheck) lines.push(`  note: ${m.crossCheck}`)
  console.log(lines.join('\n'))
}

function progress(label: string) {
  let buffered = ''
  return (text: string) => {
    if (args.verbose) {
      process.stdout.write(text)
      return
    }
    buffered += text
    const lines = buffered.split('\n')
    buffered = lines.pop() ?? ''
    for (const line of lines) {
      if (
        /finished build of|Compiled successfully|Finished TypeScript|Generating static pages .*\) in|Build error|Failed|rror/.test(
          line,
        )
      ) {
        console.log(`  [${label}] ${line.trim()}`)
      }
    }
  }
}

/** The tree to build: this working tree, or a commit exported with `git archive` (`--ref`). */
function source(): { projectDir: string; cleanup: () => void } {
  if (!args.ref) return { projectDir: PROJECT_DIR, cleanup: () => {} }
  const dir = mkdtempSync(join(tmpdir(), 'bench-ref-'))
  const tar = execFileSync('git', ['-C', PROJECT_DIR, 'archive', '--format=tar', args.ref], { maxBuffer: 1 << 30 })
  execFileSync('tar', ['-x', '-C', dir], { input: tar })
  const commit = execFileSync('git', ['-C', PROJECT_DIR, 'rev-parse', '--short', args.ref], { encoding: 'utf8' }).trim()
  console.log(`building commit ${commit} (${args.ref}), not the working tree`)
  return { projectDir: dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) }
}
const tree = source()

async function run(label: string, contentDir: string, models: number, synthetic: boolean): Promise<boolean> {
  console.log(`\n${label}: building ${models.toLocaleString('en-US')} models from ${contentDir} in an isolated copy…`)
  const result = await isolatedBuild({
    contentDir,
    projectDir: tree.projectDir,
    keep: true,
    label: `bench-${label}`,
    onOutput: progress(label),
  })
  try {
    if (result.exitCode !== 0) {
      console.log(
        `\n=== ${label}: BUILD FAILED (exit ${result.exitCode}${result.timedOut ? ', timed out' : ''}) after ${secs(result.durationMs)} ===`,
      )
      console.log(result.output.split('\n').slice(-60).join('\n'))
      return false
    }
    report(measure(label, models, result), synthetic)
    return true
  } finally {
    if (args.keep) console.log(`  kept the copy: ${result.dir}`)
    else result.cleanup()
  }
}

function countModels(contentDir: string): number {
  let n = 0
  walk(join(contentDir, 'models'), (path) => {
    if (path.endsWith('.yaml')) n++
  })
  return n
}

console.log(
  `bench:build on Node ${process.version}, ${availableParallelism()} CPUs, load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
)
let ok = true
if (args.only !== 'synthetic') {
  const real = join(tree.projectDir, 'content')
  ok = (await run('real', real, countModels(real), false)) && ok
}
if (args.only !== 'real') {
  const dir = mkdtempSync(join(tmpdir(), 'bench-synthetic-content-'))
  try {
    const started = performance.now()
    const catalog = writeSyntheticCatalog(dir, { models: syntheticModels, seed: Number(args.seed) })
    console.log(
      `\nsynthetic catalog: ${catalog.models} models, ${catalog.vendors} vendors, ${catalog.providers} providers, ${catalog.endpoints} endpoints ` +
        `(largest vendor ${catalog.modelsPerVendor[0]?.join(': ')} models), written in ${secs(performance.now() - started)}`,
    )
    ok = (await run('synthetic', dir, catalog.models, true)) && ok
  } finally {
    if (args.keep) console.log(`  kept the synthetic content: ${dir}`)
    else rmSync(dir, { recursive: true, force: true })
  }
}
tree.cleanup()
console.log(`\n${!ok ? 'A build failed.' : missed.length ? `Over budget: ${missed.join('; ')}.` : 'All budgets met.'}`)
// Non-zero when a build failed or a budget was missed, so CI can run this as a check.
process.exitCode = ok && missed.length === 0 ? 0 : 1
