/**
 * models.dev rows → the catalog. The vendor-level source: creates models (where the vendor has a
 * file) and their endpoints, sets the model-level facts, adds aliases, and maps the rows of a
 * model's alias onto that model. Row mapping is in map.ts; the rules are in the README,
 * "Importing the catalog".
 */
import { safeModelId, splitId } from '../../ids'
import { note } from '../../report'
import { KnownIds } from '../../resolve'
import type { ImportState, ModelState } from '../../state'
import type { ModelCandidate, ProviderSeed } from '../../types'
import type { SourceApplier, SourceOf } from '../source'
import { mapModelsDev } from './map'

export const modelsDevSource: SourceApplier<SourceOf<'models.dev'>> = {
  kind: 'models.dev',
  enrichesOnly: false,
  apply: applyModelsDev,
}

function applyModelsDev(state: ImportState, source: SourceOf<'models.dev'>): void {
  const mapping = mapModelsDev(
    source.rows,
    (v) => state.vendorNames.has(v),
    (r, e) => state.skip(r, e),
    (r, e) => state.ignore(r, e),
    knownIds(state, source.rows),
  )
  for (const r of mapping.resolved)
    note(state.report, 'Rows without a canonical id, mapped by their normalised id (new models marked)', r)
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

/** The ids a row without a canonical id may name: the catalog's models and aliases, then the source's canonical ids. */
function knownIds(state: ImportState, rows: SourceOf<'models.dev'>['rows']): KnownIds {
  const known = new KnownIds()
  for (const m of state.models.values()) {
    known.add(m.id)
    const aliases = ((m.data.aliases ?? m.before.aliases) as string[] | undefined) ?? []
    for (const a of aliases) known.add(m.id, `${m.vendor}/${a}`)
  }
  for (const r of rows) {
    if (!r.canonicalModelId) continue
    const { vendor, model } = splitId(r.canonicalModelId)
    const id = safeModelId(vendor, model)
    if (id) known.add(id)
  }
  return known
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
