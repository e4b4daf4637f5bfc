/**
 * Price history in imports (README, "Price history"). After the sources are applied, every
 * endpoint whose price changed gets the change appended to its `history`: the current period
 * closes on the day of the import and a new one opens. A past period is never rewritten.
 * Suspicious changes (`suspicious`) are held: the endpoint keeps its old price, and the report
 * lists the change under "held for review" with an id that `--accept <id>` applies. An endpoint
 * the sources no longer list (its provider is covered) is retired on the day of the import,
 * never deleted. Pure.
 */
import { createHash } from 'node:crypto'

import { periodPricing, samePricing } from '@/lib/catalog/history-rules'
import type { Endpoint, PricePeriod, Pricing } from '@/lib/catalog/schema'

import { orderEndpoint, orderPeriod } from './order'
import type { ImportState } from './state'

/** What an import did to histories, for its report. */
export interface HistoryReport {
  /** Suspicious changes not applied: `--accept <id>` applies one. */
  held: Held[]
  /** Suspicious changes applied because their id was given with `--accept`. */
  accepted: Held[]
  /** `--accept` ids that matched nothing in this run. */
  unmatchedAccepts: string[]
  /** Price changes appended (not suspicious, or accepted). */
  appended: Array<{ model: string; provider: string; date: string }>
  /** Endpoints the sources no longer list: retired on the import day. */
  retired: Array<{ model: string; provider: string; date: string }>
  /**
   * Endpoints not set on their model, whose offer (provider and model id) a source lists under
   * another model: a duplicate left by an earlier mapping, not a retirement. Kept, not retired.
   */
  listedElsewhere: Array<{ model: string; provider: string; modelId: string; on: string }>
  /** Retired endpoints a source lists again, newer than their retirement: back in service. */
  returned: Array<{ model: string; provider: string; date: string }>
  /** Seeding only: counts and notes (sources/modelsdev-history). */
  seed?: SeedSummary
}

export interface SeedSummary {
  endpoints: number
  withHistory: number
  seeded: number
  periods: number
  changes: number
  alreadyHadHistory: number
  notInSource: number
  /** The source's latest price differs from the file's: no history written. */
  latestDiffers: Array<{ model: string; provider: string; detail: string }>
  retired: number
  /** Offers renamed upstream rather than removed: not retired. */
  renamed: Array<{ model: string; provider: string; to: string }>
}

export interface Held {
  id: string
  model: string
  provider: string
  /** The day the change took (or would take) effect. */
  date: string
  from: Pricing
  to: Pricing
  reasons: string[]
  /** What happens while it is held. */
  effect: string
}

export function emptyHistoryReport(): HistoryReport {
  return { held: [], accepted: [], unmatchedAccepts: [], appended: [], retired: [], listedElsewhere: [], returned: [] }
}

const RULE_FIELDS = ['input', 'output', 'cacheRead', 'cacheWrite', 'reasoning'] as const

/**
 * Why a change from `a` to `b` looks like a data error rather than a price change (empty: it
 * does not): a price that moves by 5× or more, a price that goes to or from zero, a cache-read
 * price above the input price, output 10× or more cheaper than input. The last two count only
 * when the change brings them in.
 */
export function suspicious(a: Pricing, b: Pricing): string[] {
  const reasons: string[] = []
  for (const k of RULE_FIELDS) {
    const x = a[k]
    const y = b[k]
    if (x === undefined || y === undefined || x === y) continue
    if ((x === 0) !== (y === 0)) reasons.push(`${k} ${x === 0 ? 'from' : 'to'} zero (${x} → ${y})`)
    else if (x > 0 && y > 0 && Math.max(x, y) / Math.min(x, y) >= 5)
      reasons.push(`${k} moves ${(Math.max(x, y) / Math.min(x, y)).toPrecision(3)}× (${x} → ${y})`)
  }
  const cacheAbove = (p: Pricing) => p.cacheRead !== undefined && p.cacheRead > p.input
  if (cacheAbove(b) && !cacheAbove(a)) reasons.push(`cacheRead ${b.cacheRead} above input ${b.input}`)
  const outputCheap = (p: Pricing) => p.output > 0 && p.input >= p.output * 10
  if (outputCheap(b) && !outputCheap(a)) reasons.push(`output ${b.output} is 10× or more cheaper than input ${b.input}`)
  return reasons
}

