/**
 * Builds the site against any content directory in a throw-away copy of the project, so tests
 * and benchmarks never touch the working tree's `.next/` or `.content-collections/` (which
 * `next dev`, Playwright and other people use) and can point the content layer elsewhere.
 *
 * The copy holds the project's own files (everything at the top level except the entries in
 * `SKIPPED`), a snapshot of the content directory at `catalog-content/` and a symlink to the
 * project's `node_modules`. Next's type-check covers every file tsconfig includes, so scripts/
 * and e2e/ are copied too: the copy fails where the real build would.
 *
 * Turbopack refuses to resolve through a symlink that leaves its root ("Could not find the
 * Next.js package (next/package.json)"; the root is the project folder unless configured). The
 * copy therefore gets a small `next.config.mjs` that imports the project's own config unchanged
 * and only sets `turbopack.root` to the common ancestor of the copy and the real node_modules.
 * The project's next.config.mjs itself is not modified.
 */
import { spawn } from 'node:child_process'
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  realpathSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, parse, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The repository root (this file is scripts/lib/isolated-build.ts). */
export const PROJECT_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../..')

/** Where the content snapshot goes inside the copy; passed to the build as CATALOG_CONTENT_DIR. */
export const CONTENT_DIR_IN_COPY = 'catalog-content'

/**
 * Top-level entries never copied: dependencies (symlinked instead), build output and generated
 * content (rebuilt), the project's own content (replaced by the given one), VCS and test output.
 */
const SKIPPED = new Set([
  'node_modules',
  '.next',
  '.content-collections',
  '.git',
  'content',
  CONTENT_DIR_IN_COPY,
  'test-results',
  'playwright-report',
  'tmp',
  '.turbo',
])

const CONFIG_NAMES = ['next.config.mjs', 'next.config.js']

export interface IsolatedBuildOptions {
  /** The content root to build (vendors/, providers/, models/ inside); copied, so later edits don't matter. */
  contentDir: string
  /** The project to copy. Default: this repository (its working tree, uncommitted edits included). */
  projectDir?: string
  /** The node_modules to link. Default: the project's, else this repository's (e.g. for a `git archive` export). */
  modulesDir?: string
  /** Kill the build (whole process group) after this long. Default 15 minutes. */
  timeoutMs?: number
  /** Keep the copy after the build (inspect `.next/`, then call `cleanup()`). Default false. */
  keep?: boolean
  /** Extra environment for `next build`. */
  env?: Record<string, string | undefined>
  /** Called with each chunk of stdout/stderr as it arrives (ANSI codes removed), e.g. to show progress. */
  onOutput?: (text: string) => void
  /** Prefix of the temporary folder's name. */
  label?: string
  /**
   * Skip Next's type-check (`typescript.ignoreBuildErrors`). Off by default: the type-check is
   * part of the real build. Meant for measuring or testing content while the code has type errors.
   */
  skipTypecheck?: boolean
}

export interface IsolatedBuildResult {
  /** The build's exit code; null when it was killed. */
  exitCode: number | null
  signal: NodeJS.Signals | null
  timedOut: boolean
  /** stdout and stderr interleaved in arrival order, without ANSI codes. */
  output: string
  stdout: string
  stderr: string
  /** Wall time of `next build` alone, in milliseconds. */
  durationMs: number
  /** Wall time of making the copy, in milliseconds. */
  setupMs: number
  /** The copy of the project (already deleted unless `keep`). */
  dir: string
  /** Removes the copy; safe to call twice. */
  cleanup: () => void
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: ESC and BEL are what ANSI sequences are made of
const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b\][^\u0007]*\u0007/g
export const stripAnsi = (s: string) => s.replace(ANSI, '')

/** The deepest folder containing both absolute paths (`/` when they only share the root). */
export function commonAncestor(a: string, b: string): string {
  const pa = resolve(a).split(sep)
  const pb = resolve(b).split(sep)
  let i = 0
  while (i < pa.length && i < pb.length && pa[i] === pb[i]) i++
  const joined = pa.slice(0, i).join(sep)
  return joined === '' ? parse(resolve(a)).root : joined
}

/**
 * The copy's Next config: the project's own (`./<projectFile>`), with `turbopack.root` set to
 * `root` so the symlinked node_modules resolves, and optionally the type-check off.
 */
