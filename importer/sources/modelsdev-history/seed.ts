/**
 * Seeds `history` for the catalog's endpoints from the models.dev price history
 * (`--from models.dev-history <file>`). Per endpoint, the offer `<provider>/<modelId>`:
 *
 * - Its price records become periods (prices mapped as the models.dev import maps `cost`;
 *   records with the same prices as the one before are merged; a record without a cost table
 *   ends the period before it with `to`).
 * - Suspicious transitions (history.ts `suspicious`) are held for review. A spike (a suspicious
 *   change undone later, when the price returns to what it was: a published data error) is left
 *   out, the price before it running on; any other suspicious change keeps the whole endpoint
 *   unseeded. `--accept <id>` keeps a spike in, or seeds the endpoint with the change.
 * - The last period must equal the file's `pricing`; otherwise (the price came from another
 *   source) nothing is written for the endpoint and the report says so.
 * - An offer removed upstream (and not renamed) retires the endpoint on the day it left.
 * - An endpoint that already has a history is left alone: seeding runs once, later imports append.
 */

import { PRICE_FIELDS, samePricing } from '@/lib/catalog/history-rules'
import type { Endpoint, Pricing } from '@/lib/catalog/schema'

import type { Held, SeedSummary } from '../../history'
import { holdId, period, suspicious } from '../../history'
import { finish } from '../../output'
import { ImportState } from '../../state'
import type { ContentSnapshot, ImportResult } from '../../types'
import { mapCost } from '../modelsdev/cost'
import type { HistoryFile, HistoryOffer } from './input'

interface Draft {
  from: string
  to?: string
  pricing: Pricing
}

const noop = () => {}

/** `cacheRead 0.1 (file: 0.15), request (none) (file: 0.001)`: where two pricings differ. */
function differences(a: Pricing, b: Pricing): string {
  return PRICE_FIELDS.filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]))
    .map((k) => `${k} ${JSON.stringify(a[k]) ?? '(none)'} (file: ${JSON.stringify(b[k]) ?? '(none)'})`)
    .join(', ')
}

/** An offer's price records → periods (no judgement yet). */
export function draftPeriods(offer: HistoryOffer, label: string): Draft[] {
  const out: Draft[] = []
  for (const rec of offer.prices) {
    const last = out.at(-1)
    const { from, commit: _commit, ...cost } = rec
    const mapped = rec.input === null || rec.output === null ? undefined : mapCost(cost, label, noop).pricing
    if (!mapped) {
      if (last && last.to === undefined) last.to = from
      continue
    }
    if (last && last.to === undefined && samePricing(last.pricing, mapped)) continue
    if (last?.from === from) out.pop()
    out.push({ from, pricing: mapped })
  }
  return out
}

export interface SeedOutcome {
  /** The periods to write, or undefined when a held change keeps the endpoint unseeded. */
  periods: Draft[] | undefined
  held: Held[]
  accepted: Held[]
}

/**
 * Judge an offer's periods: leave out spikes, hold other suspicious changes (README, "Price
 * history"). `accept` holds the ids to apply anyway.
 */
export function judgePeriods(
  draft: Draft[],
  model: string,
  provider: string,
  accept: ReadonlySet<string>,
): SeedOutcome {
  const periods = draft.map((d) => ({ ...d }))
  const held: Held[] = []
  const accepted: Held[] = []
  let blocked = false
  const returns = new Set<string>()
  for (let i = 1; i < periods.length; i++) {
    const prev = periods[i - 1]!
    const cur = periods[i]!
    const reasons = suspicious(prev.pricing, cur.pricing)
    if (!reasons.length || returns.has(cur.from)) continue
    // Undone: input and output return to what they were (other prices may have moved meanwhile).
    const back = periods.findIndex(
      (p, j) => j > i && p.pricing.input === prev.pricing.input && p.pricing.output === prev.pricing.output,
    )
    const h: Held = {
      id: holdId(model, provider, cur.from, prev.pricing, cur.pricing),
      model,
      provider,
      date: cur.from,
      from: prev.pricing,
      to: cur.pricing,
      reasons,
      effect:
        back > 0
          ? `undone on ${periods[back]!.from}: left out as a data error`
          : 'not undone later: the endpoint gets no history',
    }
    if (accept.has(h.id)) {
      accepted.push(h)
      // An accepted spike comes with its return.
      if (back > 0) returns.add(periods[back]!.from)
      continue
    }
    held.push(h)
    if (back > 0) {
      // The spike is dropped; a return to exactly the old prices merges into the period before it.
      periods.splice(i, back - i)
      const resumed = periods[i]!
      if (samePricing(resumed.pricing, prev.pricing)) {
        prev.to = resumed.to
        periods.splice(i, 1)
      }
      i--
    } else blocked = true
  }
  return { periods: blocked ? undefined : periods, held, accepted }
}

