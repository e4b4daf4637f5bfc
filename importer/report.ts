/**
 * The import report: every change, every skip and why. Filled in by the sources and output.ts,
 * printed by the CLI.
 */
import type { HistoryReport } from './history'
import { emptyHistoryReport, formatHistory } from './history'

export interface Change {
  model: string
  /** Set for endpoint-level changes. */
  provider?: string
  field: string
  from: unknown
  to: unknown
}

/** reason → example → count. */
export type Tallies = Map<string, Map<string, number>>

export interface ImportReport {
  dryRun: boolean
  /** `date`: how recent the source's data is (input.ts snapshotDate). */
  sources: Array<{ kind: string; file: string; records: number; date?: string }>
  newModels: Array<{ id: string; providers: string[] }>
  /** Endpoints added to models that already existed. */
  newEndpoints: Array<{ model: string; provider: string; modelId: string }>
  priceChanges: Change[]
  limitChanges: Change[]
  otherChanges: Change[]
  newProviders: string[]
  newProse: string[]
  /** Generated descriptions (`generated: true`) rewritten because the facts they state changed. */
  regeneratedProse: string[]
  /** Locked fields whose source value differs from the file: kept as they are. */
  lockedKept: Change[]
  /** Endpoints in the files whose provider the sources list, but not for this model: kept. */
  notInSource: Array<{ model: string; provider: string; modelId: string }>
  /** Models in the files that no source mentions: kept. */
  modelsNotInSource: string[]
  /**
   * The same endpoint from two sources with different values: the newer source's values win
   * (`kept`), and at equal or unknown dates the later one.
   */
  conflicts: Array<{ model: string; provider: string; earlier: string; later: string; detail: string; kept: string }>
  /** LiteLLM's first-party price or limits differ from the model's first-party endpoint: information only. */
  disagreements: Array<{ model: string; provider: string; key: string; detail: string }>
  /** The date deprecation dates are compared with (set when the caller gives one). */
  today?: string
  /** Per source label: inputs skipped, by reason. */
  skipped: Map<string, Tallies>
  /** Per source label: source fields that have no place in the content model. */
  ignored: Map<string, Tallies>
  /** Facts worth a human look: renamed ids, approximate dates, loose matches. */
  notes: Map<string, string[]>
  /** Files that would not pass the schema: not written. */
  refused: Array<{ file: string; problems: string[] }>
  /** Existing files the importer could not read or validate: left untouched. */
  invalidExisting: Array<{ file: string; problems: string[] }>
  filesWritten: Array<{ path: string; kind: 'new' | 'update' }>
  /** Price history: changes held for review, periods appended, retirements (history.ts). */
  history: HistoryReport
}

export function emptyReport(dryRun: boolean): ImportReport {
  return {
    dryRun,
    sources: [],
    newModels: [],
    newEndpoints: [],
    priceChanges: [],
    limitChanges: [],
    otherChanges: [],
    newProviders: [],
    newProse: [],
    regeneratedProse: [],
    lockedKept: [],
    notInSource: [],
    modelsNotInSource: [],
    conflicts: [],
    disagreements: [],
    skipped: new Map(),
    ignored: new Map(),
    notes: new Map(),
    refused: [],
    invalidExisting: [],
    filesWritten: [],
    history: emptyHistoryReport(),
  }
}

export function tally(map: Map<string, Tallies>, source: string, reason: string, example: string): void {
  let bySource = map.get(source)
  if (!bySource) {
    bySource = new Map()
    map.set(source, bySource)
  }
  let examples = bySource.get(reason)
  if (!examples) {
    examples = new Map()
    bySource.set(reason, examples)
  }
  examples.set(example, (examples.get(example) ?? 0) + 1)
}

export function note(report: ImportReport, topic: string, text: string): void {
  const list = report.notes.get(topic) ?? []
  list.push(text)
  report.notes.set(topic, list)
}

/** True when the run changes nothing on disk. */
export function hasChanges(r: ImportReport): boolean {
  return r.filesWritten.length > 0
}

function show(v: unknown): string {
  if (v === undefined) return '(none)'
  if (typeof v === 'string') return v
  return JSON.stringify(v)
}

