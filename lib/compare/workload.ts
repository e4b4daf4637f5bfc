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
import { formatCount } from '@/lib/utils'

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
  /** Tokens, prompt and completion together, on this provider. */
  contextWindow?: number
  /** The longest completion this provider returns, in tokens (the model's own where the endpoint lists none). */
  maxOutputTokens?: number
}

/**
 * Why a workload does not fit an endpoint: the prompt and the completion together are longer
 * than its context window, or the completion is longer than its maximum output.
 */
export type Misfit = { kind: 'context'; limit: number } | { kind: 'output'; limit: number }

/** What a workload comes to on one model. */
export type Quote =
  /** Priced at the endpoint cheapest for it among those it fits. */
  | { kind: 'priced'; cost: WorkloadCost }
  /** No endpoint prices the model (none live at a list price). */
  | { kind: 'unpriced' }
  /** Endpoints price the model, but the workload fits none of them: the most generous one's limit. */
  | { kind: 'misfit'; misfit: Misfit }

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
 * Whether one request of the workload fits the endpoint: `undefined` when it does (or the limit
 * is unknown), else the limit it breaks. The context window holds the prompt and the completion.
 */
export function misfitAt(e: PricedEndpoint, w: Workload): Misfit | undefined {
  if (e.contextWindow !== undefined && w.inputTokens + w.outputTokens > e.contextWindow)
    return { kind: 'context', limit: e.contextWindow }
  if (e.maxOutputTokens !== undefined && w.outputTokens > e.maxOutputTokens)
    return { kind: 'output', limit: e.maxOutputTokens }
  return undefined
}

/**
 * The cheapest way to run the workload on a model: the endpoints that price it (`pricesModel`:
 * not deprecated, not a trial or promotional offer) and that it fits (`misfitAt`), lowest cost
 * per request first; `undefined` when none does.
 */
export function cheapestFor(endpoints: readonly PricedEndpoint[], w: Workload): WorkloadCost | undefined {
  let best: WorkloadCost | undefined
  for (const e of endpoints.filter(pricesModel)) {
    if (misfitAt(e, w)) continue
    const c = costAt(e, w)
    if (!best || c.perRequest.lt(best.perRequest)) best = c
  }
  return best
}

/**
 * The workload on a model: priced at its cheapest fitting endpoint, or why it is not priced. A
 * workload that fits no endpoint is never priced (and so never "cheapest"); the reason names the
 * largest limit any of the model's priced endpoints has, the one the workload would have to meet.
 */
export function quoteWorkload(endpoints: readonly PricedEndpoint[], w: Workload): Quote {
  const priced = endpoints.filter(pricesModel)
  if (priced.length === 0) return { kind: 'unpriced' }
  const cost = cheapestFor(priced, w)
  if (cost) return { kind: 'priced', cost }
  const misfits = priced.map((e) => misfitAt(e, w)).filter((m): m is Misfit => m !== undefined)
  // Some endpoint holds the whole request: then only the output limit stands in the way.
  const context = misfits.filter((m) => m.kind === 'context')
  const relevant = context.length === misfits.length ? context : misfits.filter((m) => m.kind === 'output')
  const limit = Math.max(...relevant.map((m) => m.limit))
  return { kind: 'misfit', misfit: { kind: relevant[0]!.kind, limit } }
}

const n = formatCount

/**
 * Why the workload is not priced, in a sentence: "300,000 input + 500 output tokens are more than
 * its context window of 128,000 tokens."
 */
export function misfitText(m: Misfit, w: Workload): string {
  if (m.kind === 'output')
    return `${n(w.outputTokens)} output tokens are more than its maximum output of ${n(m.limit)} tokens.`
  const what =
    w.outputTokens > 0 ? `${n(w.inputTokens)} input + ${n(w.outputTokens)} output` : `${n(w.inputTokens)} input`
  return `${what} tokens are more than its context window of ${n(m.limit)} tokens.`
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
  // Not toLocaleString: the compare view renders this as it hydrates, and a page's first number
  // formatter costs ~25 ms of main thread (~100 ms on a 4×-throttled phone).
  return `×${digits ? String(rounded) : formatCount(rounded)}`
}
