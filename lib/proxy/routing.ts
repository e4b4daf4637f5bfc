/**
 * Which model a request names, and which of its endpoints to try, in order. Pure: the catalog
 * and the environment's keys are inputs.
 */
import type { VariantDefaults } from '@/lib/catalog/schema'
import type { Model, ProviderDoc, Router } from '@/lib/catalog/types'
import { envPrefix } from '@/lib/env'

import { ProxyError } from './errors'
import type { ProviderPrefs } from './schema'

export interface RoutingTable {
  /** Full id, bare id, aliases (bare and `vendor/alias`) → model. Ambiguous names map to several. */
  byName: Map<string, Model[]>
  models: Model[]
  providers: Map<string, ProviderDoc>
  /** Routers by id (`router/<name>`). */
  routers: Map<string, Router>
}

export function buildRoutingTable(models: Model[], providers: ProviderDoc[], routers: Router[] = []): RoutingTable {
  const byName = new Map<string, Model[]>()
  const add = (name: string, m: Model) => {
    const list = byName.get(name) ?? []
    if (!list.includes(m)) list.push(m)
    byName.set(name, list)
  }
  for (const m of models) {
    add(m.id, m)
    add(m.id.slice(m.id.indexOf('/') + 1), m)
    // An alias by itself and with the vendor in front: `anthropic/claude-haiku-4-5-20251001` was a
    // model id of its own before the snapshot was merged into anthropic/claude-haiku-4-5.
    for (const a of m.aliases) {
      add(a, m)
      add(`${m.vendor}/${a}`, m)
    }
  }
  return {
    byName,
    models,
    providers: new Map(providers.map((p) => [p.id, p])),
    routers: new Map(routers.map((r) => [r.id, r])),
  }
}

/** Names longer than this get no "did you mean": no id is anywhere near as long. */
const MAX_SUGGEST_LENGTH = 100

/**
 * Edit distance between `a` and `b` when it is at most `max`, else `max + 1`. Stops as soon as
 * every cell of a row exceeds `max`, so dissimilar names cost a few rows, not the whole matrix.
 */
export function distanceAtMost(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1
  const row = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!
    row[0] = i
    let rowMin = i
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!
      const v = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1))
      row[j] = v
      if (v < rowMin) rowMin = v
      prev = tmp
    }
    if (rowMin > max) return max + 1
  }
  return Math.min(row[b.length]!, max + 1)
}

/** Lower-cased ids and bare ids of a table's models, computed once per table. */
const namesOf = new WeakMap<RoutingTable, Array<{ id: string; lower: string; bare: string }>>()
/** Answers for names asked before: a client repeating a wrong name costs a map lookup. */
const recent = new WeakMap<RoutingTable, Map<string, string[]>>()

/**
 * Up to `count` catalog ids close to `name`, for "did you mean": ids containing it (or whose bare
 * id it contains) first, then those within an edit distance of about a third of its length.
 * Bounded work: long names get none, distances stop at the threshold, answers are remembered.
 */
export function closeMatches(name: string, table: RoutingTable, count = 3): string[] {
  const needle = name.toLowerCase()
  if (needle.length === 0 || needle.length > MAX_SUGGEST_LENGTH) return []
  let cache = recent.get(table)
  if (!cache) {
    cache = new Map()
    recent.set(table, cache)
  }
  const known = cache.get(needle)
  if (known) return known

  let names = namesOf.get(table)
  if (!names) {
    names = table.models.map((m) => {
      const lower = m.id.toLowerCase()
      return { id: m.id, lower, bare: lower.slice(lower.indexOf('/') + 1) }
    })
    namesOf.set(table, names)
  }
  const max = Math.max(2, Math.ceil(needle.length / 3))
  const scored: Array<{ id: string; score: number }> = []
  for (const n of names) {
    const contains = n.lower.includes(needle) || needle.includes(n.bare)
    const d = Math.min(distanceAtMost(needle, n.lower, max), distanceAtMost(needle, n.bare, max))
    if (contains) scored.push({ id: n.id, score: d - 1000 })
    else if (d <= max) scored.push({ id: n.id, score: d })
  }
  const found = scored
    .sort((a, b) => a.score - b.score || a.id.localeCompare(b.id))
    .slice(0, count)
    .map((x) => x.id)
  if (cache.size >= 1000) cache.delete(cache.keys().next().value!)
  cache.set(needle, found)
  return found
}

export function resolveModel(name: string, table: RoutingTable): Model {
  const found = table.byName.get(name) ?? table.byName.get(name.toLowerCase())
  if (found?.length === 1) return found[0]!
  if (found && found.length > 1) {
    throw new ProxyError(
      400,
      `Model '${name}' is ambiguous: use one of ${found.map((m) => `'${m.id}'`).join(', ')}`,
      'invalid_request_error',
      'model_ambiguous',
      'model',
    )
  }
  const close = closeMatches(name, table)
  throw new ProxyError(
    404,
    `Model '${name}' is not in the catalog.${close.length ? ` Did you mean ${close.map((c) => `'${c}'`).join(', ')}?` : ''}`,
    'invalid_request_error',
    'model_not_found',
    'model',
  )
}

