/**
 * What a workload costs on a model: per request, per day and per (30-day) month, at the
 * endpoint that is cheapest for this workload (not necessarily the one with the lowest list
 * price: cache prices, per-request fees and long-prompt tiers change the order). Exact decimal
 * arithmetic (lib/pricing/cost.ts); numbers become display strings only at render.
 */
import Big from 'big.js'

import { pricesModel } from '@/lib/catalog/offers'
import type { Offer, Pricing, Status } from '@/lib/catalog/schema'
import type { CostBreakdown } from '@/lib/pricing/cost'
import { costOfUsage } from '@/lib/pricing/cost'

/** A workload: what one request looks like and how many a day. */
export interface Workload {
  /** Input (prompt) tokens per request. */
  inputTokens: number
  /** Output (completion) tokens per request. */
  outputTokens: number
  /** Percent of the input read from the prompt cache, 0–100. */
  cachedPercent: number
  /** Requests per day. */
  requestsPerDay: number
}

/** The starting workload, also the model pages' worked example: 1,000 requests of 1,000 in / 500 out. */
export const DEFAULT_WORKLOAD: Workload = {
  inputTokens: 1000,
  outputTokens: 500,
  cachedPercent: 0,
  requestsPerDay: 1000,
}

/** Days in the "per month" figure. */
export const DAYS_PER_MONTH = 30

export const WORKLOAD_LIMITS = {
  inputTokens: { min: 0, max: 10_000_000 },
  outputTokens: { min: 0, max: 1_000_000 },
  cachedPercent: { min: 0, max: 100 },
  requestsPerDay: { min: 0, max: 1_000_000_000 },
} as const satisfies Record<keyof Workload, { min: number; max: number }>

/** The part of an endpoint the calculator needs. */
export interface PricedEndpoint {
  provider: string
  providerName: string
  pricing: Pricing
  status?: Status
  offer?: Offer
}

export interface WorkloadCost {
  endpoint: PricedEndpoint
  /** One request's cost, broken down by kind. */
  request: CostBreakdown
  perRequest: Big
  perDay: Big
  perMonth: Big
}

/** Cached input tokens of one request (whole tokens, rounded down). */
export const cachedTokens = (w: Workload) => Math.floor((w.inputTokens * w.cachedPercent) / 100)

/** The workload's cost at one endpoint. */
export function costAt(endpoint: PricedEndpoint, w: Workload): WorkloadCost {
  const request = costOfUsage(endpoint.pricing, {
    inputTokens: w.inputTokens,
    cachedInputTokens: cachedTokens(w),
    outputTokens: w.outputTokens,
    requests: 1,
  })
  const perRequest = request.total
  const perDay = perRequest.times(w.requestsPerDay)
  return { endpoint, request, perRequest, perDay, perMonth: perDay.times(DAYS_PER_MONTH) }
}

/**
 * The cheapest way to run the workload on a model: the endpoints that price it (`pricesModel`:
 * not deprecated, not a trial or promotional offer), lowest cost per request first; `undefined`
 * when none does.
 */
export function cheapestFor(endpoints: readonly PricedEndpoint[], w: Workload): WorkloadCost | undefined {
  let best: WorkloadCost | undefined
  for (const e of endpoints.filter(pricesModel)) {
    const c = costAt(e, w)
    if (!best || c.perRequest.lt(best.perRequest)) best = c
  }
  return best
}

/**
 * How many times the cheapest cost this is, for display: "×1", "×3.2", "×12", "×1,340". `null`
 * when there is nothing to divide by (the cheapest is free): the free model is then marked
 * and the others read "—".
 */
export function multipleOf(cost: Big, cheapest: Big): string | null {
  if (cheapest.eq(0)) return cost.eq(0) ? '×1' : null
  const m = cost.div(cheapest)
  if (m.eq(1)) return '×1'
  const digits = m.lt(10) ? 1 : 0
  const rounded = Number(m.round(digits, Big.roundHalfUp).toFixed(digits))
  return `×${rounded.toLocaleString('en-US', { maximumFractionDigits: digits })}`
}
