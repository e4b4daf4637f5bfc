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
import type { Endpoint } from '@/lib/catalog/schema'

import { isFullDate } from './facts'
import { matchKeys, safeModelId } from './ids'
import type { ParsedSource } from './input'
import { sourceRecords } from './input'
import { finish } from './output'
import { note } from './report'
import type { LiteLLMMatch, ModelView } from './sources/litellm/map'
import {
  compareWithEndpoint,
  enrich,
  firstPartyEndpoint,
  LITELLM_USED_FIELDS,
  mapLiteLLMEntry,
  orderMatches,
} from './sources/litellm/map'
import { mapModelsDev } from './sources/modelsdev/map'
import type { OpenRouterCandidate } from './sources/openrouter/map'
import { mapOpenRouterModel, OPENROUTER_PROVIDER, OPENROUTER_PROVIDER_FILE } from './sources/openrouter/map'
import type { ModelState } from './state'
import { ImportState, OR_FLAGS } from './state'
import type { ContentSnapshot, ImportResult, ModelCandidate, ProviderSeed } from './types'

// ------------------------------------------------------------------------------------------
// models.dev

function applyModelsDev(state: ImportState, source: Extract<ParsedSource, { kind: 'models.dev' }>): void {
  const mapping = mapModelsDev(
    source.rows,
    (v) => state.vendorNames.has(v),
    (r, e) => state.skip(r, e),
    (r, e) => state.ignore(r, e),
  )
  for (const p of mapping.coveredProviders) state.coveredProviders.add(p)
  for (const [from, to] of mapping.renamed)
    note(state.report, 'Ids made URL-safe (source spelling kept as an alias)', `${from} → ${to}`)
  for (const a of mapping.approximated)
    note(
      state.report,
      'Release date known to the month only (set to the 1st; lock releaseDate after fixing by hand)',
      a,
    )
  // A row whose id is a catalog model's alias (a dated snapshot merged into its undated model)
  // feeds that model and never re-creates the snapshot's file. The models' own rows go first,
  // so on a provider both list, the endpoint under the model's own id wins.
  const aliasOf = aliasIndex(state)
  const viaAlias: Array<{ c: ModelCandidate; target: string }> = []
  const own = new Set<string>()
  for (const c of mapping.candidates) {
    const target = state.models.has(c.id) ? undefined : aliasOf.get(c.id)
    if (target === undefined) {
      applyModelsDevCandidate(state, c, mapping.providers)
      own.add(c.id)
    } else if (target === null) {
      state.skip('the id is an alias of several catalog models (not applied)', c.sourceId)
    } else viaAlias.push({ c, target })
  }
  for (const { c, target } of viaAlias) {
    applyModelsDevAlias(state, c, state.models.get(target)!, mapping.providers, !own.has(target))
    own.add(target)
  }
}

/**
 * `vendor/alias` (as written, and lower-cased) → the model claiming it; `null` where several do.
 * A path that is a model's own id is left out: the model itself wins.
 */
function aliasIndex(state: ImportState): Map<string, string | null> {
  const index = new Map<string, string | null>()
  for (const m of state.models.values()) {
    const aliases = ((m.data.aliases ?? m.before.aliases) as string[] | undefined) ?? []
    for (const a of aliases) {
      for (const key of new Set([`${m.vendor}/${a}`, `${m.vendor}/${a.toLowerCase()}`])) {
        if (state.models.has(key)) continue
        const known = index.get(key)
        index.set(key, known === undefined || known === m.id ? m.id : null)
      }
    }
  }
  return index
}

/**
 * A models.dev row for one of `m`'s aliases: its endpoints join the model's, except on a
 * provider whose endpoint a models.dev row already gave in this run (the model's own row, or
 * an earlier alias). Its model-level facts apply only when `factsToo`: no row of this source
 * lists the model under its own id, so the alias's row is the vendor's word on it.
 */