export function wrapperConfig(projectFile: string, root: string, skipTypecheck = false): string {
  const typescript = skipTypecheck ? ', typescript: { ...base.typescript, ignoreBuildErrors: true }' : ''
  return `// Written by scripts/lib/isolated-build.ts: the project's config, with a Turbopack root that
// reaches the symlinked node_modules.
import project from './${projectFile}'

export default async function config(phase, context) {
  // A config module may export an object, a promise (withContentCollections: resolves once the
  // content is built) or a function of the phase.
  const exported = await project
  const base = typeof exported === 'function' ? await exported(phase, context) : exported
  return { ...base, turbopack: { ...base.turbopack, root: ${JSON.stringify(root)} }${typescript} }
}
`
}

/**
 * Makes the copy (see the file comment) and returns its path. Exposed for tests; `isolatedBuild`
 * calls it.
 */
export function prepareIsolatedProject({
  contentDir,
  projectDir = PROJECT_DIR,
  modulesDir,
  label = 'catalog-build',
  skipTypecheck = false,
}: Pick<IsolatedBuildOptions, 'contentDir' | 'projectDir' | 'modulesDir' | 'label' | 'skipTypecheck'>): string {
  const content = resolve(contentDir)
  if (!existsSync(join(content, 'models'))) {
    // An empty or misplaced content root would otherwise build green with zero models.
    throw new Error(`${content} is not a content root: it has no models/ folder`)
  }
  const own = join(projectDir, 'node_modules')
  const modules = modulesDir ?? (existsSync(own) ? own : join(PROJECT_DIR, 'node_modules'))
  if (!existsSync(join(modules, 'next', 'package.json')))
    throw new Error(`no next in ${modules}: run npm install first`)

  const dir = realpathSync(mkdtempSync(join(tmpdir(), `${label}-`)))
  try {
    for (const entry of readdirSync(projectDir)) {
      if (SKIPPED.has(entry) || entry.endsWith('.tsbuildinfo')) continue
      cpSync(join(projectDir, entry), join(dir, entry), { recursive: true })
    }
    cpSync(content, join(dir, CONTENT_DIR_IN_COPY), { recursive: true })
    const realModules = realpathSync(modules)
    symlinkSync(realModules, join(dir, 'node_modules'), 'dir')

    const config = CONFIG_NAMES.find((name) => existsSync(join(dir, name)))
    if (!config) throw new Error(`no ${CONFIG_NAMES.join(' or ')} in ${projectDir}`)
    const project = `next.config.project${parse(config).ext}`
    renameSync(join(dir, config), join(dir, project))
    writeFileSync(join(dir, config), wrapperConfig(project, commonAncestor(dir, realModules), skipTypecheck))
    return dir
  } catch (error) {
    rmSync(dir, { recursive: true, force: true })
    throw error
  }
}

/** The environment `next build` runs with: the caller's, minus what would change the build. */
function buildEnv(extra: IsolatedBuildOptions['env']): NodeJS.ProcessEnv {
  // vitest sets NODE_ENV=test and Playwright may set FORCE_COLOR; Next must pick production itself.
  const {
    NODE_ENV: _nodeEnv,
    FORCE_COLOR: _forceColor,
    NEXT_PRIVATE_OUTPUT_TRACE_ROOT: _traceRoot,
    ...inherited
  } = process.env
  const env: Record<string, string | undefined> = { ...inherited }
  // Test runners hook their own loaders into child processes through NODE_OPTIONS; keep other flags.
  if (env.NODE_OPTIONS) {
    env.NODE_OPTIONS = env.NODE_OPTIONS.replace(
      /--(?:import|require|loader|experimental-loader)(?:=|\s+)\S+|-r\s+\S+/g,
      '',
    ).trim()
    if (!env.NODE_OPTIONS) delete env.NODE_OPTIONS
  }
  Object.assign(env, { NEXT_TELEMETRY_DISABLED: '1', NO_COLOR: '1', CATALOG_CONTENT_DIR: CONTENT_DIR_IN_COPY })
  for (const [k, v] of Object.entries(extra ?? {})) {
    if (v === undefined) delete env[k]
    else env[k] = v
  }
  return env as NodeJS.ProcessEnv
}

/**
 * Runs `next build` against `contentDir` in a fresh copy of the project. Never throws for a
 * failing build: check `exitCode` (0 = built) and `output`.
 */