/** One model to try, and the router variant it stands for, if any. */
export interface Target {
  model: Model
  router?: { id: string; variant: string }
  /** Request defaults of the router variant, applied where the caller set nothing. */
  defaults?: VariantDefaults
}

/** Picks an index with probability proportional to its weight. `random` returns [0, 1). */
export function pickWeighted(weights: number[], random: () => number): number {
  const total = weights.reduce((s, w) => s + w, 0)
  let r = random() * total
  for (let i = 0; i < weights.length; i++) {
    r -= weights[i]!
    if (r < 0) return i
  }
  return weights.length - 1
}

/**
 * The models a requested name stands for, in the order to try them: a model is itself; a
 * router (`router/<name>`) is one variant picked by weight, then its fallback order.
 */
export function resolveTargets(name: string, table: RoutingTable, random: () => number = Math.random): Target[] {
  if (name.startsWith('router/')) {
    const router = table.routers.get(name)
    if (!router) {
      const known = [...table.routers.keys()]
      throw new ProxyError(
        404,
        `Router '${name}' does not exist.${known.length ? ` Routers: ${known.map((k) => `'${k}'`).join(', ')}.` : ''}`,
        'invalid_request_error',
        'model_not_found',
        'model',
      )
    }
    const chosen =
      router.variants[
        pickWeighted(
          router.variants.map((v) => v.weight),
          random,
        )
      ]!
    const order = [chosen.model, ...router.fallbackOrder.filter((m) => m !== chosen.model)]
    return order.map((id) => {
      const variant = router.variants.find((v) => v.model === id)
      return { model: resolveModel(id, table), router: { id: router.id, variant: id }, defaults: variant?.defaults }
    })
  }
  return [{ model: resolveModel(name, table) }]
}

export interface Candidate {
  target?: Target
  model: Model
  endpoint: Model['endpoints'][number]
  baseUrl: string
  apiKey: string
}

export interface KeyLookup {
  providerKey(providerId: string): string | undefined
  providerBaseUrl(providerId: string): string | undefined
}

/**
 * The endpoints to try for `model`, in order: those whose provider has a key and a base URL,
 * available before deprecated, cheapest first (the catalog's order), then the caller's
 * `provider` preferences. Throws 503 naming the variables to set when none is usable.
 */
export function candidates(model: Model, table: RoutingTable, env: KeyLookup, prefs: ProviderPrefs = {}): Candidate[] {
  // A retired endpoint is history: the provider no longer serves it.
  let list = model.endpoints.filter((e) => e.retirementDate === undefined)
  if (prefs.only) list = list.filter((e) => prefs.only!.includes(e.provider))
  if (prefs.ignore) list = list.filter((e) => !prefs.ignore!.includes(e.provider))
  if (prefs.order?.length) {
    const rank = (p: string) => {
      const i = prefs.order!.indexOf(p)
      return i === -1 ? prefs.order!.length : i
    }
    // stable sort keeps price order among the rest
    list = [...list].sort((a, b) => rank(a.provider) - rank(b.provider))
    if (prefs.allow_fallbacks === false) list = list.filter((e) => prefs.order!.includes(e.provider))
  }
  const usable: Candidate[] = []
  for (const endpoint of list) {
    const apiKey = env.providerKey(endpoint.provider)
    const baseUrl = env.providerBaseUrl(endpoint.provider) ?? table.providers.get(endpoint.provider)?.baseUrl
    if (apiKey && baseUrl) usable.push({ model, endpoint, apiKey, baseUrl: baseUrl.replace(/\/+$/, '') })
  }
  if (usable.length === 0) {
    const names = list.map((e) => e.provider)
    const reason =
      names.length === 0 && (prefs.only || prefs.ignore)
        ? " No provider is left after the request's provider.only / provider.ignore."
        : ''
    const err = new ProxyError(
      503,
      `No provider can serve '${model.id}' on this site right now.${reason}`,
      'api_error',
      'no_provider_available',
      'model',
    )
    // The variables to set are the operator's business, not the caller's: they go to the log.
    err.operatorHint = names.length
      ? `set a key (and a base URL where the provider has none) for one of: ${names
          .slice(0, 6)
          .map((p) => `${envPrefix(p)}_API_KEY`)
          .join(', ')}${names.length > 6 ? ', …' : ''}`
      : 'no provider serves it in the catalog'
    throw err
  }
  return prefs.allow_fallbacks === false ? usable.slice(0, 1) : usable
}
