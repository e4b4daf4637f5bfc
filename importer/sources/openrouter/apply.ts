/**
 * OpenRouter models → the catalog. Each entry is matched to a catalog model (exact id, alias,
 * then normalised and undated forms) and sets the facts OpenRouter knows best and the model's
 * `openrouter` endpoint; entries that match nothing create a model where the vendor has a file.
 * Entry mapping is in map.ts; the rules are in the README, "Importing the catalog".
 */
import type { Endpoint } from '@/lib/catalog/schema'

import { matchKeys, safeModelId } from '../../ids'
import { note } from '../../report'
import type { ImportState, ModelState } from '../../state'
import { OR_FLAGS } from '../../state'
import type { SourceApplier, SourceOf } from '../source'
import type { OpenRouterCandidate } from './map'
import { mapOpenRouterModel, OPENROUTER_PROVIDER, OPENROUTER_PROVIDER_FILE } from './map'

export const openRouterSource: SourceApplier<SourceOf<'openrouter'>> = {
  kind: 'openrouter',
  enrichesOnly: false,
  apply: applyOpenRouter,
}

function applyOpenRouter(state: ImportState, source: SourceOf<'openrouter'>): void {
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
