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
import type { Capabilities, Endpoint, ModelFile, ProviderFile } from '@/lib/catalog/schema'
import { CAPABILITY_KEYS, modelSchema, providerSchema, vendorSchema } from '@/lib/catalog/schema'

import { isFullDate } from './facts'
import { matchKeys, SAFE_SEGMENT, safeModelId } from './ids'
import type { ParsedSource } from './input'
import { sourceRecords } from './input'
import { orderEndpoint, orderKeys, orderModel, PROVIDER_KEYS } from './order'
import { generateProse } from './prose'
import type { Change, ImportReport } from './report'
import { emptyReport, note, tally } from './report'
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
import type { ModelCandidate, ModelFacts, ProviderSeed } from './types'
import { deepEqual, parseYaml, renderNew, renderPatched } from './yaml'

/** The content directory's files, as text. Paths are relative to the content dir. */
export interface ContentSnapshot {
  /** `vendor/model` → its YAML (and prose, when the .mdx exists). */
  models: Map<string, { yaml?: string; mdx?: string }>
  /** Vendor id → YAML text. */
  vendors: Map<string, string>
  /** Provider id → YAML text. */
  providers: Map<string, string>
}

export interface FileWrite {
  /** Relative to the content directory, `/`-separated. */
  path: string
  content: string
  kind: 'new' | 'update'
}

export interface ImportResult {
  writes: FileWrite[]
  report: ImportReport
}

type Data = Record<string, unknown>

interface ModelState {
  id: string
  vendor: string
  isNew: boolean
  /** The file's text and parsed data before the run (undefined for new models). */
  original?: string
  before: Data
  data: Data
  locked: Set<string>
  /** Set when the existing file is invalid: the model is left alone. */
  frozen?: string
  hasProse: boolean
  /** Providers whose endpoint a source set in this run, with the value and the source. */
  endpointSources: Map<string, { source: string; value: Endpoint }>
  /** A source mentioned the model in this run. */
  seen: boolean
  /** LiteLLM says the vendor caches prompts (kept on by the promptCaching derivation). */
  cachingClaim?: boolean
}

const MODEL_PATH = (id: string) => `models/${id}.yaml`
const PROSE_PATH = (id: string) => `models/${id}.mdx`

/** Fields the importer keeps as `[]` defaults: absent and empty are the same. */
const DEFAULT_LISTS = new Set(['aliases', 'parameters', 'faq', 'endpoints', 'locked'])

function clone<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T)
}

function describeIssues(error: { issues: Array<{ path: PropertyKey[]; message: string }> }): string[] {
  return error.issues.map((i) => `${i.path.map(String).join('.') || '(file)'}: ${i.message}`)
}

class Planner {
  readonly report: ImportReport
  readonly models = new Map<string, ModelState>()
  readonly vendorNames = new Map<string, string>()
  readonly providers = new Set<string>()
  readonly newProviders = new Map<string, ProviderFile>()
  readonly coveredProviders = new Set<string>()
  private sourceLabel = ''

  constructor(
    snapshot: ContentSnapshot,
    dryRun: boolean,
    /** `YYYY-MM-DD`: deprecation dates on or before it have taken effect. */
    private readonly today: string | undefined,
  ) {
    this.report = emptyReport(dryRun)
    this.report.today = today
    for (const [id, text] of snapshot.vendors) {
      const parsed = vendorSchema.safeParse(parseYaml(text).data)
      this.vendorNames.set(id, parsed.success ? parsed.data.name : id)
    }
    for (const id of snapshot.providers.keys()) this.providers.add(id)
    for (const [id, files] of snapshot.models) {
      const vendor = id.split('/')[0]!
      const state: ModelState = {
        id,
        vendor,
        isNew: false,
        before: {},
        data: {},
        locked: new Set(),
        hasProse: files.mdx !== undefined,
        endpointSources: new Map(),
        seen: false,
      }
      if (files.yaml === undefined) continue // prose without a model: not the importer's business
      state.original = files.yaml
      const { data, error } = parseYaml(files.yaml)
      const problems: string[] = []
      if (error) problems.push(`YAML: ${error}`)
      else {
        const checked = modelSchema.safeParse(data)
        if (!checked.success) problems.push(...describeIssues(checked.error))
        else if (checked.data.vendor !== vendor)
          problems.push(`vendor: "${checked.data.vendor}" does not match the folder "${vendor}"`)
      }
      if (problems.length) {
        state.frozen = problems.join('; ')
        this.report.invalidExisting.push({ file: MODEL_PATH(id), problems })
      } else {
        state.before = data as Data
        state.data = clone(data as Data)
        state.locked = new Set((state.data.locked as string[] | undefined) ?? [])
      }
      this.models.set(id, state)
    }
  }

