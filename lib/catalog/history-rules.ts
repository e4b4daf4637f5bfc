/**
 * The rules an endpoint's price history obeys, checked by the endpoint schema (so a broken
 * history fails the build naming the file and the field). Pure; imports types only, because
 * schema.ts imports it.
 */
import type { Endpoint, PricePeriod, Pricing } from './schema'

/** The pricing fields a period shares with `pricing` (everything but `from` and `to`). */
export const PRICE_FIELDS = [
  'input',
  'output',
  'cacheRead',
  'cacheWrite',
  'reasoning',
  'request',
  'image',
  'tiers',
] as const satisfies ReadonlyArray<keyof Pricing>

/** A period's prices, without its dates, in the key order of `pricing`. */
export function periodPricing(p: PricePeriod): Pricing {
  const out: Record<string, unknown> = {}
  for (const k of PRICE_FIELDS) if (p[k] !== undefined) out[k] = p[k]
  return out as Pricing
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

/** Whether two pricings hold the same prices (tiers compared in order, field order ignored). */
export function samePricing(a: Pricing, b: Pricing): boolean {
  return PRICE_FIELDS.every((k) => {
    const x = a[k]
    const y = b[k]
    if (k !== 'tiers') return x === y
    const tx = (x as Pricing['tiers']) ?? []
    const ty = (y as Pricing['tiers']) ?? []
    return tx.length === ty.length && tx.every((t, i) => same(sorted(t), sorted(ty[i])))
  })
}

function sorted(o: object | undefined): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o ?? {}).sort(([a], [b]) => a.localeCompare(b)))
}

const priceText = (p: Pricing) =>
  PRICE_FIELDS.filter((k) => p[k] !== undefined)
    .map((k) => `${k} ${JSON.stringify(p[k])}`)
    .join(', ')

export interface HistoryIssue {
  path: Array<string | number>
  message: string
}

/**
 * Every way `e.history` breaks the rules: `from` dates strictly ascending, a `to` after its
 * `from` and not past the next period's `from` (periods never overlap), no `to` on the last
 * period (it runs until today, or the endpoint's `retirementDate`), the last period's prices
 * equal to `pricing`, and a `retirementDate` not before the last period began.
 */
export function checkHistory(e: Pick<Endpoint, 'pricing' | 'history' | 'retirementDate'>): HistoryIssue[] {
  const issues: HistoryIssue[] = []
  const history = e.history ?? []
  history.forEach((p, i) => {
    const prev = history[i - 1]
    if (prev && p.from <= prev.from)
      issues.push({
        path: ['history', i, 'from'],
        message: `periods must be in date order: ${p.from} is not after the previous period's ${prev.from}`,
      })
    if (p.to !== undefined && p.to <= p.from)
      issues.push({ path: ['history', i, 'to'], message: `the period ends (${p.to}) before it begins (${p.from})` })
    const next = history[i + 1]
    if (p.to !== undefined && next && p.to > next.from)
      issues.push({
        path: ['history', i, 'to'],
        message: `periods overlap: this one runs to ${p.to}, the next begins ${next.from}`,
      })
  })
  const last = history.at(-1)
  if (last) {
    const i = history.length - 1
    if (last.to !== undefined)
      issues.push({
        path: ['history', i, 'to'],
        message: 'the last period runs until today (or the retirementDate) and takes no "to"',
      })
    if (!samePricing(periodPricing(last), e.pricing))
      issues.push({
        path: ['history', i],
        message: `the last period must equal the current pricing (period: ${priceText(periodPricing(last))}; pricing: ${priceText(e.pricing)})`,
      })
    if (e.retirementDate !== undefined && e.retirementDate < last.from)
      issues.push({
        path: ['retirementDate'],
        message: `retired on ${e.retirementDate}, before the last price period began (${last.from})`,
      })
  }
  return issues
}