function applyModelsDevAlias(
  state: ImportState,
  c: ModelCandidate,
  m: ModelState,
  seeds: Map<string, ProviderSeed>,
  factsToo: boolean,
): void {
  m.seen = true
  if (m.frozen) {
    state.skip('the existing model file is invalid, left untouched', c.id)
    return
  }
  note(state.report, "Source ids that are a catalog model's alias (mapped onto that model)", `${c.sourceId} → ${m.id}`)
  if (factsToo) state.applyModelFacts(m, c.facts)
  const endpoints = c.endpoints.filter((e) => state.ensureProvider(e.provider, seeds.get(e.provider)))
  for (const e of endpoints) {
    if (m.endpointSources.get(e.provider)?.source === state.sourceLabel) {
      state.skip(
        "the provider already has an endpoint under the model's own id or an earlier alias (one endpoint per provider)",
        `${e.provider}/${e.modelId} (kept ${m.id}'s own)`,
      )
      continue
    }
    state.upsertEndpoint(m, e)
  }
}

function applyModelsDevCandidate(state: ImportState, c: ModelCandidate, seeds: Map<string, ProviderSeed>): void {
  let m = state.models.get(c.id)
  if (m?.frozen) {
    state.skip('the existing model file is invalid, left untouched', c.id)
    m.seen = true
    return
  }
  const endpoints = c.endpoints.filter((e) => state.ensureProvider(e.provider, seeds.get(e.provider)))
  if (!m) {
    if (!endpoints.length) return // every endpoint was skipped (and reported)
    m = state.createModel(c.id, c.vendor, c.facts, c.sourceId)
    if (!m) return
  } else {
    m.seen = true
    state.applyModelFacts(m, c.facts)
    // Aliases are only ever added.
    if (c.facts.aliases?.length) {
      const cur = (m.data.aliases as string[] | undefined) ?? []
      const extra = c.facts.aliases.filter((a) => !cur.includes(a))
      if (extra.length) state.setField(m, 'aliases', [...cur, ...extra])
    }
  }
  for (const e of endpoints) state.upsertEndpoint(m, e)
}

// ------------------------------------------------------------------------------------------
// OpenRouter

function applyOpenRouter(state: ImportState, source: Extract<ParsedSource, { kind: 'openrouter' }>): void {
  state.coveredProviders.add(OPENROUTER_PROVIDER)
  const mapped: OpenRouterCandidate[] = []
  for (const model of source.models) {
    const r = mapOpenRouterModel(model, (reason, e) => state.ignore(reason, e))
    if (r.ok) mapped.push(r.candidate)
    else state.skip(r.reason, model.id)
  }

  // 1. Match against the models as they stand (files + earlier sources of this run).
  const index = matchIndex(state)
  const claims = new Map<string, Array<{ c: OpenRouterCandidate; rank: number }>>()
  const unmatched: OpenRouterCandidate[] = []
  for (const c of mapped) {
    const hit = bestMatch(index, c)
    if (!hit) {
      unmatched.push(c)
      continue
    }
    if (hit.rank >= 2)
      note(
        state.report,
        'OpenRouter ids matched by normalised form (check these)',
        `${c.sourceId} → ${hit.id}${hit.ambiguous ? ` (also matched ${hit.ambiguous.join(', ')})` : ''}`,
      )
    const list = claims.get(hit.id) ?? []
    list.push({ c, rank: hit.rank })
    claims.set(hit.id, list)
  }
  for (const [id, list] of claims) {
    const m = state.models.get(id)!
    const current = (m.data.endpoints as Endpoint[] | undefined)?.find(
      (e) => e.provider === OPENROUTER_PROVIDER,
    )?.modelId
    list.sort(
      (a, b) =>
        a.rank - b.rank ||
        Number(!!a.c.suffix) - Number(!!b.c.suffix) ||
        Number(a.c.sourceId !== current) - Number(b.c.sourceId !== current) ||
        a.c.sourceId.length - b.c.sourceId.length ||
        a.c.sourceId.localeCompare(b.c.sourceId),
    )
    const [keep, ...rest] = list
    for (const r of rest)
      state.skip(
        'another OpenRouter id already maps to this model (one endpoint per provider)',
        `${r.c.sourceId} (kept ${keep!.c.sourceId} for ${id})`,
      )
    applyOpenRouterMatch(state, m, keep!.c)
  }

  // 2. Create the rest, one model per normalised id, where the vendor has a file.
  const groups = new Map<string, OpenRouterCandidate[]>()
  for (const c of unmatched) {
    const id = safeModelId(c.vendor, c.base)
    if (!id) {
      state.skip('id is not usable as a file name', c.sourceId)
      continue
    }
    if (!state.vendorNames.has(c.vendor)) {
      state.skip('unknown vendor (no content/vendors/<vendor>.yaml)', c.vendor)
      continue
    }
    const key = matchKeys(id)[1]!
    const list = groups.get(key) ?? []
    list.push(c)
    groups.set(key, list)
  }
  for (const list of groups.values()) {
    list.sort(
      (a, b) =>
        Number(!!a.suffix) - Number(!!b.suffix) ||
        a.sourceId.length - b.sourceId.length ||
        a.sourceId.localeCompare(b.sourceId),
    )
    const [keep, ...rest] = list
    const id = safeModelId(keep!.vendor, keep!.base)!
    for (const r of rest)
      state.skip(
        'variant of another OpenRouter id (one endpoint per provider)',
        `${r.sourceId} (kept ${keep!.sourceId})`,
      )
    if (!state.ensureProvider(OPENROUTER_PROVIDER, { file: OPENROUTER_PROVIDER_FILE })) continue
    if (id.split('/')[1] !== keep!.sourceId.split(':')[0]!.split('/')[1])
      note(state.report, 'Ids made URL-safe (OpenRouter)', `${keep!.sourceId} → ${id}`)
    const m = state.createModel(id, keep!.vendor, keep!.facts, keep!.sourceId)
    if (m) state.upsertEndpoint(m, keep!.endpoint)
  }
}

