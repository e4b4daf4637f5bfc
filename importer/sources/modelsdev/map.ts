/**
 * models.dev offers → model candidates. Pure.
 *
 * Mapping rules:
 * - Only rows with a `canonicalModelId` become models: `<vendor>/<model>` = the canonical id,
 *   lower-cased and made URL-safe (`minimax/MiniMax-M2.5` → `minimax/minimax-m2.5`, with the
 *   original spelling kept as an alias). Rows without one are the provider's own models and are
 *   skipped.
 * - Skipped, and reported by reason: rows without a cost (or without input/output prices),
 *   non-zero prices of providers that price in another currency (NON_USD_PROVIDERS), a
 *   provider's placeholder price for models it has no price for (PLACEHOLDER_PRICES),
 *   subscription plans whose prices are not per token (provider ids containing `coding-plan` or
 *   `token-plan`, plus `kimi-for-coding`, `github-copilot` and `github-models`), rows without a usable context
 *   window (models.dev uses 0 for "unknown"), negative prices, unknown statuses, and a provider's
 *   second listing of the same model (regional or free variants; the listing whose id matches the
 *   canonical id, else the shortest id, is kept).
 * - One endpoint per provider row: modelId = the row's modelId; contextWindow / maxOutputTokens
 *   from `limit`; pricing from `cost` (USD per 1M tokens already; cost.ts): input, output,
 *   cache_read → cacheRead, cache_write → cacheWrite, reasoning; `tiers` of type `context` →
 *   `tiers: [{ above: size, … }]` (or `context_over_200k` → `above: 200000` when no tiers).
 *   The non-standard spellings `cache_input` / `cached_input` / `cached_write` are read as
 *   cacheRead / cacheWrite. Audio, image, citation and per-request prices have no field (or not
 *   the same unit) in our schema and are reported as ignored.
 * - Model-level facts come from the vendor's own first-party row (FIRST_PARTY in first-party.ts),
 *   else from the row that agrees most with the others (the "most common values" row). A fact the
 *   chosen row leaves empty (null) falls back to the next row in that order.
 * - status: null → available, deprecated → deprecated, alpha/beta → preview.
 * - capabilities: tools = tool_call; vision = image input; fileInput = file/pdf input or
 *   attachment; reasoning; structuredOutputs = structured_output === true; jsonMode =
 *   structuredOutputs; streaming = mode is chat; parallelToolCalls and webSearch false (models.dev
 *   does not say); promptCaching is derived later from the endpoints (any cacheRead price).
 * - openWeights from open_weights; knowledgeCutoff = the month of `knowledge`; a release date
 *   known only to the month becomes the first of that month (reported as approximate).
 * - A provider without a file gets one from its rows (provider.ts).
 */
import type { Endpoint } from '@/lib/catalog/schema'

import { cleanModelName, detectMode, isFullDate, isMonth, mapModalities, mapStatus, tokens, toMonth } from '../../facts'
import { firstPartyRank } from '../../first-party'
import { safeModelId, splitId } from '../../ids'
import type { ModelsDevRow } from '../../input'
import type { KnownIds, Resolved } from '../../resolve'
import { compactKey, isRouterId, resolveProviderId } from '../../resolve'
import type { ModelCandidate, ModelFacts, ProviderSeed, Tally } from '../../types'
import { mapCost } from './cost'
import { providerFromRows } from './provider'

/**
 * Subscription plans: flat-fee access whose listed prices are not per-token prices (`*-coding-plan`,
 * `*-token-plan`, Kimi for Coding, GitHub Copilot, GitLab Duo, which comes with a GitLab seat).
 */
const PLAN_PROVIDERS: ReadonlySet<string> = new Set(['kimi-for-coding', 'github-copilot', 'gitlab'])

/**
 * Free prototyping allowances: $0 with daily request caps, not a production price, which would
 * otherwise show as the "cheapest" (Free) offer of every model they list: GitHub Models,
 * ModelScope's API-Inference quota, iFlow's free API.
 */