  private skip(reason: string, example: string) {
    tally(this.report.skipped, this.sourceLabel, reason, example)
  }

  private ignore(reason: string, example: string) {
    tally(this.report.ignored, this.sourceLabel, reason, example)
  }

  // ------------------------------------------------------------------------------------------
  // Field updates

  /** Set a model field unless it is locked or unchanged; `same` treats near-equal values as equal. */
  private setField(m: ModelState, field: string, value: unknown, same?: (cur: unknown) => boolean): void {
    if (value === undefined || m.frozen) return
    const cur = m.data[field]
    if (
      DEFAULT_LISTS.has(field) &&
      Array.isArray(value) &&
      value.length === 0 &&
      (cur === undefined || (Array.isArray(cur) && cur.length === 0))
    )
      return
    if (deepEqual(cur, value) || (cur !== undefined && same?.(cur))) return
    if (m.locked.has(field)) {
      this.lockedKept({ model: m.id, field, from: cur, to: value })
      return
    }
    m.data[field] = value
  }

  private lockedKept(c: Change): void {
    const list = this.report.lockedKept
    const i = list.findIndex((x) => x.model === c.model && x.field === c.field && x.provider === c.provider)
    if (i >= 0) list[i] = c
    else list.push(c)
  }

  /**
   * Merge capability flags. `orFlags` are only switched on (true if any source says so);
   * promptCaching is left alone here and derived from the endpoints at the end.
   */
  private setCapabilities(
    m: ModelState,
    incoming: Partial<Capabilities> | undefined,
    orFlags: ReadonlySet<string>,
  ): void {
    if (!incoming || m.frozen) return
    const cur =
      (m.data.capabilities as Capabilities | undefined) ??
      (Object.fromEntries(CAPABILITY_KEYS.map((k) => [k, false])) as Capabilities)
    const next = { ...cur }
    for (const k of CAPABILITY_KEYS) {
      if (k === 'promptCaching') continue
      const v = incoming[k]
      if (v === undefined) continue
      next[k] = orFlags.has(k) ? cur[k] || v : v
    }
    this.setField(m, 'capabilities', orderKeys(next, CAPABILITY_KEYS))
  }

  private ensureProvider(id: string, seed: ProviderSeed | undefined): boolean {
    if (this.providers.has(id)) return true
    if (!SAFE_SEGMENT.test(id)) {
      this.skip('provider id is not usable as a file name', id)
      return false
    }
    if (!seed?.file) {
      this.skip(`provider file could not be created (${seed?.problem ?? 'no provider details in the source'})`, id)
      return false
    }
    this.providers.add(id)
    this.newProviders.set(id, seed.file)
    return true
  }