/** A locked field's kept value next to the source's, showing only what differs. */
function keptLine(c: Change): string {
  const where = c.provider ? `${c.model} @ ${c.provider}` : c.model
  const { from, to } = c
  if (Array.isArray(from) || Array.isArray(to)) {
    const a = Array.isArray(from) ? from : []
    const b = Array.isArray(to) ? to : []
    const key = (x: unknown) => JSON.stringify(x)
    const added = b.filter((x) => !a.some((y) => key(y) === key(x))).length
    const removed = a.filter((x) => !b.some((y) => key(y) === key(x))).length
    return `${where}: ${c.field} kept (${a.length} items; the source has ${b.length}: ${added} not in the file, ${removed} not in the source)`
  }
  if (from && to && typeof from === 'object' && typeof to === 'object') {
    const f = from as Record<string, unknown>
    const t = to as Record<string, unknown>
    const keys = [...new Set([...Object.keys(f), ...Object.keys(t)])].filter(
      (k) => JSON.stringify(f[k]) !== JSON.stringify(t[k]),
    )
    return `${where}: ${c.field} kept (${keys.map((k) => `${k} ${show(f[k])}, source ${show(t[k])}`).join('; ')})`
  }
  return `${where}: ${c.field} kept ${show(from)} (source: ${show(to)})`
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** An object-valued change (capabilities, modalities) as the keys that differ. */
function changedKeys(c: Change): Array<{ key: string; from: unknown; to: unknown }> | undefined {
  if (!isRecord(c.from) || !isRecord(c.to)) return undefined
  const f = c.from
  const t = c.to
  return [...new Set([...Object.keys(f), ...Object.keys(t)])]
    .filter((k) => JSON.stringify(f[k]) !== JSON.stringify(t[k]))
    .map((key) => ({ key, from: f[key], to: t[key] }))
}

function changeLine(c: Change): string {
  const where = c.provider ? `${c.model} @ ${c.provider}` : c.model
  const keys = changedKeys(c)
  if (keys) return `${where}: ${keys.map((k) => `${c.field}.${k.key} ${show(k.from)} → ${show(k.to)}`).join(', ')}`
  return `${where}: ${c.field} ${show(c.from)} → ${show(c.to)}`
}

/** How many models each field changed on (`capabilities.webSearch: 12`), most first. */
export function changeCounts(changes: Change[]): Array<[string, number]> {
  const counts = new Map<string, number>()
  const bump = (k: string) => counts.set(k, (counts.get(k) ?? 0) + 1)
  for (const c of changes) {
    const keys = changedKeys(c)
    const prefix = c.provider ? 'endpoint ' : ''
    if (keys) for (const k of keys) bump(`${prefix}${c.field}.${k.key}${typeof k.to === 'boolean' ? ` → ${k.to}` : ''}`)
    else bump(`${prefix}${c.field}${typeof c.to === 'string' && c.field === 'status' ? ` → ${c.to}` : ''}`)
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
}

/** Changes grouped per model (and endpoint): `model @ provider: input 1 → 2, output 3 → 4`. */
function groupedChanges(changes: Change[]): string[] {
  const groups = new Map<string, string[]>()
  for (const c of changes) {
    const where = c.provider ? `${c.model} @ ${c.provider}` : c.model
    const list = groups.get(where) ?? []
    list.push(`${c.field} ${show(c.from)} → ${show(c.to)}`)
    groups.set(where, list)
  }
  return [...groups].map(([where, list]) => `${where}: ${list.join(', ')}`)
}

function section(out: string[], title: string, lines: string[], limit: number, mark = '  '): void {
  if (!lines.length) return
  out.push('', `${title} (${lines.length})`)
  for (const l of lines.slice(0, limit)) out.push(`${mark}${l}`)
  if (lines.length > limit) out.push(`  … ${lines.length - limit} more (run with --verbose to list all)`)
}

function tallySection(out: string[], title: string, map: Map<string, Tallies>, verbose: boolean): void {
  if (!map.size) return
  out.push('', title)
  for (const [source, reasons] of map) {
    const total = [...reasons.values()].reduce((s, ex) => s + [...ex.values()].reduce((a, b) => a + b, 0), 0)
    out.push(`  ${source}: ${total}`)
    const sorted = [...reasons].sort((a, b) => sum(b[1]) - sum(a[1]) || a[0].localeCompare(b[0]))
    for (const [reason, examples] of sorted) {
      const list = [...examples].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      const n = verbose ? list.length : 6
      const shown = list.slice(0, n).map(([e, c]) => (c > 1 ? `${e} ×${c}` : e))
      const more = list.length > n ? `, … ${list.length - n} more` : ''
      out.push(`    ${String(sum(examples)).padStart(5)}  ${reason}`)
      out.push(`           e.g. ${shown.join(', ')}${more}`)
    }
  }
}

function sum(m: Map<string, number>): number {
  return [...m.values()].reduce((a, b) => a + b, 0)
}

export function formatReport(r: ImportReport, { verbose = false }: { verbose?: boolean } = {}): string {
  const limit = verbose ? Number.POSITIVE_INFINITY : 40
  const out: string[] = []
  out.push(r.dryRun ? 'Catalog import — dry run: nothing was written' : 'Catalog import')
  for (const s of r.sources) {
    const when = s.kind === 'litellm' && r.today ? `; deprecation dates compared with ${r.today}` : ''
    const date = s.date ? `, data as of ${s.date}` : ''
    out.push(`  source: ${s.kind} ${s.file} (${s.records} records${date}${when})`)
  }

  const newEndpointCount = r.newModels.reduce((s, m) => s + m.providers.length, 0) + r.newEndpoints.length
  section(
    out,
    'New models',
    r.newModels.map((m) => `+ ${m.id}  [${m.providers.join(', ')}]`),
    limit,
  )
  section(
    out,
    'New endpoints on existing models',
    r.newEndpoints.map((e) => `+ ${e.model} @ ${e.provider} (${e.modelId})`),
    limit,
  )
  section(out, 'Price changes (USD per 1M tokens)', groupedChanges(r.priceChanges), limit, '  ~ ')
  out.push(...formatHistory(r.history, limit))
  section(out, 'Limit changes (tokens)', groupedChanges(r.limitChanges), limit, '  ~ ')
  section(out, 'Other changes', r.otherChanges.map(changeLine), limit, '  ~ ')
  if (r.otherChanges.length)
    section(
      out,
      'Other changes by field (models)',
      changeCounts(r.otherChanges).map(([f, n]) => `${f}: ${n}`),
      Number.POSITIVE_INFINITY,
      '  ~ ',
    )
  section(out, 'New provider files', r.newProviders, limit, '  + ')
  section(out, 'New descriptions (.mdx, generated from the facts)', r.newProse, verbose ? limit : 10, '  + ')
  section(
    out,
    'Generated descriptions regenerated (their facts changed; descriptions without `generated: true` are never touched)',
    r.regeneratedProse,
    verbose ? limit : 10,
    '  ~ ',
  )

  section(out, 'Locked fields kept (the source differs)', r.lockedKept.map(keptLine), limit, '  = ')
  section(
    out,
    'Endpoints not in source (kept, not removed)',
    r.notInSource.map((e) => `${e.model} @ ${e.provider} (${e.modelId})`),
    limit,
    '  ? ',
  )
  section(out, 'Models not in any source (kept)', r.modelsNotInSource, limit, '  ? ')
  section(
    out,
    'Sources disagree on an endpoint (the newer snapshot wins; at equal dates the later source)',
    r.conflicts.map((c) => `${c.model} @ ${c.provider}: ${c.earlier} → ${c.later}: ${c.detail} (kept ${c.kept})`),
    verbose ? limit : 15,
    '  ! ',
  )
  section(
    out,
    'LiteLLM differs from the first-party endpoint (information only: prices and limits are not imported)',
    r.disagreements.map((d) => `${d.model} @ ${d.provider} (${d.key}): ${d.detail}`),
    verbose ? limit : 25,
    '  ≠ ',
  )
  section(
    out,
    'Refused: would not pass the schema, not written',
    r.refused.map((f) => `${f.file}: ${f.problems.join('; ')}`),
    limit,
    '  ✗ ',
  )
  section(
    out,
    'Existing files that are invalid (left untouched)',
    r.invalidExisting.map((f) => `${f.file}: ${f.problems.join('; ')}`),
    limit,
    '  ✗ ',
  )

  tallySection(out, 'Skipped', r.skipped, verbose)
  tallySection(out, 'Ignored source fields (no place in the content model)', r.ignored, verbose)
  for (const [topic, lines] of r.notes) section(out, topic, lines, verbose ? limit : 15, '  · ')

  out.push('')
  const created = r.filesWritten.filter((f) => f.kind === 'new').length
  const updated = r.filesWritten.length - created
  if (!r.filesWritten.length) out.push('No changes: every file is up to date.')
  else {
    out.push(
      `Summary: ${r.newModels.length} new models, ${newEndpointCount} new endpoints, ` +
        `${r.priceChanges.length} price changes, ${r.limitChanges.length} limit changes, ${r.otherChanges.length} other changes; ` +
        `${created} files ${r.dryRun ? 'to create' : 'created'}, ${updated} ${r.dryRun ? 'to update' : 'updated'}.`,
    )
  }
  return out.join('\n')
}