const ALLOWANCE_PROVIDERS: ReadonlySet<string> = new Set(['github-models', 'modelscope', 'iflowcn'])

export function isPlanProvider(provider: string): boolean {
  return (
    provider.includes('coding-plan') ||
    provider.includes('token-plan') ||
    PLAN_PROVIDERS.has(provider) ||
    ALLOWANCE_PROVIDERS.has(provider)
  )
}

/**
 * Providers whose models.dev prices are in their own currency, not USD (models.dev has no
 * currency field). Moark (Gitee AI) lists MiniMax-M2.1 at 2.1 / 8.4 per 1M tokens, MiniMax's
 * own CNY price (its USD price is 0.3 / 1.2), and GLM-4.7 at 3.5 / 14 against Z.ai's USD 0.6 /
 * 2.2: CNY. LLMTR, a Turkish reseller, lists Qwen3.6 35B-A3B at 5 / 10 where 16 other providers
 * ask a median 0.19 / 1.1, and a 4B MedGemma at 3 / 5: TRY. Their non-zero prices are skipped,
 * not converted (an exchange rate would make a USD figure the provider never set); a zero price
 * is zero in any currency and is kept. The data check's `price-scale` rule finds the next one.
 */
export const NON_USD_PROVIDERS: Readonly<Record<string, string>> = { moark: 'CNY', llmtr: 'TRY' }

/**
 * Prices a provider gives to models it has no price for: a fixed pair, not the model's price.
 * NanoGPT (which otherwise bills in USD, its figures a hair under the vendor's: 4.998 for 5)
 * lists exactly 9.996 / 19.992 per 1M tokens on its `auto-model-*` routers and on OpenAI models
 * whose real prices are far apart: o3-mini-low (OpenAI: 1.1 / 4.4), o3-pro-2025-06-10 (20 /
 * 80), o3-deep-research (10 / 40), o4-mini-deep-research (2 / 8), gpt-5-codex (1.25 / 10).
 * Such a row is skipped and reported, never imported as a price.
 */
export const PLACEHOLDER_PRICES: Readonly<Record<string, { input: number; output: number }>> = {
  'nano-gpt': { input: 9.996, output: 19.992 },
}

/** Whether the row's input and output prices are its provider's placeholder pair. */
export function isPlaceholderPrice(provider: string, cost: { input?: unknown; output?: unknown }): boolean {
  const p = PLACEHOLDER_PRICES[provider]
  return p !== undefined && cost.input === p.input && cost.output === p.output
}

function planReason(provider: string): string {
  return ALLOWANCE_PROVIDERS.has(provider)
    ? 'free prototyping allowance: $0 with request caps, not a price'
    : 'subscription plan: prices are not per token'
}

export interface ModelsDevMapping {
  candidates: ModelCandidate[]
  /** Provider id → how to create its file, for every provider with an endpoint. */
  providers: Map<string, ProviderSeed>
  /** Every provider id the source lists (for "not in source" reporting). */
  coveredProviders: Set<string>
  /** Ids changed to be URL-safe: source spelling → our id. */
  renamed: Map<string, string>
  /** Release dates known to the month only, set to the first of the month. */
  approximated: string[]
  /** Rows without a canonical id: `provider/modelId → vendor/model` (new ones marked). */
  resolved: string[]
}

interface Accepted {
  row: ModelsDevRow
  endpoint: Endpoint
}

/** The fields the "most common values" comparison looks at. */
const FACT_FIELDS: Array<(r: ModelsDevRow) => unknown> = [
  (r) => r.name,
  (r) => r.family,
  (r) => r.status,
  (r) => r.release_date,
  (r) => r.knowledge,
  (r) => JSON.stringify(r.modalities),
  (r) => r.tool_call,
  (r) => r.reasoning,
  (r) => r.attachment,
  (r) => r.structured_output,
  (r) => r.open_weights,
  (r) => r.limit?.context,
  (r) => r.limit?.output,
]