/** A held change's id: stable for the same model, provider, date and prices, so a re-run finds it again. */
export function holdId(model: string, provider: string, date: string, from: Pricing, to: Pricing): string {
  const hash = createHash('sha256')
    .update(JSON.stringify([model, provider, date, from, to]))
    .digest('hex')
    .slice(0, 8)
  return `${model}@${provider}#${hash}`
}

/** A period of `pricing` from `from`, in written key order. */
export function period(from: string, pricing: Pricing, to?: string): PricePeriod {
  return orderPeriod({ from, ...(to ? { to } : {}), ...pricing }) as PricePeriod
}

/**
 * `history` with `pricing` in force from `date`: appended as a new period, or (when the last
 * period began that same day) in place of it. The earlier periods are never touched, except
 * that a period ended by a retirement is closed with `to` when the endpoint returns after a gap.
 */
export function appendPeriod(
  history: PricePeriod[] | undefined,
  date: string,
  pricing: Pricing,
  retiredOn?: string,
): PricePeriod[] {
  const list = [...(history ?? [])]
  const last = list.at(-1)
  if (last && retiredOn !== undefined && retiredOn < date) list[list.length - 1] = { ...last, to: retiredOn }
  else if (last?.from === date) list.pop()
  else if (last && samePricing(periodPricing(last), pricing)) return list
  list.push(period(date, pricing))
  return list
}

type Ep = Endpoint

/**
 * The import's history step (plan.ts runs it after the sources, before the files are written).
 * `today` is the import day.
 */
export function applyHistory(state: ImportState, today: string, accept: ReadonlySet<string>): void {
  const r = state.report.history
  const used = new Set<string>()
  // Every offer a source set in this run (provider + the provider's model id) → the model it set it on.
  const offers = new Map<string, string>()
  for (const m of state.models.values())
    for (const [provider, { value }] of m.endpointSources) offers.set(`${provider}\n${value.modelId}`, m.id)
  for (const m of state.models.values()) {
    if (m.frozen || m.locked.has('endpoints')) continue
    const before = new Map(((m.before.endpoints as Ep[] | undefined) ?? []).map((e) => [e.provider, e]))
    const list = (m.data.endpoints as Ep[] | undefined) ?? []
    let changed = false
    const next = list.map((e): Ep => {
      const old = m.isNew ? undefined : before.get(e.provider)
      if (!old) {
        // A new endpoint: its history begins today.
        if (e.history) return e
        changed = true
        return orderEndpoint({ ...e, history: [period(today, e.pricing)] })
      }
      const setBySource = m.endpointSources.get(e.provider)
      // Sources write endpoints whole: carry over what only the files know.
      let out: Ep = { ...e, history: old.history, retirementDate: old.retirementDate }
      if (old.retirementDate !== undefined && setBySource) {
        const sourceDate = state.sourceDates.get(setBySource.source) ?? today
        if (sourceDate <= old.retirementDate) {
          // A list older than the retirement: the endpoint stays retired, exactly as the file has
          // it. The source wrote the endpoint whole (without history or retirementDate), so the
          // list must be replaced even though this endpoint did not change.
          const kept = orderEndpoint(old)
          if (JSON.stringify(kept) !== JSON.stringify(e)) changed = true
          return kept
        }
        out = {
          ...out,
          retirementDate: undefined,
          history: appendPeriod(old.history, today, e.pricing, old.retirementDate),
        }
        r.returned.push({ model: m.id, provider: e.provider, date: today })
      } else if (!samePricing(old.pricing, e.pricing)) {
        const reasons = suspicious(old.pricing, e.pricing)
        const held: Held = {
          id: holdId(m.id, e.provider, today, old.pricing, e.pricing),
          model: m.id,
          provider: e.provider,
          date: today,
          from: old.pricing,
          to: e.pricing,
          reasons,
          effect: 'the old price stays',
        }
        if (reasons.length && !accept.has(held.id)) {
          r.held.push(held)
          out = { ...out, pricing: old.pricing }
        } else {
          if (reasons.length) {
            r.accepted.push(held)
            used.add(held.id)
          }
          out = { ...out, history: appendPeriod(old.history, today, e.pricing) }
          r.appended.push({ model: m.id, provider: e.provider, date: today })
        }
      }
      // Gone from a source that lists this provider, while the sources still describe the model's
      // other offers: retired. (A model no source lists at all, e.g. one LiteLLM created, is only reported.)
      // Unless a source lists the very offer under another model: still sold, so not retired.
      if (
        out.retirementDate === undefined &&
        !setBySource &&
        state.coveredProviders.has(e.provider) &&
        m.endpointSources.size > 0
      ) {
        const on = offers.get(`${e.provider}\n${e.modelId}`)
        if (on !== undefined && on !== m.id)
          r.listedElsewhere.push({ model: m.id, provider: e.provider, modelId: e.modelId, on })
        else {
          out = { ...out, retirementDate: today }
          r.retired.push({ model: m.id, provider: e.provider, date: today })
        }
      }
      const ordered = orderEndpoint(out)
      if (JSON.stringify(ordered) !== JSON.stringify(e)) changed = true
      return ordered
    })
    if (changed) m.data.endpoints = next
  }
  r.unmatchedAccepts.push(...[...accept].filter((id) => !used.has(id) && !r.accepted.some((h) => h.id === id)))
}