  /**
   * Add or replace the model's endpoint on `endpoint.provider`. The source's values replace the
   * file's, except what the source cannot know: a missing maxOutputTokens (null in the source)
   * keeps the known one, and `keepTiers` (sources that cannot express price tiers) keeps the
   * file's tiers.
   */
  private upsertEndpoint(m: ModelState, endpoint: Endpoint, { keepTiers = false } = {}): void {
    if (m.frozen) return
    const list = ((m.data.endpoints as Endpoint[] | undefined) ?? []).slice()
    const i = list.findIndex((e) => e.provider === endpoint.provider)
    const known = i >= 0 ? list[i] : undefined
    let merged = endpoint
    if (merged.maxOutputTokens === undefined && known?.maxOutputTokens !== undefined)
      merged = { ...merged, maxOutputTokens: known.maxOutputTokens }
    if (keepTiers && known?.pricing.tiers && !merged.pricing.tiers)
      merged = { ...merged, pricing: { ...merged.pricing, tiers: known.pricing.tiers } }
    const ep = orderEndpoint(merged)
    const prior = m.endpointSources.get(ep.provider)
    if (prior && prior.source !== this.sourceLabel && !deepEqual(prior.value, ep)) {
      this.report.conflicts.push({
        model: m.id,
        provider: ep.provider,
        earlier: prior.source,
        later: this.sourceLabel,
        detail: endpointDiff(prior.value, ep),
      })
    }
    m.endpointSources.set(ep.provider, { source: this.sourceLabel, value: ep })
    if (i >= 0 && deepEqual(list[i], ep)) return
    if (m.locked.has('endpoints')) {
      this.lockedKept({
        model: m.id,
        provider: ep.provider,
        field: 'endpoints',
        from: i >= 0 ? list[i] : undefined,
        to: ep,
      })
      return
    }
    if (i >= 0) list[i] = ep
    else list.push(ep)
    m.data.endpoints = list
  }

  private createModel(id: string, vendor: string, facts: ModelFacts, sourceId: string): ModelState | undefined {
    const missing = (['name', 'status', 'releaseDate', 'mode', 'modalities', 'contextWindow'] as const).filter(
      (k) => facts[k] === undefined,
    )
    if (missing.length) {
      this.skip(`not enough facts to create the model (missing ${missing.join(', ')})`, sourceId)
      return undefined
    }
    const caps = Object.fromEntries(CAPABILITY_KEYS.map((k) => [k, facts.capabilities?.[k] ?? false])) as Capabilities
    const data: Data = orderModel({
      name: facts.name,
      vendor,
      status: facts.status,
      releaseDate: facts.releaseDate,
      knowledgeCutoff: facts.knowledgeCutoff,
      family: facts.family,
      aliases: facts.aliases?.length ? facts.aliases : undefined,
      mode: facts.mode,
      modalities: facts.modalities,
      capabilities: caps,
      tokenizer: facts.tokenizer,
      moderated: facts.moderated ?? false,
      openWeights: facts.openWeights ?? false,
      contextWindow: facts.contextWindow,
      maxOutputTokens: facts.maxOutputTokens,
      parameters: facts.parameters?.length ? facts.parameters : undefined,
      endpoints: [],
    })
    const state: ModelState = {
      id,
      vendor,
      isNew: true,
      before: {},
      data,
      locked: new Set(),
      hasProse: false,
      endpointSources: new Map(),
      seen: true,
    }
    this.models.set(id, state)
    return state
  }

  // ------------------------------------------------------------------------------------------
  // models.dev

  applyModelsDev(source: Extract<ParsedSource, { kind: 'models.dev' }>): void {
    this.sourceLabel = 'models.dev'
    const mapping = mapModelsDev(
      source.rows,
      (v) => this.vendorNames.has(v),
      (r, e) => this.skip(r, e),
      (r, e) => this.ignore(r, e),
    )
    for (const p of mapping.coveredProviders) this.coveredProviders.add(p)
    for (const [from, to] of mapping.renamed)
      note(this.report, 'Ids made URL-safe (source spelling kept as an alias)', `${from} → ${to}`)
    for (const a of mapping.approximated)
      note(
        this.report,
        'Release date known to the month only (set to the 1st; lock releaseDate after fixing by hand)',
        a,
      )
    // A row whose id is a catalog model's alias (a dated snapshot merged into its undated model)
    // feeds that model and never re-creates the snapshot's file. The models' own rows go first,
    // so on a provider both list, the endpoint under the model's own id wins.
    const aliasOf = this.aliasIndex()
    const viaAlias: Array<{ c: ModelCandidate; target: string }> = []
    const own = new Set<string>()
    for (const c of mapping.candidates) {
      const target = this.models.has(c.id) ? undefined : aliasOf.get(c.id)
      if (target === undefined) {
        this.applyModelsDevCandidate(c, mapping.providers)
        own.add(c.id)
      } else if (target === null) {
        this.skip('the id is an alias of several catalog models (not applied)', c.sourceId)
      } else viaAlias.push({ c, target })
    }
    for (const { c, target } of viaAlias) {
      this.applyModelsDevAlias(c, this.models.get(target)!, mapping.providers, !own.has(target))
      own.add(target)
    }
  }

