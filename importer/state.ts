/**
 * The import's working state, shared by every source: the models as they stand (the files plus
 * the sources applied so far in this run), vendors, providers and the report. Its field and
 * endpoint updates enforce the rules every source obeys (locked fields, no erasing, one endpoint
 * per provider, conflicts between sources): see "Importing the catalog" in the README.
 * Pure (no file system).
 */
import type { Capabilities, Endpoint, ProviderFile } from '@/lib/catalog/schema'
import { CAPABILITY_KEYS, modelSchema, vendorSchema } from '@/lib/catalog/schema'

import { SAFE_SEGMENT } from './ids'
import { withOffer } from './offers'
import { orderEndpoint, orderKeys, orderModel } from './order'
import type { Change, ImportReport } from './report'
import { emptyReport, tally } from './report'
import type { ContentSnapshot, ModelFacts, ProviderSeed } from './types'
import { deepEqual, parseYaml } from './yaml'

export type Data = Record<string, unknown>

export interface ModelState {
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
  /** The model's description (.mdx) as it stands, when it has one. */
  prose?: string
  /** Providers whose endpoint a source set in this run, with the value and the source. */
  endpointSources: Map<string, { source: string; value: Endpoint }>
  /** A source mentioned the model in this run. */
  seen: boolean
  /** LiteLLM says the vendor caches prompts (kept on by the promptCaching derivation). */
  cachingClaim?: boolean
}

export const MODEL_PATH = (id: string) => `models/${id}.yaml`
export const PROSE_PATH = (id: string) => `models/${id}.mdx`

/** Fields the importer keeps as `[]` defaults: absent and empty are the same. */
const DEFAULT_LISTS = new Set(['aliases', 'parameters', 'faq', 'endpoints', 'locked'])

/** Flags that are true when any source says so; an import never turns them off. */
export const OR_FLAGS: ReadonlySet<string> = new Set(['jsonMode', 'webSearch', 'parallelToolCalls'])

function clone<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T)
}

export function describeIssues(error: { issues: Array<{ path: PropertyKey[]; message: string }> }): string[] {
  return error.issues.map((i) => `${i.path.map(String).join('.') || '(file)'}: ${i.message}`)
}

export class ImportState {
  readonly report: ImportReport
  readonly models = new Map<string, ModelState>()
  readonly vendorNames = new Map<string, string>()
  readonly providers = new Set<string>()
  readonly newProviders = new Map<string, ProviderFile>()
  readonly coveredProviders = new Set<string>()
  /** The source being applied (its kind): skips, ignores and endpoint conflicts are reported under it. */
  sourceLabel = ''
  /** Source label → how recent its data is (`YYYY-MM-DD`), where known. */
  readonly sourceDates = new Map<string, string | undefined>()

  constructor(
    snapshot: ContentSnapshot,
    dryRun: boolean,
    /** `YYYY-MM-DD`: deprecation dates on or before it have taken effect. */
    readonly today: string | undefined,
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
      const model: ModelState = {
        id,
        vendor,
        isNew: false,
        before: {},
        data: {},
        locked: new Set(),
        hasProse: files.mdx !== undefined,
        prose: files.mdx,
        endpointSources: new Map(),
        seen: false,
      }
      if (files.yaml === undefined) continue // prose without a model: not the importer's business
      model.original = files.yaml
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
        model.frozen = problems.join('; ')
        this.report.invalidExisting.push({ file: MODEL_PATH(id), problems })
      } else {
        model.before = data as Data
        model.data = clone(data as Data)
        model.locked = new Set((model.data.locked as string[] | undefined) ?? [])
      }
      this.models.set(id, model)
    }
  }

  skip(reason: string, example: string) {
    tally(this.report.skipped, this.sourceLabel, reason, example)
  }

  ignore(reason: string, example: string) {
    tally(this.report.ignored, this.sourceLabel, reason, example)
  }

  // ------------------------------------------------------------------------------------------
  // Field updates

  /** Set a model field unless it is locked or unchanged; `same` treats near-equal values as equal. */
  setField(m: ModelState, field: string, value: unknown, same?: (cur: unknown) => boolean): void {
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
  setCapabilities(m: ModelState, incoming: Partial<Capabilities> | undefined, orFlags: ReadonlySet<string>): void {
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

  ensureProvider(id: string, seed: ProviderSeed | undefined): boolean {
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
  upsertEndpoint(m: ModelState, endpoint: Endpoint, { keepTiers = false } = {}): void {
    if (m.frozen) return
    const list = ((m.data.endpoints as Endpoint[] | undefined) ?? []).slice()
    const i = list.findIndex((e) => e.provider === endpoint.provider)
    const known = i >= 0 ? list[i] : undefined
    let merged = endpoint
    if (merged.maxOutputTokens === undefined && known?.maxOutputTokens !== undefined)
      merged = { ...merged, maxOutputTokens: known.maxOutputTokens }
    if (keepTiers && known?.pricing.tiers && !merged.pricing.tiers)
      merged = { ...merged, pricing: { ...merged.pricing, tiers: known.pricing.tiers } }
    const ep = orderEndpoint(withOffer(merged))
    const prior = m.endpointSources.get(ep.provider)
    if (prior && prior.source !== this.sourceLabel && !deepEqual(prior.value, ep)) {
      // The newer snapshot wins (models.dev's July rows over OpenRouter's May list).
      const priorDate = this.sourceDates.get(prior.source)
      const ownDate = this.sourceDates.get(this.sourceLabel)
      const priorWins = priorDate !== undefined && (ownDate === undefined || priorDate > ownDate)
      this.report.conflicts.push({
        model: m.id,
        provider: ep.provider,
        earlier: prior.source,
        later: this.sourceLabel,
        detail: endpointDiff(prior.value, ep),
        kept: priorWins ? prior.source : this.sourceLabel,
      })
      if (priorWins) return
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

  /**
   * `releaseDateUnknown`: the source never knows release dates (LiteLLM), so the model is created
   * without one; other sources must give one.
   */
  createModel(
    id: string,
    vendor: string,
    facts: ModelFacts,
    sourceId: string,
    { releaseDateUnknown = false }: { releaseDateUnknown?: boolean } = {},
  ): ModelState | undefined {
    const required = ['name', 'status', 'releaseDate', 'mode', 'modalities', 'contextWindow'] as const
    const missing = required.filter((k) => facts[k] === undefined && !(k === 'releaseDate' && releaseDateUnknown))
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

  /** The vendor-level facts a source owns (models.dev, or OpenRouter for OpenRouter-only models). */
  applyModelFacts(m: ModelState, f: ModelFacts): void {
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
}

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