const price = (p: Pricing) =>
  Object.entries(p)
    .filter(([k]) => k !== 'tiers')
    .map(([k, v]) => `${k} ${v}`)
    .join(', ') + (p.tiers?.length ? `, ${p.tiers.length} tier(s)` : '')

/** The report's history sections (report.ts prints them after the price changes). */
export function formatHistory(r: HistoryReport, limit: number): string[] {
  const out: string[] = []
  const section = (title: string, lines: string[], mark: string) => {
    if (!lines.length) return
    out.push('', `${title} (${lines.length}):`)
    for (const l of lines.slice(0, limit)) out.push(`${mark}${l}`)
    if (lines.length > limit) out.push(`  … and ${lines.length - limit} more (--verbose lists all)`)
  }
  if (r.seed) {
    const s = r.seed
    out.push(
      '',
      'Price history seed:',
      `  ${s.endpoints} endpoints in the catalog, ${s.withHistory} found in the history file (${s.notInSource} not in it)`,
      `  ${s.seeded} endpoints got a history: ${s.periods} periods, ${s.changes} price changes`,
      `  ${s.alreadyHadHistory} already had a history (left as they are)`,
      `  ${s.retired} retired (removed upstream, with the day they left)`,
    )
    section(
      'The history ends at another price than the file (no history written)',
      s.latestDiffers.map((d) => `${d.model} @ ${d.provider}: ${d.detail}`),
      '  ≠ ',
    )
    section(
      'Renamed upstream, not retired',
      s.renamed.map((d) => `${d.model} @ ${d.provider} → ${d.to}`),
      '  · ',
    )
  }
  section(
    'Price changes held for review (not applied; apply one with --accept <id>)',
    r.held.map((h) => `${h.id}  ${h.date}: ${price(h.from)} → ${price(h.to)}; ${h.reasons.join('; ')} (${h.effect})`),
    '  ⚠ ',
  )
  section(
    'Held changes accepted (--accept)',
    r.accepted.map((h) => `${h.id}  ${h.date}: ${price(h.from)} → ${price(h.to)}`),
    '  ✓ ',
  )
  section('--accept ids that matched no held change', r.unmatchedAccepts, '  ? ')
  section(
    'Price history: periods appended',
    r.appended.map((a) => `${a.model} @ ${a.provider} from ${a.date}`),
    '  + ',
  )
  section(
    'Retired (no longer in the source; kept with the day they left)',
    r.retired.map((a) => `${a.model} @ ${a.provider} on ${a.date}`),
    '  - ',
  )
  section(
    'Not retired: the source lists the same offer under another model (a duplicate: remove it by hand)',
    r.listedElsewhere.map((a) => `${a.model} @ ${a.provider} (${a.modelId}) is listed under ${a.on}`),
    '  ? ',
  )
  section(
    'Back in the source after a retirement',
    r.returned.map((a) => `${a.model} @ ${a.provider} from ${a.date}`),
    '  + ',
  )
  return out
}