function applyOpenRouterMatch(state: ImportState, m: ModelState, c: OpenRouterCandidate): void {
  m.seen = true
  if (m.frozen) {
    state.skip('the existing model file is invalid, left untouched', m.id)
    return
  }
  if (!state.ensureProvider(OPENROUTER_PROVIDER, { file: OPENROUTER_PROVIDER_FILE })) return
  const f = c.facts
  if (f.parameters?.length) state.setField(m, 'parameters', f.parameters)
  state.setField(m, 'tokenizer', f.tokenizer)
  state.setField(m, 'moderated', f.moderated)
  if (m.data.knowledgeCutoff === undefined) state.setField(m, 'knowledgeCutoff', f.knowledgeCutoff)
  // OpenRouter's model list has no price tiers: tiers known from another source stay.
  state.upsertEndpoint(m, c.endpoint, { keepTiers: true })
  const endpoints = (m.data.endpoints as Endpoint[] | undefined) ?? []
  if (endpoints.length && endpoints.every((e) => e.provider === OPENROUTER_PROVIDER)) {
    // OpenRouter is this model's only source: its facts are the model's facts.
    state.applyModelFacts(m, { ...f, family: undefined })
  } else {
    const caps = f.capabilities ?? {}
    state.setCapabilities(
      m,
      { jsonMode: caps.jsonMode, webSearch: caps.webSearch, parallelToolCalls: caps.parallelToolCalls },
      OR_FLAGS,
    )
  }
}

/** match key → models claiming it, with how strong the claim is (lower is stronger). */
function matchIndex(state: ImportState): Map<string, Array<{ id: string; rank: number }>> {
  const index = new Map<string, Array<{ id: string; rank: number }>>()
  const add = (key: string, id: string, rank: number) => {
    const list = index.get(key) ?? []
    const existing = list.find((x) => x.id === id)
    if (existing) existing.rank = Math.min(existing.rank, rank)
    else list.push({ id, rank })
    index.set(key, list)
  }
  for (const m of state.models.values()) {
    for (const [level, k] of matchKeys(m.id).entries()) add(k, m.id, level * 2)
    const aliases = ((m.data.aliases ?? m.before.aliases) as string[] | undefined) ?? []
    for (const a of aliases) {
      for (const [level, k] of matchKeys(`${m.vendor}/${a}`).entries()) add(k, m.id, level * 2 + 1)
    }
  }
  return index
}