/** Rows ordered by how much they agree with the others (most typical first). */
function byAgreement(rows: ModelsDevRow[]): ModelsDevRow[] {
  const counts = FACT_FIELDS.map((f) => {
    const m = new Map<string, number>()
    for (const r of rows) {
      const k = JSON.stringify(f(r) ?? null)
      m.set(k, (m.get(k) ?? 0) + 1)
    }
    return m
  })
  const score = (r: ModelsDevRow) =>
    FACT_FIELDS.reduce((s, f, i) => s + (counts[i]!.get(JSON.stringify(f(r) ?? null)) ?? 0), 0)
  return [...rows].sort((a, b) => score(b) - score(a) || a.provider.localeCompare(b.provider))
}

function first<T>(rows: ModelsDevRow[], get: (r: ModelsDevRow) => T | undefined | null): T | undefined {
  for (const r of rows) {
    const v = get(r)
    if (v !== undefined && v !== null) return v
  }
  return undefined
}

/** The listing to keep when a provider lists the same model more than once. */
function preferredListing(a: Accepted, b: Accepted, canonicalModel: string): number {
  const tail = (s: string) => (s.split('/').pop() ?? s).toLowerCase()
  const exact = (x: Accepted) => (tail(x.row.modelId) === canonicalModel.toLowerCase() ? 0 : 1)
  const variant = (x: Accepted) => (/(:|-)free$/.test(x.row.modelId) ? 1 : 0)
  return (
    exact(a) - exact(b) ||
    variant(a) - variant(b) ||
    a.row.modelId.length - b.row.modelId.length ||
    a.row.modelId.localeCompare(b.row.modelId)
  )
}

/**
 * The model each row without a canonical id serves (resolve.ts). New models that several
 * providers spell differently (`qwen3.5-9b`, `qwen3-5-9b`) get one id: the spelling most rows
 * use, then the shortest.
 */
function resolveRows(rows: ModelsDevRow[], known: KnownIds): Map<ModelsDevRow, Resolved> {
  const out = new Map<ModelsDevRow, Resolved>()
  const spellings = new Map<string, Map<string, number>>()
  const keyOf = (id: string) => `${id.split('/')[0]}/${compactKey(id.slice(id.indexOf('/') + 1))}`
  for (const row of rows) {
    if (row.canonicalModelId || isPlanProvider(row.provider)) continue
    const r = resolveProviderId(row.provider, row.modelId, known)
    if (!r) continue
    out.set(row, r)
    if (r.matched) continue
    const counts = spellings.get(keyOf(r.id)) ?? new Map<string, number>()
    counts.set(r.id, (counts.get(r.id) ?? 0) + 1)
    spellings.set(keyOf(r.id), counts)
  }
  const chosen = new Map<string, string>()
  for (const [key, counts] of spellings) {
    const best = [...counts].sort((a, b) => b[1] - a[1] || a[0].length - b[0].length || a[0].localeCompare(b[0]))[0]!
    chosen.set(key, best[0])
  }
  for (const [row, r] of out) if (!r.matched) out.set(row, { ...r, id: chosen.get(keyOf(r.id)) ?? r.id })
  return out
}

