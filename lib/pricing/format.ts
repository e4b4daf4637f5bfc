/**
 * Display formatting for money and token counts. Formatting happens only at render; the
 * numbers underneath stay exact (see cost.ts). Prices, token counts and dates come from
 * display.ts (no big.js, so client components that only show prices import that); cost figures,
 * which arrive as `Big` from the cost math, are rounded here.
 */
import Big from 'big.js'

import { formatUsd as formatDecimal } from './display'

export { formatDate, formatPrice, formatTokens, formatTokensCompact } from './display'

type Amount = number | string | Big

/**
 * USD, exact, with at least two decimals and no float artefacts: 0.075 → "$0.075",
 * 0.6 → "$0.60", 1234.5 → "$1,234.50". `maxDecimals` rounds (half up) beyond that many
 * decimals; trailing zeros past the second decimal are dropped.
 */
export function formatUsd(amount: Amount, options?: { maxDecimals?: number }): string {
  return formatDecimal(amount instanceof Big ? amount.toFixed() : amount, options)
}

/**
 * A cost figure (per request, per day): rounded to what a reader can use, at most six
 * decimals (hundredths of a cent... and beyond for tiny per-request costs).
 */
export function formatCost(amount: Amount): string {
  const b = new Big(amount)
  if (b.eq(0)) return '$0.00'
  return formatUsd(b, { maxDecimals: b.abs().gte(1) ? 2 : 6 })
}