  /**
   * `vendor/alias` (as written, and lower-cased) → the model claiming it; `null` where several do.
   * A path that is a model's own id is left out: the model itself wins.
   */
  private aliasIndex(): Map<string, string | null> {
    const index = new Map<string, string | null>()
    for (const m of this.models.values()) {
      const aliases = ((m.data.aliases ?? m.before.aliases) as string[] | undefined) ?? []
      for (const a of aliases) {
        for (const key of new Set([`${m.vendor}/${a}`, `${m.vendor}/${a.toLowerCase()}`])) {
          if (this.models.has(key)) continue
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
  private applyModelsDevAlias(
    c: ModelCandidate,
    m: ModelState,
    seeds: Map<string, ProviderSeed>,
    factsToo: boolean,
  ): void {
    m.seen = true
    if (m.frozen) {
      this.skip('the existing model file is invalid, left untouched', c.id)
      return
    }
    note(this.report, "Source ids that are a catalog model's alias (mapped onto that model)", `${c.sourceId} → ${m.id}`)
    if (factsToo) this.applyModelFacts(m, c.facts)
    const endpoints = c.endpoints.filter((e) => this.ensureProvider(e.provider, seeds.get(e.provider)))
    for (const e of endpoints) {
      if (m.endpointSources.get(e.provider)?.source === this.sourceLabel) {
        this.skip(
          "the provider already has an endpoint under the model's own id or an earlier alias (one endpoint per provider)",
          `${e.provider}/${e.modelId} (kept ${m.id}'s own)`,
        )
        continue
      }
      this.upsertEndpoint(m, e)
    }
  }

  private applyModelsDevCandidate(c: ModelCandidate, seeds: Map<string, ProviderSeed>): void {
    let m = this.models.get(c.id)
    if (m?.frozen) {
      this.skip('the existing model file is invalid, left untouched', c.id)
      m.seen = true
      return
    }
    const endpoints = c.endpoints.filter((e) => this.ensureProvider(e.provider, seeds.get(e.provider)))
    if (!m) {
      if (!endpoints.length) return // every endpoint was skipped (and reported)
      m = this.createModel(c.id, c.vendor, c.facts, c.sourceId)
      if (!m) return
    } else {
      m.seen = true
      this.applyModelFacts(m, c.facts)
      // Aliases are only ever added.
      if (c.facts.aliases?.length) {
        const cur = (m.data.aliases as string[] | undefined) ?? []
        const extra = c.facts.aliases.filter((a) => !cur.includes(a))
        if (extra.length) this.setField(m, 'aliases', [...cur, ...extra])
      }
    }
    for (const e of endpoints) this.upsertEndpoint(m, e)
  }

  /** The vendor-level facts a source owns (models.dev, or OpenRouter for OpenRouter-only models). */
  private applyModelFacts(m: ModelState, f: ModelFacts): void {
    this.setField(m, 'name', f.name)
    this.setField(m, 'status', f.status)
    // A month-only source date does not overwrite a precise date in the same month.
    this.setField(
      m,
      'releaseDate',
      f.releaseDate,
      (cur) => !!f.releaseDateApprox && String(cur).slice(0, 7) === f.releaseDate?.slice(0, 7),
    )
    // Cut-offs are compared by month: a hand-entered day within the same month stays.
    this.setField(m, 'knowledgeCutoff', f.knowledgeCutoff, (cur) => String(cur).slice(0, 7) === f.knowledgeCutoff)
    this.setField(m, 'family', f.family)
    this.setField(m, 'mode', f.mode)
    this.setField(m, 'modalities', f.modalities)
    this.setCapabilities(m, f.capabilities, OR_FLAGS)
    this.setField(m, 'openWeights', f.openWeights)
    this.setField(m, 'contextWindow', f.contextWindow)
    this.setField(m, 'maxOutputTokens', f.maxOutputTokens)
  }

  // ------------------------------------------------------------------------------------------
  // OpenRouter

  applyOpenRouter(source: Extract<ParsedSource, { kind: 'openrouter' }>): void {
    this.sourceLabel = 'openrouter'
    this.coveredProviders.add(OPENROUTER_PROVIDER)
    const mapped: OpenRouterCandidate[] = []
    for (const model of source.models) {
      const r = mapOpenRouterModel(model, (reason, e) => this.ignore(reason, e))
      if (r.ok) mapped.push(r.candidate)
      else this.skip(r.reason, model.id)
    }

    // 1. Match against the models as they stand (files + earlier sources of this run).
    const index = this.matchIndex()
    const claims = new Map<string, Array<{ c: OpenRouterCandidate; rank: number }>>()
    const unmatched: OpenRouterCandidate[] = []
    for (const c of mapped) {
      const hit = this.bestMatch(index, c)
      if (!hit) {
        unmatched.push(c)
        continue
      }
      if (hit.rank >= 2)
        note(
          this.report,
          'OpenRouter ids matched by normalised form (check these)',
          `${c.sourceId} → ${hit.id}${hit.ambiguous ? ` (also matched ${hit.ambiguous.join(', ')})` : ''}`,
        )
      const list = claims.get(hit.id) ?? []
      list.push({ c, rank: hit.rank })
      claims.set(hit.id, list)
    }
    for (const [id, list] of claims) {
      const m = this.models.get(id)!
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
        this.skip(
          'another OpenRouter id already maps to this model (one endpoint per provider)',
          `${r.c.sourceId} (kept ${keep!.c.sourceId} for ${id})`,
        )
      this.applyOpenRouterMatch(m, keep!.c)
    }

    // 2. Create the rest, one model per normalised id, where the vendor has a file.
    const groups = new Map<string, OpenRouterCandidate[]>()
    for (const c of unmatched) {
      const id = safeModelId(c.vendor, c.base)
      if (!id) {
        this.skip('id is not usable as a file name', c.sourceId)
        continue
      }
      if (!this.vendorNames.has(c.vendor)) {
        this.skip('unknown vendor (no content/vendors/<vendor>.yaml)', c.vendor)
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
        this.skip(
          'variant of another OpenRouter id (one endpoint per provider)',
          `${r.sourceId} (kept ${keep!.sourceId})`,
        )
      if (!this.ensureProvider(OPENROUTER_PROVIDER, { file: OPENROUTER_PROVIDER_FILE })) continue
      if (id.split('/')[1] !== keep!.sourceId.split(':')[0]!.split('/')[1])
        note(this.report, 'Ids made URL-safe (OpenRouter)', `${keep!.sourceId} → ${id}`)
      const m = this.createModel(id, keep!.vendor, keep!.facts, keep!.sourceId)
      if (m) this.upsertEndpoint(m, keep!.endpoint)
    }
  }

  private applyOpenRouterMatch(m: ModelState, c: OpenRouterCandidate): void {
    m.seen = true
    if (m.frozen) {
      this.skip('the existing model file is invalid, left untouched', m.id)
      return
    }
    if (!this.ensureProvider(OPENROUTER_PROVIDER, { file: OPENROUTER_PROVIDER_FILE })) return
    const f = c.facts
    if (f.parameters?.length) this.setField(m, 'parameters', f.parameters)
    this.setField(m, 'tokenizer', f.tokenizer)
    this.setField(m, 'moderated', f.moderated)
    if (m.data.knowledgeCutoff === undefined) this.setField(m, 'knowledgeCutoff', f.knowledgeCutoff)
    // OpenRouter's model list has no price tiers: tiers known from another source stay.
    this.upsertEndpoint(m, c.endpoint, { keepTiers: true })
    const endpoints = (m.data.endpoints as Endpoint[] | undefined) ?? []
    if (endpoints.length && endpoints.every((e) => e.provider === OPENROUTER_PROVIDER)) {
      // OpenRouter is this model's only source: its facts are the model's facts.
      this.applyModelFacts(m, { ...f, family: undefined })
    } else {
      const caps = f.capabilities ?? {}
      this.setCapabilities(
        m,
        { jsonMode: caps.jsonMode, webSearch: caps.webSearch, parallelToolCalls: caps.parallelToolCalls },
        OR_FLAGS,
      )
    }
  }

  /** match key → models claiming it, with how strong the claim is (lower is stronger). */
  private matchIndex(): Map<string, Array<{ id: string; rank: number }>> {
    const index = new Map<string, Array<{ id: string; rank: number }>>()
    const add = (key: string, id: string, rank: number) => {
      const list = index.get(key) ?? []
      const existing = list.find((x) => x.id === id)
      if (existing) existing.rank = Math.min(existing.rank, rank)
      else list.push({ id, rank })
      index.set(key, list)
    }
    for (const m of this.models.values()) {
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
  private bestMatch(
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

  applyLiteLLM(source: Extract<ParsedSource, { kind: 'litellm' }>): void {
    this.sourceLabel = 'litellm'
    const today = this.today
    if (today === undefined)
      throw new Error('planImport: a litellm source needs `today` (YYYY-MM-DD) to judge its deprecation dates')
    for (const key of source.documentation) this.skip('documentation entry (describes the format), not a model', key)
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
    for (const m of this.models.values()) {
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
      const r = mapLiteLLMEntry(key, entry, providerNames, (v) => this.vendorNames.has(v))
      if (!r.ok) {
        this.skip(r.reason, r.example)
        continue
      }
      const c = r.candidate
      const hits = exact.get(`${c.vendor}/${c.name}`) ?? loose.get(`${c.vendor}/${matchKeys(c.name)[1]}`) ?? []
      if (!hits.length) {
        this.skip(`no catalog model has this id or alias (vendor ${c.vendor})`, key)
        continue
      }
      const best = Math.min(...hits.map((h) => h.rank))
      const top = hits
        .filter((h) => h.rank === best)
        .map((h) => h.id)
        .sort()
      if (top.length > 1) {
        this.skip('matches several models (not applied)', `${key} → ${top.join(', ')}`)
        continue
      }
      const id = top[0]!
      if (best >= 2) note(this.report, 'LiteLLM keys matched by normalised form (check these)', `${key} → ${id}`)
      const list = claims.get(id) ?? []
      list.push({ candidate: c, rank: best })
      claims.set(id, list)
    }
    for (const id of [...claims.keys()].sort())
      this.applyLiteLLMMatch(this.models.get(id)!, orderMatches(claims.get(id)!), today, nativeStructured)
  }

  private applyLiteLLMMatch(
    m: ModelState,
    matches: LiteLLMMatch[],
    today: string,
    nativeStructured: ReadonlySet<string>,
  ): void {
    m.seen = true
    if (m.frozen) {
      this.skip('the existing model file is invalid, left untouched', m.id)
      return
    }
    const r = this.report
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
    this.setField(m, 'capabilities', e.capabilities)
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
    if (e.mode) this.setField(m, 'mode', e.mode)
    if (e.modeNotApplied)
      note(r, 'LiteLLM modes not applied', `${m.id}: ${e.modeNotApplied.litellm} (${e.modeNotApplied.why})`)
    if (e.deprecationDate) {
      this.setField(m, 'deprecationDate', e.deprecationDate)
      if (e.deprecated) this.setField(m, 'status', 'deprecated')
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
          this.ignore(
            'field not used (prices and limits are compared, not imported; other fields have no place in the content model)',
            field,
          )
      }
    }
  }

  // ------------------------------------------------------------------------------------------
  // Output

  finish(): FileWrite[] {
    const writes: FileWrite[] = []
    const r = this.report

    for (const [id, file] of [...this.newProviders].sort((a, b) => a[0].localeCompare(b[0]))) {
      const data = orderKeys(file as unknown as Data, PROVIDER_KEYS)
      const checked = providerSchema.safeParse(data)
      if (!checked.success) {
        r.refused.push({ file: `providers/${id}.yaml`, problems: describeIssues(checked.error) })
        continue
      }
      writes.push({ path: `providers/${id}.yaml`, content: renderNew(data), kind: 'new' })
      r.newProviders.push(id)
    }
    const writtenProviders = new Set(
      [...this.providers].filter((p) => !this.newProviders.has(p) || r.newProviders.includes(p)),
    )

    const ids = [...this.models.keys()].sort()
    for (const id of ids) {
      const m = this.models.get(id)!
      if (m.frozen) continue
      if (!m.seen && !m.isNew) r.modelsNotInSource.push(id)

      // Derived: prompt caching = any endpoint prices cache reads, or LiteLLM says so.
      const touched = m.isNew || m.endpointSources.size > 0
      if (touched && m.data.capabilities && !m.locked.has('capabilities')) {
        const endpoints = (m.data.endpoints as Endpoint[] | undefined) ?? []
        const caching = endpoints.some((e) => e.pricing.cacheRead !== undefined) || !!m.cachingClaim
        const caps = m.data.capabilities as Capabilities
        if (caps.promptCaching !== caching) m.data.capabilities = { ...caps, promptCaching: caching }
      }

      const data = m.isNew ? orderModel(m.data) : m.data
      const problems = this.validateModel(m, data, writtenProviders)
      if (problems.length) {
        r.refused.push({ file: MODEL_PATH(id), problems })
        continue
      }
      const text = m.isNew ? renderNew(data) : renderPatched(m.original!, m.before, orderModel(data))
      // The written text must read back as exactly the data that was validated.
      const reread = parseYaml(text)
      if (reread.error || !deepEqual(reread.data, data) || !modelSchema.safeParse(reread.data).success) {
        r.refused.push({
          file: MODEL_PATH(id),
          problems: ['internal: the rendered YAML does not read back as the validated data'],
        })
        continue
      }
      if (m.isNew) {
        writes.push({ path: MODEL_PATH(id), content: text, kind: 'new' })
        r.newModels.push({ id, providers: ((data.endpoints as Endpoint[] | undefined) ?? []).map((e) => e.provider) })
      } else if (text !== m.original) {
        writes.push({ path: MODEL_PATH(id), content: text, kind: 'update' })
        this.diff(m)
      }
      if (!m.isNew) this.reportNotInSource(m)

      if (!m.hasProse) {
        const file = modelSchema.parse(data)
        writes.push({
          path: PROSE_PATH(id),
          content: generateProse({
            id,
            name: file.name,
            vendorName: this.vendorNames.get(file.vendor) ?? file.vendor,
            releaseDate: file.releaseDate,
            mode: file.mode,
            status: file.status,
            input: file.modalities.input,
            output: file.modalities.output,
            contextWindow: file.contextWindow,
            maxOutputTokens: file.maxOutputTokens,
            openWeights: file.openWeights,
            capabilities: file.capabilities,
          }),
          kind: 'new',
        })
        r.newProse.push(id)
      }
    }
    r.filesWritten = writes.map((w) => ({ path: w.path, kind: w.kind }))
    return writes
  }

  private validateModel(m: ModelState, data: Data, providers: Set<string>): string[] {
    const checked = modelSchema.safeParse(data)
    if (!checked.success) return describeIssues(checked.error)
    const file: ModelFile = checked.data
    const problems: string[] = []
    const [vendor, model] = m.id.split('/')
    if (!SAFE_SEGMENT.test(vendor ?? '') || !SAFE_SEGMENT.test(model ?? ''))
      problems.push(`id "${m.id}" is not URL-safe`)
    if (file.vendor !== vendor) problems.push(`vendor: "${file.vendor}" does not match the folder "${vendor}"`)
    if (!this.vendorNames.has(file.vendor)) problems.push(`vendor: no vendors/${file.vendor}.yaml`)
    file.endpoints.forEach((e, i) => {
      if (!providers.has(e.provider)) problems.push(`endpoints.${i}.provider: no providers/${e.provider}.yaml`)
      const tiers = e.pricing.tiers ?? []
      tiers.forEach((t, j) => {
        if (j > 0 && t.above <= tiers[j - 1]!.above)
          problems.push(`endpoints.${i}.pricing.tiers.${j}.above: tiers must ascend`)
      })
    })
    return problems
  }

  private reportNotInSource(m: ModelState): void {
    for (const e of (m.before.endpoints as Endpoint[] | undefined) ?? []) {
      if (this.coveredProviders.has(e.provider) && !m.endpointSources.has(e.provider)) {
        this.report.notInSource.push({ model: m.id, provider: e.provider, modelId: e.modelId })
      }
    }
  }

  /** Before/after differences of an updated model, sorted into the report's sections. */
  private diff(m: ModelState): void {
    const r = this.report
    const keys = new Set([...Object.keys(m.before), ...Object.keys(m.data)])
    for (const field of keys) {
      if (field === 'endpoints') continue
      const from = m.before[field]
      const to = m.data[field]
      if (deepEqual(from, to)) continue
      const change = { model: m.id, field, from, to }
      if (field === 'contextWindow' || field === 'maxOutputTokens') r.limitChanges.push(change)
      else r.otherChanges.push(change)
    }
    const before = (m.before.endpoints as Endpoint[] | undefined) ?? []
    for (const e of (m.data.endpoints as Endpoint[] | undefined) ?? []) {
      const old = before.find((b) => b.provider === e.provider)
      if (!old) {
        r.newEndpoints.push({ model: m.id, provider: e.provider, modelId: e.modelId })
        continue
      }
      for (const field of ['contextWindow', 'maxOutputTokens'] as const) {
        if (old[field] !== e[field])
          r.limitChanges.push({ model: m.id, provider: e.provider, field, from: old[field], to: e[field] })
      }
      for (const field of ['modelId', 'status'] as const) {
        if (old[field] !== e[field])
          r.otherChanges.push({ model: m.id, provider: e.provider, field, from: old[field], to: e[field] })
      }
      const priceKeys = new Set([...Object.keys(old.pricing), ...Object.keys(e.pricing)]) as Set<
        keyof Endpoint['pricing']
      >
      for (const k of priceKeys) {
        if (!deepEqual(old.pricing[k], e.pricing[k]))
          r.priceChanges.push({ model: m.id, provider: e.provider, field: k, from: old.pricing[k], to: e.pricing[k] })
      }
    }
  }
}

/** Flags that are true when any source says so; an import never turns them off. */
const OR_FLAGS: ReadonlySet<string> = new Set(['jsonMode', 'webSearch', 'parallelToolCalls'])

function endpointDiff(a: Endpoint, b: Endpoint): string {
  const parts: string[] = []
  for (const k of ['modelId', 'contextWindow', 'maxOutputTokens', 'status'] as const) {
    if (a[k] !== b[k]) parts.push(`${k} ${a[k] ?? '(none)'} → ${b[k] ?? '(none)'}`)
  }
  const keys = new Set([...Object.keys(a.pricing), ...Object.keys(b.pricing)]) as Set<keyof Endpoint['pricing']>
  for (const k of keys) {
    const x = a.pricing[k]
    const y = b.pricing[k]
    if (!deepEqual(x, y))
      parts.push(
        `${k} ${x === undefined ? '(none)' : JSON.stringify(x)} → ${y === undefined ? '(none)' : JSON.stringify(y)}`,
      )
  }
  return parts.join(', ')
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
  const planner = new Planner(snapshot, dryRun, today)
  // LiteLLM enriches the models the other sources describe: it goes last, whatever the order given.
  const ordered = [...sources.filter((s) => s.kind !== 'litellm'), ...sources.filter((s) => s.kind === 'litellm')]
  for (const s of ordered) {
    planner.report.sources.push({ kind: s.kind, file: s.file, records: sourceRecords(s) })
    if (s.kind === 'models.dev') planner.applyModelsDev(s)
    else if (s.kind === 'openrouter') planner.applyOpenRouter(s)
    else planner.applyLiteLLM(s)
  }
  const writes = planner.finish()
  return { writes, report: planner.report }
}