export function mapModelsDev(
  rows: ModelsDevRow[],
  vendorExists: (vendor: string) => boolean,
  skip: Tally,
  ignored: Tally,
  /** The ids rows without a canonical id are matched against; without it, such rows are skipped. */
  known?: KnownIds,
): ModelsDevMapping {
  const groups = new Map<string, { vendor: string; sourceId: string; model: string; items: Accepted[] }>()
  const coveredProviders = new Set<string>()
  const renamed = new Map<string, string>()
  const approximated: string[] = []
  const resolved: string[] = []

  const resolutions = known ? resolveRows(rows, known) : new Map<ModelsDevRow, Resolved>()
  const rowsByProvider = new Map<string, ModelsDevRow[]>()
  for (const row of rows) {
    coveredProviders.add(row.provider)
    const list = rowsByProvider.get(row.provider) ?? []
    list.push(row)
    rowsByProvider.set(row.provider, list)
    const label = `${row.provider}/${row.modelId}`
    if (isPlanProvider(row.provider)) {
      skip(planReason(row.provider), row.provider)
      continue
    }
    if (!row.cost) {
      skip('no cost (no per-token price)', label)
      continue
    }
    const currency = NON_USD_PROVIDERS[row.provider]
    if (currency && Object.values(row.cost).some((v) => typeof v === 'number' && v !== 0)) {
      skip(`prices in ${currency}, not USD (not converted: no USD price is known)`, label)
      continue
    }
    if (isPlaceholderPrice(row.provider, row.cost)) {
      skip(
        `placeholder price ${row.cost.input} / ${row.cost.output}: the figure the provider gives models it has no price for, not this model's price`,
        label,
      )
      continue
    }
    const contextWindow = tokens(row.limit?.context)
    if (contextWindow === undefined) {
      skip('no usable context window (limit.context is 0 or missing)', label)
      continue
    }
    const status = mapStatus(row.status)
    if (!status) {
      skip(`unknown status "${row.status}"`, label)
      continue
    }
    const cost = mapCost(row.cost, label, ignored)
    if (!cost.pricing) {
      skip(cost.problem, label)
      continue
    }
    let canonical = row.canonicalModelId
    if (!canonical) {
      // A provider's own id: the catalog model it serves, or a new one (resolve.ts).
      const r = resolutions.get(row)
      if (!r) {
        skip(
          isRouterId(row.modelId)
            ? 'a router (picks a model per request), not a model'
            : 'no canonicalModelId and no usable model id',
          label,
        )
        continue
      }
      resolved.push(`${label} → ${r.id}${r.matched ? '' : ' (new)'}`)
      canonical = r.id
    }
    const { vendor: rawVendor, model } = splitId(canonical)
    const id = safeModelId(rawVendor, model)
    if (!id) {
      skip('canonicalModelId is not usable as a file name', canonical)
      continue
    }
    if (row.canonicalModelId && id !== row.canonicalModelId) renamed.set(row.canonicalModelId, id)
    const vendor = id.split('/')[0]!
    if (!vendorExists(vendor)) {
      skip('unknown vendor (no content/vendors/<vendor>.yaml)', vendor)
      continue
    }
    // Keys in schema order: provider, modelId, contextWindow, maxOutputTokens, pricing, status.
    const maxOutputTokens = tokens(row.limit?.output)
    const endpoint: Endpoint = {
      provider: row.provider,
      modelId: row.modelId,
      contextWindow,
      ...(maxOutputTokens !== undefined ? { maxOutputTokens } : {}),
      pricing: cost.pricing,
      status,
    }
    const group = groups.get(id) ?? { vendor, sourceId: canonical, model, items: [] }
    groups.set(id, group)
    group.items.push({ row, endpoint })
  }

  const providers = new Map<string, ProviderSeed>()
  const candidates: ModelCandidate[] = []
  for (const [id, group] of groups) {
    // One endpoint per provider.
    const byProvider = new Map<string, Accepted[]>()
    for (const a of group.items) {
      const list = byProvider.get(a.row.provider) ?? []
      list.push(a)
      byProvider.set(a.row.provider, list)
    }
    const kept: Accepted[] = []
    for (const list of byProvider.values()) {
      list.sort((a, b) => preferredListing(a, b, group.model))
      kept.push(list[0]!)
      for (const dup of list.slice(1)) {
        skip(
          'duplicate listing: the provider lists the model more than once (one endpoint per provider is kept)',
          `${dup.row.provider}/${dup.row.modelId}`,
        )
      }
    }
    const rows = kept.map((a) => a.row)
    const ordered = byAgreement(rows)
    const firstParty = rows
      .filter((r) => firstPartyRank(group.vendor, r.provider) >= 0)
      .sort((a, b) => firstPartyRank(group.vendor, a.provider) - firstPartyRank(group.vendor, b.provider))
    const order = [...firstParty, ...ordered.filter((r) => !firstParty.includes(r))]
    const primary = order[0]!

    const facts: ModelFacts = {}
    // Prefer a display name over a slug-like one (some providers list `nemotron-3-nano-30b-a3b`).
    const displayName = (r: ModelsDevRow) => (r.name?.trim() ? cleanModelName(r.name) : undefined)
    const isSlug = (n: string) => n === n.toLowerCase() && !/\s/.test(n) && (n.match(/-/g) ?? []).length >= 3
    const name =
      first(order, (r) => {
        const n = displayName(r)
        return n && !isSlug(n) ? n : undefined
      }) ?? first(order, displayName)
    facts.name = name || group.model
    facts.status = mapStatus(primary.status)
    // Release date: a full date; if the preferred source knows only the month, a full date in
    // that month from another row, else the first of the month (reported).
    const firstDate = first(order, (r) =>
      isFullDate(r.release_date) || isMonth(r.release_date) ? r.release_date : undefined,
    )
    if (firstDate && isFullDate(firstDate)) facts.releaseDate = firstDate
    else if (firstDate) {
      const sameMonth = order.map((r) => r.release_date).find((d) => isFullDate(d) && d.startsWith(firstDate))
      facts.releaseDate = sameMonth ?? `${firstDate}-01`
      if (!sameMonth) {
        facts.releaseDateApprox = true
        approximated.push(`${id} (${firstDate})`)
      }
    }
    facts.knowledgeCutoff = first(order, (r) => toMonth(r.knowledge))
    facts.family = first(order, (r) => (r.family?.trim() ? r.family.trim() : undefined))
    const model = splitId(id).model
    if (model !== group.model) facts.aliases = [group.model]

    const modalitiesRow = order.find(
      (r) => mapModalities(r.modalities?.input).value.length && mapModalities(r.modalities?.output).value.length,
    )
    if (modalitiesRow) {
      const input = mapModalities(modalitiesRow.modalities?.input)
      const output = mapModalities(modalitiesRow.modalities?.output)
      for (const u of [...input.unknown, ...output.unknown]) ignored(`unknown modality "${u}"`, id)
      facts.modalities = { input: input.value, output: output.value }
      facts.mode = detectMode(id, input.value, output.value)
    }
    const bool = (get: (r: ModelsDevRow) => boolean | null | undefined) => first(order, get) === true
    const input = facts.modalities?.input ?? []
    const structuredOutputs = bool((r) => r.structured_output)
    facts.capabilities = {
      tools: bool((r) => r.tool_call),
      parallelToolCalls: false,
      vision: input.includes('image'),
      fileInput: input.includes('file') || bool((r) => r.attachment),
      structuredOutputs,
      jsonMode: structuredOutputs,
      webSearch: false,
      reasoning: bool((r) => r.reasoning),
      streaming: facts.mode === 'chat',
    }
    facts.openWeights = first(order, (r) => r.open_weights) ?? undefined
    facts.contextWindow = first(order, (r) => tokens(r.limit?.context))
    facts.maxOutputTokens = first(order, (r) => tokens(r.limit?.output))

    // Endpoints: the vendor's own first, then by provider id.
    const endpoints = kept
      .sort((a, b) => {
        const ra = firstPartyRank(group.vendor, a.row.provider)
        const rb = firstPartyRank(group.vendor, b.row.provider)
        return (ra < 0 ? 99 : ra) - (rb < 0 ? 99 : rb) || a.row.provider.localeCompare(b.row.provider)
      })
      .map((a) => a.endpoint)
    for (const a of kept) {
      if (!providers.has(a.row.provider))
        providers.set(a.row.provider, providerFromRows(a.row.provider, rowsByProvider.get(a.row.provider)!))
    }
    candidates.push({ id, vendor: group.vendor, sourceId: group.sourceId, facts, endpoints })
  }
  candidates.sort((a, b) => a.id.localeCompare(b.id))
  return { candidates, providers, coveredProviders, renamed, approximated, resolved }
}
