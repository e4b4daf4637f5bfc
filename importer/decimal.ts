/**
 * Exact decimal-string arithmetic for prices. OpenRouter quotes USD per token as decimal
 * strings ("0.000000075"); the catalog stores USD per 1M tokens (0.075). Multiplying the float
 * by 1e6 would give 0.07500000000000001, so the conversion moves the decimal point in the
 * string instead and only parses the final, already-scaled digits.
 */

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/

/**
 * Shift the decimal point of a decimal string by `places` (positive = multiply by 10^places)
 * and return the canonical decimal string (no exponent, no superfluous zeros). Returns
 * `undefined` when `s` is not a plain decimal number.
 */
export function shiftDecimal(s: string, places: number): string | undefined {
  const m = DECIMAL.exec(s.trim())
  if (!m) return undefined
  const [, sign = '', intPart = '', fracPart = '', exp = '0'] = m
  if (intPart === '' && fracPart === '') return undefined
  const digits = intPart + fracPart
  // Position of the decimal point within `digits`, after the shift.
  const point = intPart.length + Number(exp) + places
  let whole: string
  let frac: string
  if (point <= 0) {
    whole = '0'
    frac = '0'.repeat(-point) + digits
  } else if (point >= digits.length) {
    whole = digits + '0'.repeat(point - digits.length)
    frac = ''
  } else {
    whole = digits.slice(0, point)
    frac = digits.slice(point)
  }
  whole = whole.replace(/^0+(?=\d)/, '')
  frac = frac.replace(/0+$/, '')
  const body = frac ? `${whole}.${frac}` : whole
  const isZero = /^0(\.0*)?$/.test(body)
  return sign === '-' && !isZero ? `-${body}` : body
}

/**
 * USD per token (decimal string) → USD per 1M tokens (number), exactly:
 * "0.000000075" → 0.075, "0.00003" → 30, "0" → 0. `undefined` for anything that is not a
 * decimal string.
 */
export function perTokenToPerMillion(s: string): number | undefined {
  const shifted = shiftDecimal(s, 6)
  if (shifted === undefined) return undefined
  const n = Number(shifted)
  return Number.isFinite(n) ? n : undefined
}

/** A plain decimal string as a number, unscaled ("0.04" → 0.04): for per-request prices. */
export function decimalToNumber(s: string): number | undefined {
  const shifted = shiftDecimal(s, 0)
  if (shifted === undefined) return undefined
  const n = Number(shifted)
  return Number.isFinite(n) ? n : undefined
}