export async function isolatedBuild(options: IsolatedBuildOptions): Promise<IsolatedBuildResult> {
  const { timeoutMs = 15 * 60_000, keep = false, onOutput } = options
  const setupStart = performance.now()
  const dir = prepareIsolatedProject(options)
  const setupMs = performance.now() - setupStart
  let cleaned = false
  const cleanup = () => {
    if (cleaned) return
    cleaned = true
    rmSync(dir, { recursive: true, force: true })
  }

  const out: string[] = []
  const stdout: string[] = []
  const stderr: string[] = []
  const start = performance.now()
  let timedOut = false

  const { exitCode, signal } = await new Promise<{ exitCode: number | null; signal: NodeJS.Signals | null }>((done) => {
    const child = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'build'], {
      cwd: dir,
      env: buildEnv(options.env),
      stdio: ['ignore', 'pipe', 'pipe'],
      // Own process group, so a timeout also ends Next's worker processes.
      detached: true,
    })
    const killGroup = (sig: NodeJS.Signals) => {
      try {
        if (child.pid) process.kill(-child.pid, sig)
      } catch {
        // already gone
      }
    }
    // If this process exits first (test runner killed), take the build down with it.
    const onExit = () => killGroup('SIGKILL')
    process.once('exit', onExit)
    let hardKill: NodeJS.Timeout | undefined
    const timer = setTimeout(() => {
      timedOut = true
      killGroup('SIGTERM')
      hardKill = setTimeout(() => killGroup('SIGKILL'), 5_000)
    }, timeoutMs)
    const collect = (sink: string[]) => (chunk: Buffer) => {
      const text = stripAnsi(chunk.toString('utf8'))
      sink.push(text)
      out.push(text)
      onOutput?.(text)
    }
    child.stdout.on('data', collect(stdout))
    child.stderr.on('data', collect(stderr))
    child.on('error', (error) => {
      out.push(`\n[isolated-build] could not start next build: ${error.message}\n`)
    })
    child.on('close', (code, sig) => {
      clearTimeout(timer)
      if (hardKill) clearTimeout(hardKill)
      process.removeListener('exit', onExit)
      done({ exitCode: code, signal: sig })
    })
  })

  const durationMs = performance.now() - start
  if (timedOut) out.push(`\n[isolated-build] killed after ${Math.round(timeoutMs / 1000)} s (timeout)\n`)
  if (!keep) cleanup()
  return {
    exitCode,
    signal,
    timedOut,
    output: out.join(''),
    stdout: stdout.join(''),
    stderr: stderr.join(''),
    durationMs,
    setupMs,
    dir,
    cleanup,
  }
}

export interface BuildSummary {
  /** Pages Next prerendered ("Generating static pages … (n/n)"). */
  staticPages?: number
  /** Documents the content layer built. */
  documents?: number
  contentMs?: number
  compileMs?: number
  typecheckMs?: number
  staticMs?: number
}

const toMs = (value: string, unit: string) => Number(value) * (unit === 'ms' ? 1 : unit === 'min' ? 60_000 : 1000)

/** The phase figures Next 16 and content-collections print during a build (undefined when absent). */
export function parseBuildOutput(output: string): BuildSummary {
  const text = stripAnsi(output)
  const summary: BuildSummary = {}
  const content = /finished build of \d+ collections and (\d+) documents in ([\d.]+)(ms|s)\b/.exec(text)
  if (content) {
    summary.documents = Number(content[1])
    summary.contentMs = toMs(content[2]!, content[3]!)
  }
  const compiled = /Compiled successfully in ([\d.]+)(ms|s|min)\b/.exec(text)
  if (compiled) summary.compileMs = toMs(compiled[1]!, compiled[2]!)
  const ts = /Finished TypeScript in ([\d.]+)(ms|s|min)\b/.exec(text)
  if (ts) summary.typecheckMs = toMs(ts[1]!, ts[2]!)
  const pages = [
    ...text.matchAll(/Generating static pages using \d+ workers? \((\d+)\/(\d+)\)(?: in ([\d.]+)(ms|s|min)\b)?/g),
  ]
  const last = pages.at(-1)
  if (last) {
    summary.staticPages = Number(last[2])
    if (last[3]) summary.staticMs = toMs(last[3], last[4]!)
  }
  return summary
}
