/**
 * LiteLLM entries → enrichment of the models that already exist (never creates a model or an
 * endpoint). Keys are matched to ids and aliases of the entry's vendor, exact before normalised;
 * the entries of one model are combined and applied, and price or limit disagreements with the
 * first-party endpoint are reported. Entry mapping and the flag rules are in map.ts; the rules
 * are in the README, "Importing the catalog".
 */
import type { Endpoint } from '@/lib/catalog/schema'

import { matchKeys, safeModelId } from '../../ids'
import { note } from '../../report'
import type { ImportState, ModelState } from '../../state'
import type { SourceApplier, SourceOf } from '../source'
import { isNewFlagship, liteLLMModel } from './create'
import type { LiteLLMCandidate, LiteLLMMatch, ModelView } from './map'
import {
  compareWithEndpoint,
  enrich,
  firstPartyEndpoint,
  LITELLM_USED_FIELDS,
  mapLiteLLMEntry,
  orderMatches,
  providerPreference,
} from './map'

export const liteLLMSource: SourceApplier<SourceOf<'litellm'>> = {
  kind: 'litellm',
  enrichesOnly: true,
  apply: applyLiteLLM,
}

function applyLiteLLM(state: ImportState, source: SourceOf<'litellm'>): void {
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
  const unmatched: LiteLLMCandidate[] = []
  for (const { key, entry } of source.entries) {
    const r = mapLiteLLMEntry(key, entry, providerNames, (v) => state.vendorNames.has(v))
    if (!r.ok) {
      state.skip(r.reason, r.example)
      continue
    }
    const c = r.candidate
    const hits = exact.get(`${c.vendor}/${c.name}`) ?? loose.get(`${c.vendor}/${matchKeys(c.name)[1]}`) ?? []
    if (!hits.length) {
      unmatched.push(c)
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
  createFlagships(state, unmatched, claims, today)
  for (const id of [...claims.keys()].sort())
    applyLiteLLMMatch(state, state.models.get(id)!, orderMatches(claims.get(id)!), today, nativeStructured)
}

/**
 * Entries no catalog model matches: a new first-party flagship becomes a model (create.ts), with
 * the vendor's price and limits, and is then enriched like any matched model; the rest are skipped.
 * Several entries of one name (`gemini/gemini-3.6-flash`, Vertex's `gemini-3.6-flash`) make one
 * model, from the preferred provider's entry.
 */
function createFlagships(
  state: ImportState,
  unmatched: LiteLLMCandidate[],
  claims: Map<string, LiteLLMMatch[]>,
  today: string,
): void {
  const byName = new Map<string, LiteLLMCandidate[]>()
  for (const c of unmatched) {
    const list = byName.get(`${c.vendor}/${c.name}`) ?? []
    list.push(c)
    byName.set(`${c.vendor}/${c.name}`, list)
  }
  const siblings = new Map<string, string[]>()
  for (const m of state.models.values()) {
    const list = siblings.get(m.vendor) ?? []
    list.push(m.id.slice(m.vendor.length + 1))
    siblings.set(m.vendor, list)
  }
  for (const [name, list] of byName) {
    list.sort((a, b) => providerPreference(a.provider) - providerPreference(b.provider) || a.key.localeCompare(b.key))
    const c = list[0]!
    const skipAll = (reason: string) => {
      for (const x of list) state.skip(reason, x.key)
    }
    const chat = c.entry.mode === 'chat' || c.entry.mode === 'responses'
    const deprecated = c.entry.deprecation_date != null && c.entry.deprecation_date <= today
    const id = safeModelId(c.vendor, c.name)
    if (!chat || deprecated || !id || !isNewFlagship(c.name, siblings.get(c.vendor) ?? [])) {
      skipAll(`no catalog model has this id or alias (vendor ${c.vendor})`)
      continue
    }
    const made = liteLLMModel(c)
    if ('problem' in made) {
      skipAll(`a new first-party model, but ${made.problem}`)
      continue
    }
    if (!state.providers.has(made.endpoint.provider)) {
      skipAll(`a new first-party model, but no provider file ${made.endpoint.provider}`)
      continue
    }
    const m = state.createModel(id, c.vendor, made.facts, c.key, { releaseDateUnknown: true })
    if (!m) continue
    state.upsertEndpoint(m, made.endpoint)
    note(
      state.report,
      "Created from LiteLLM: the only source listing the vendor's own model (price and limits from its entry; LiteLLM has no release dates, so the release date is left out and shows as unknown until a source or a hand edit gives one)",
      `${name} ← ${list.map((x) => x.key).join(', ')}`,
    )
    claims.set(
      id,
      list.map((candidate) => ({ candidate, rank: 0 })),
    )
  }
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
