/**
 * Display formatting for money and token counts. Formatting happens only at render; the
 * numbers underneath stay exact (see cost.ts).
 */
import Big from 'big.js'

type Amount = number | string | Big

const grouping = new Intl.NumberFormat('en-US')
const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumSignificantDigits: 3 })

/** Thousands separators on the integer part of an exact decimal string. */
function groupDecimal(s: string): string {
  const negative = s.startsWith('-')
  const [int = '0', frac] = (negative ? s.slice(1) : s).split('.')
  const grouped = grouping.format(BigInt(int))
  return `${negative ? '-' : ''}${grouped}${frac ? `.${frac}` : ''}`
}

/**
 * USD, exact, with at least two decimals and no float artefacts: 0.075 → "$0.075",
 * 0.6 → "$0.60", 1234.5 → "$1,234.50". `maxDecimals` rounds (half up) beyond that many
 * decimals; trailing zeros past the second decimal are dropped.
 */
export function formatUsd(amount: Amount, { maxDecimals = 10 }: { maxDecimals?: number } = {}): string {
  let s = new Big(amount).round(maxDecimals, Big.roundHalfUp).toFixed()
  if (!s.includes('.')) s += '.00'
  else {
    s = s.replace(/0+$/, '')
    const decimals = s.length - s.indexOf('.') - 1
    if (decimals < 2) s += '0'.repeat(2 - decimals)
  }
  return s.startsWith('-') ? `-$${groupDecimal(s.slice(1))}` : `$${groupDecimal(s)}`
}

/** A price per 1M tokens for display: "Free" for zero, else exact USD. */
export function formatPrice(perMillion: number | undefined): string {
  if (perMillion === undefined) return '—'
  return perMillion === 0 ? 'Free' : formatUsd(perMillion)
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

/** 128000 → "128,000". */
export function formatTokens(n: number | undefined): string {
  return n === undefined ? '—' : grouping.format(n)
}

/** 128000 → "128K", 1048576 → "1.05M". */
export function formatTokensCompact(n: number | undefined): string {
  return n === undefined ? '—' : compact.format(n)
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]

/** "2024-07-18" → "July 18, 2024"; "2023-10" → "October 2023". Exact, no time zones. */
export function formatDate(iso: string | undefined): string {
  if (!iso) return '—'
  const [y, m, d] = iso.split('-')
  const month = MONTHS[Number(m) - 1] ?? m
  return d ? `${month} ${Number(d)}, ${y}` : `${month} ${y}`
}
