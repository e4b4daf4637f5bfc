/** Applies the sources to the content snapshot, in order. The rules: README.md, "Importing the catalog". */
import { isFullDate } from './facts'
import { applyHistory } from './history'
import type { ParsedSource, SourceKind } from './input'
import { snapshotDate, sourceRecords } from './input'
import { mergeSameName } from './merge'
import { finish } from './output'
import { applyOverrides, parseOverrides } from './overrides'
import { sanitize } from './sanitize'
import { liteLLMSource } from './sources/litellm/apply'
import { modelsDevSource } from './sources/modelsdev/apply'
import { openRouterSource } from './sources/openrouter/apply'
import type { SourceApplier, SourceOf } from './sources/source'
import { ImportState } from './state'
import type { ContentSnapshot, ImportResult } from './types'

const SOURCES: { readonly [K in SourceKind]: SourceApplier<SourceOf<K>> } = {
  'models.dev': modelsDevSource,
  openrouter: openRouterSource,
  litellm: liteLLMSource,
}

/** The applier for a parsed input (its kind picks it). */
function applierFor(source: ParsedSource): SourceApplier {
  return SOURCES[source.kind]
}

/**
 * Apply the sources, in order, to the content snapshot. Returns the files to write (only those
 * whose content changes) and the report. Pure: does not touch the file system.
 */
export function planImport(
  sources: ParsedSource[],
  snapshot: ContentSnapshot,
  {
    dryRun = false,
    today,
    accept = [],
  }: {
    dryRun?: boolean
    /** `YYYY-MM-DD`, the import day: price changes open a history period on it (default: today, UTC). */
    today?: string
    /** Ids of held price changes to apply (history.ts). */
    accept?: string[]
  } = {},
): ImportResult {
  if (today !== undefined && !isFullDate(today))
    throw new Error(`planImport: today must be a date "YYYY-MM-DD", got "${today}"`)
  const overrides = parseOverrides(snapshot.overrides)
  const state = new ImportState(snapshot, dryRun, today)
  // Enrichment sources (LiteLLM) add to what the others describe: they go last, whatever the order given.
  const enriches = (s: ParsedSource) => applierFor(s).enrichesOnly
  const ordered = [...sources.filter((s) => !enriches(s)), ...sources.filter(enriches)]
  for (const s of ordered) {
    const date = snapshotDate(s)
    state.report.sources.push({ kind: s.kind, file: s.file, records: sourceRecords(s), date })
    state.sourceLabel = s.kind
    state.sourceDates.set(s.kind, date)
    applierFor(s).apply(state, s)
  }
  mergeSameName(state)
  sanitize(state)
  applyOverrides(state, overrides)
  applyHistory(state, today ?? new Date().toISOString().slice(0, 10), new Set(accept))
  const writes = finish(state)
  return { writes, report: state.report }
}