/** Seed the histories. Pure apart from the inputs given; writes nothing. */
export function seedHistory(
  source: HistoryFile,
  snapshot: ContentSnapshot,
  { dryRun = false, today, accept = [] }: { dryRun?: boolean; today?: string; accept?: string[] } = {},
): ImportResult {
  const state = new ImportState(snapshot, dryRun, today)
  const r = state.report
  r.sources.push({
    kind: 'models.dev-history',
    file: source.file,
    records: Object.keys(source.offers).length,
    date: source.to,
  })
  const acceptSet = new Set(accept)
  const seed: SeedSummary = {
    endpoints: 0,
    withHistory: 0,
    seeded: 0,
    periods: 0,
    changes: 0,
    alreadyHadHistory: 0,
    notInSource: 0,
    latestDiffers: [],
    retired: 0,
    renamed: [],
  }
  r.history.seed = seed
  for (const m of state.models.values()) {
    m.seen = true // not a catalog source: "not in any source" would mean nothing here
    if (m.frozen || m.locked.has('endpoints')) continue
    const list = (m.data.endpoints as Endpoint[] | undefined) ?? []
    let changed = false
    const next = list.map((e): Endpoint => {
      seed.endpoints++
      const key = `${e.provider}/${e.modelId}`
      const offer = source.offers[key]
      if (!offer) {
        seed.notInSource++
        return e
      }
      seed.withHistory++
      if (e.history?.length) {
        seed.alreadyHadHistory++
        return e
      }
      const outcome = judgePeriods(draftPeriods(offer, key), m.id, e.provider, acceptSet)
      r.history.held.push(...outcome.held)
      r.history.accepted.push(...outcome.accepted)
      const periods = outcome.periods
      if (!periods?.length) return e
      const last = periods.at(-1)!
      if (!samePricing(last.pricing, e.pricing)) {
        seed.latestDiffers.push({
          model: m.id,
          provider: e.provider,
          detail: `from ${last.from} the history has ${differences(last.pricing, e.pricing)}`,
        })
        return e
      }
      const renamedTo = offer.renamed_to && source.offers[offer.renamed_to]
      let retirementDate = e.retirementDate
      if (offer.removed && retirementDate === undefined) {
        if (renamedTo && renamedTo.removed === null)
          seed.renamed.push({ model: m.id, provider: e.provider, to: offer.renamed_to! })
        else {
          retirementDate = offer.removed
          seed.retired++
        }
      }
      seed.seeded++
      seed.periods += periods.length
      seed.changes += periods.filter((p, i) => i > 0 && !samePricing(p.pricing, periods[i - 1]!.pricing)).length
      changed = true
      // The last period stays open: a retirement ends it.
      const history = periods.map((p, i) => period(p.from, p.pricing, i < periods.length - 1 ? p.to : undefined))
      return { ...e, retirementDate, history }
    })
    if (changed) m.data.endpoints = next
  }
  r.history.unmatchedAccepts.push(
    ...accept.filter((id) => !r.history.accepted.some((h) => h.id === id) && !r.history.held.some((h) => h.id === id)),
  )
  const writes = finish(state)
  return { writes, report: r }
}
