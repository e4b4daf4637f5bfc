/**
 * The importer's core: sources + the current content files in, new file contents + a report out.
 * Pure (no file system): fs.ts reads the snapshot and writes the result.
 *
 * Rules that hold for every source:
 * - A field listed in a model file's `locked` is never changed (the report lists where the source
 *   differs). `locked: [endpoints]` freezes the whole endpoint list.
 * - Nothing is deleted: models and endpoints the sources no longer list are reported as "not in
 *   source" and kept. A fact a source does not know (null) never erases a value in the file.
 * - A source id that is a model's alias (`aliases`, under the model's vendor) means that model:
 *   a dated snapshot merged into its undated model is never created again. models.dev rows for
 *   an alias add their endpoints (the model's own row wins on a provider both list); OpenRouter
 *   and LiteLLM ids match aliases right after exact ids.
 * - Existing .mdx prose is never touched; a missing one is generated from the facts.
 * - Existing provider and vendor files are never modified; missing provider files are created.
 *   Models of a vendor without a vendor file are not created (reported).
 * - Several sources apply in order; where two give the same endpoint different values the later
 *   wins and the disagreement is reported. The report compares the files before and after the
 *   whole run, so a second run with the same input reports (and writes) nothing.
 * - Every file is validated against the zod schemas before it is written; a file that fails is
 *   refused and reported, never written.
 *
 * What each source may set on an existing model:
 * - models.dev (the vendor-level source): name, status, releaseDate, knowledgeCutoff, family,
 *   aliases (added, never removed), mode, modalities, capabilities, openWeights, contextWindow,
 *   maxOutputTokens, and its endpoints.
 * - OpenRouter: parameters, tokenizer, moderated, knowledgeCutoff (only when missing), the
 *   capability flags it knows better (jsonMode, webSearch, parallelToolCalls: set to true, never
 *   back to false), and the `openrouter` endpoint. For a model whose only endpoint is OpenRouter's
 *   (one created from OpenRouter), OpenRouter is also the source of the model-level facts.
 * - LiteLLM (an enrichment source, applied after the others whatever the order given): never
 *   creates models or endpoints and never imports prices or limits. For the models its
 *   first-party entries name it switches flags on (parallelToolCalls, webSearch, promptCaching,
 *   structuredOutputs, jsonMode, reasoning, vision, fileInput; each only where the model and the
 *   entry back it), sets a non-chat mode on a `chat` model, and sets deprecationDate (and status
 *   deprecated once the date is not after `today`). See sources/litellm/map.ts for the exact rules. Its
 *   price and limit disagreements with the first-party endpoint are reported, not applied.
 * - Capability flags "true if any source says so" (jsonMode, webSearch, parallelToolCalls) are
 *   only ever switched on by an import; promptCaching is derived: any endpoint with a cacheRead
 *   price, or (in a run that includes LiteLLM) the vendor's LiteLLM entry says so and gives a
 *   cache-read price. What LiteLLM sets is re-applied on every run, not remembered: a later run
 *   without `--from litellm` lets models.dev set status, mode, promptCaching and the flags it
 *   owns back to its own values (deprecationDate and the "any source" flags stay).
 */
import { isFullDate } from './facts'
import type { ParsedSource, SourceKind } from './input'
import { sourceRecords } from './input'
import { finish } from './output'
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
  { dryRun = false, today }: { dryRun?: boolean; today?: string } = {},
): ImportResult {
  if (today !== undefined && !isFullDate(today))
    throw new Error(`planImport: today must be a date "YYYY-MM-DD", got "${today}"`)
  const state = new ImportState(snapshot, dryRun, today)
  // Enrichment sources (LiteLLM) add to what the others describe: they go last, whatever the order given.
  const enriches = (s: ParsedSource) => applierFor(s).enrichesOnly
  const ordered = [...sources.filter((s) => !enriches(s)), ...sources.filter(enriches)]
  for (const s of ordered) {
    state.report.sources.push({ kind: s.kind, file: s.file, records: sourceRecords(s) })
    state.sourceLabel = s.kind
    applierFor(s).apply(state, s)
  }
  const writes = finish(state)
  return { writes, report: state.report }
}