/**
 * The model an OpenRouter id names: exact id (0), alias (1), normalised form (2–3), undated
 * normalised form (4–5). The OpenRouter side is looked up as given and with its vendor prefix
 * mapped and its `:variant` suffix stripped.
 */
function bestMatch(
  index: Map<string, Array<{ id: string; rank: number }>>,
  c: OpenRouterCandidate,
): { id: string; rank: number; ambiguous?: string[] } | undefined {
  const hits = new Map<string, number>()
  const forms = [c.sourceId, `${c.vendor}/${c.base}`]
  for (const form of forms) {
    matchKeys(form).forEach((k, level) => {
      for (const x of index.get(k) ?? []) {
        const rank = Math.max(x.rank, level * 2 + (x.rank % 2))
        hits.set(x.id, Math.min(hits.get(x.id) ?? Infinity, rank))
      }
    })
  }
  if (!hits.size) return undefined
  const sorted = [...hits].sort((a, b) => a[1] - b[1] || a[0].length - b[0].length || a[0].localeCompare(b[0]))
  const [id, rank] = sorted[0]!
  const ties = sorted.filter(([other, r]) => r === rank && other !== id).map(([other]) => other)
  return { id, rank, ambiguous: ties.length ? ties : undefined }
}

// ------------------------------------------------------------------------------------------
// LiteLLM

function applyLiteLLM(state: ImportState, source: Extract<ParsedSource, { kind: 'litellm' }>): void {
  const today = state.today
  if (today === undefined)
    throw new Error('planImport: a litellm source needs `today` (YYYY-MM-DD) to judge its deprecation dates')
  for (const key of source.documentation) state.skip('documentation entry (describes the format), not a model', key)
  const providerNames = new Set(source.entries.map((e) => e.entry.litellm_provider).filter((p): p is string => !!p))
  // Providers where LiteLLM tells native structured output apart from its own emulation.
  const nativeStructured = new Set(
    source.entries
      .filter((e) => e.entry.supports_native_structured_output != null)
      .map((e) => e.entry.litellm_provider!),
  )

  // vendor/name → models, exact spelling and normalised (lower case, `.` = `-`) kept apart.
  const exact = new Map<string, Array<{ id: string; rank: number }>>()
  const loose = new Map<string, Array<{ id: string; rank: number }>>()
  const add = (index: typeof exact, key: string, id: string, rank: number) => {
    const list = index.get(key) ?? []
    const known = list.find((x) => x.id === id)
    if (known) known.rank = Math.min(known.rank, rank)
    else list.push({ id, rank })
    index.set(key, list)
  }
  for (const m of state.models.values()) {
    const bare = m.id.slice(m.vendor.length + 1)
    add(exact, `${m.vendor}/${bare}`, m.id, 0)
    add(loose, `${m.vendor}/${matchKeys(bare)[1]}`, m.id, 2)
    for (const a of ((m.data.aliases ?? m.before.aliases) as string[] | undefined) ?? []) {
      add(exact, `${m.vendor}/${a}`, m.id, 1)
      add(loose, `${m.vendor}/${matchKeys(a)[1]}`, m.id, 3)
    }
  }

  const claims = new Map<string, LiteLLMMatch[]>()
  for (const { key, entry } of source.entries) {
    const r = mapLiteLLMEntry(key, entry, providerNames, (v) => state.vendorNames.has(v))
    if (!r.ok) {
      state.skip(r.reason, r.example)
      continue
    }
    const c = r.candidate
    const hits = exact.get(`${c.vendor}/${c.name}`) ?? loose.get(`${c.vendor}/${matchKeys(c.name)[1]}`) ?? []
    if (!hits.length) {
      state.skip(`no catalog model has this id or alias (vendor ${c.vendor})`, key)
      continue
    }
    const best = Math.min(...hits.map((h) => h.rank))
    const top = hits
      .filter((h) => h.rank === best)
      .map((h) => h.id)
      .sort()
    if (top.length > 1) {
      state.skip('matches several models (not applied)', `${key} → ${top.join(', ')}`)
      continue
    }
    const id = top[0]!
    if (best >= 2) note(state.report, 'LiteLLM keys matched by normalised form (check these)', `${key} → ${id}`)
    const list = claims.get(id) ?? []
    list.push({ candidate: c, rank: best })
    claims.set(id, list)
  }
  for (const id of [...claims.keys()].sort())
    applyLiteLLMMatch(state, state.models.get(id)!, orderMatches(claims.get(id)!), today, nativeStructured)
}

