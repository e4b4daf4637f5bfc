/**
 * The one rule for which endpoints price a model: the headline price, the index price, the
 * "cheapest" mark, the calculator and compare's workload cost all use `pricesModel`. Pure.
 *
 * An endpoint prices the model only when it is live (not `deprecated` and no `retirementDate`:
 * retired and expired endpoints price nothing) and its price is a list price (no `offer`: trials, promotional `:free`
 * variants, points-converted and local prices stay on the page, marked, but never price the
 * model). A model with no such endpoint has no price: it shows "—", never "Free".
 */
import type { Endpoint } from './schema'
import type { Offer } from './vocab'
import { OFFERS } from './vocab'

export function pricesModel(e: { status?: Endpoint['status']; offer?: Offer; retirementDate?: string }): boolean {
  return e.status !== 'deprecated' && e.offer === undefined && e.retirementDate === undefined
}

/** A retired endpoint (the provider stopped offering it on `retirementDate`): kept and shown, never called. */
export function isRetired(e: { retirementDate?: string }): boolean {
  return e.retirementDate !== undefined
}

/** The label a marked endpoint carries on pages ("Trial", "Promotional", …), or undefined for a list price. */
export function offerLabel(e: { offer?: Offer }): string | undefined {
  return e.offer ? OFFERS[e.offer] : undefined
}
