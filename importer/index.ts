/** The catalog importer: the rules are in README.md ("Importing the catalog"), the CLI is scripts/catalog-import.ts. */
import { readContent, readSource, writeContent } from './fs'
import type { SourceKind } from './input'
import { planImport } from './plan'
import { readHistoryFile } from './sources/modelsdev-history/input'
import { seedHistory } from './sources/modelsdev-history/seed'
import type { ImportResult } from './types'

export { perTokenToPerMillion } from './decimal'
export { ImportInputError, parseSource, SOURCE_KINDS, type SourceKind } from './input'
export { planImport } from './plan'
export { formatReport, hasChanges, type ImportReport } from './report'
export type { ContentSnapshot, FileWrite, ImportResult } from './types'

export interface RunOptions {
  sources: Array<{ kind: SourceKind; file: string }>
  contentDir: string
  dryRun?: boolean
  /** `YYYY-MM-DD`, needed with a litellm source: deprecation dates on or before it have taken effect. */
  today?: string
  /** Ids of held price changes to apply (`--accept`). */
  accept?: string[]
}

/** Read inputs and content, plan, and (unless dry-run) write. Throws ImportInputError on bad input. */
/** Seed price histories from the models.dev price history file (sources/modelsdev-history). */
export function runHistorySeed({
  file,
  contentDir,
  dryRun = false,
  today,
  accept,
}: {
  file: string
  contentDir: string
  dryRun?: boolean
  today?: string
  accept?: string[]
}): ImportResult {
  const result = seedHistory(readHistoryFile(file), readContent(contentDir), { dryRun, today, accept })
  if (!dryRun) writeContent(contentDir, result.writes)
  return result
}

export function runImport({ sources, contentDir, dryRun = false, today, accept }: RunOptions): ImportResult {
  const parsed = sources.map((s) => readSource(s.kind, s.file))
  const result = planImport(parsed, readContent(contentDir), { dryRun, today, accept })
  if (!dryRun) writeContent(contentDir, result.writes)
  return result
}