function applyLiteLLMMatch(
  state: ImportState,
  m: ModelState,
  matches: LiteLLMMatch[],
  today: string,
  nativeStructured: ReadonlySet<string>,
): void {
  m.seen = true
  if (m.frozen) {
    state.skip('the existing model file is invalid, left untouched', m.id)
    return
  }
  const r = state.report
  const keys = matches.map((x) => x.candidate.key)
  if (matches.length > 1)
    note(
      r,
      'Several LiteLLM entries describe one model (flags combined; mode and deprecation date from the first)',
      `${m.id} ← ${keys.join(', ')}`,
    )

  const view = m.data as unknown as ModelView
  const e = enrich(
    { mode: view.mode, modalities: view.modalities, capabilities: view.capabilities },
    matches,
    today,
    nativeStructured,
  )
  state.setField(m, 'capabilities', e.capabilities)
  if (e.flagsOn.includes('promptCaching')) m.cachingClaim = true
  for (const flag of e.keptOn)
    note(
      r,
      'LiteLLM says a flag is off that the catalog has on (kept on: an import only switches flags on)',
      `${m.id}: ${flag}`,
    )
  for (const x of e.notSet)
    note(
      r,
      'LiteLLM flags not set (not backed by the entry, or the model lacks what the flag needs)',
      `${m.id}: ${x.flag} (${x.why})`,
    )
  if (e.mode) state.setField(m, 'mode', e.mode)
  if (e.modeNotApplied)
    note(r, 'LiteLLM modes not applied', `${m.id}: ${e.modeNotApplied.litellm} (${e.modeNotApplied.why})`)
  if (e.deprecationDate) {
    state.setField(m, 'deprecationDate', e.deprecationDate)
    if (e.deprecated) state.setField(m, 'status', 'deprecated')
    if (e.otherDates.length)
      note(
        r,
        'LiteLLM entries disagree on a deprecation date (the first is used)',
        `${m.id}: ${matches.find((x) => x.candidate.entry.deprecation_date)!.candidate.key} ${e.deprecationDate}; ${e.otherDates.join('; ')}`,
      )
  }

  const endpoint = firstPartyEndpoint(m.vendor, (m.data.endpoints as Endpoint[] | undefined) ?? [])
  if (endpoint) {
    const diff = compareWithEndpoint(matches[0]!.candidate.entry, endpoint)
    if (diff.length)
      r.disagreements.push({ model: m.id, provider: endpoint.provider, key: keys[0]!, detail: diff.join(', ') })
  }
  for (const { candidate } of matches) {
    for (const [field, value] of Object.entries(candidate.entry)) {
      if (!LITELLM_USED_FIELDS.has(field) && value != null)
        state.ignore(
          'field not used (prices and limits are compared, not imported; other fields have no place in the content model)',
          field,
        )
    }
  }
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
  // LiteLLM enriches the models the other sources describe: it goes last, whatever the order given.
  const ordered = [...sources.filter((s) => s.kind !== 'litellm'), ...sources.filter((s) => s.kind === 'litellm')]
  for (const s of ordered) {
    state.report.sources.push({ kind: s.kind, file: s.file, records: sourceRecords(s) })
    state.sourceLabel = s.kind
    if (s.kind === 'models.dev') applyModelsDev(state, s)
    else if (s.kind === 'openrouter') applyOpenRouter(state, s)
    else applyLiteLLM(state, s)
  }
  const writes = finish(state)
  return { writes, report: state.report }
}
