/**
 * Display formatting for prices, token counts and dates, with no decimal library: the models
 * index and other client components format through this module, and big.js (with its
 * module set-up) then stays out of their JavaScript. The text is exact all the same: a price is
 * a decimal string (a number's shortest round-trip spelling, which is what big.js reads from a
 * number too), rounded half up by digits, never through float arithmetic. `format.ts` adds the
 * cost figures that need big.js and re-exports these.
 */

// No Intl.NumberFormat made at load: each costs milliseconds (tens on a throttled phone) of the
// page's first task. Whole numbers are grouped by hand; the compact format is made when first used.
let compact: Intl.NumberFormat | undefined
let grouping: Intl.NumberFormat | undefined

/** "1234567" → "1,234,567": thousands separators on a string of digits. */
const groupDigits = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')

/** Grouped as en-US does ("-1,234.5"). */
function group(n: number): string {
  if (Number.isSafeInteger(n)) return n < 0 ? `-${groupDigits(String(-n))}` : groupDigits(String(n))
  grouping ??= new Intl.NumberFormat('en-US')
  return grouping.format(n)
}

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i

/** A number or decimal string as sign, integer digits and fraction digits, with no exponent. */
function parts(amount: number | string): { negative: boolean; int: string; frac: string } {
  const text = typeof amount === 'number' ? String(amount) : amount.trim()
  const m = DECIMAL.exec(text)
  if (!m || (!m[2] && !m[3])) throw new Error(`Not a decimal amount: ${text}`)
  const [, sign = '', int = '', frac = '', exp = '0'] = m
  const digits = int + frac
  // Where the decimal point sits in `digits`, after the exponent moves it.
  const point = int.length + Number(exp)
  const padded = point < 0 ? '0'.repeat(-point) + digits : digits.padEnd(point, '0')
  const at = Math.max(point, 0)
  return {
    negative: sign === '-',
    int: padded.slice(0, at).replace(/^0+(?=\d)/, '') || '0',
    frac: padded.slice(at).replace(/0+$/, ''),
  }
}

/** Adds one to a string of digits ("199" → "200"). */
function increment(digits: string): string {
  const out = digits.split('')
  for (let i = out.length - 1; i >= 0; i--) {
    if (out[i] !== '9') {
      out[i] = String(Number(out[i]) + 1)
      return out.join('')
    }
    out[i] = '0'
  }
  return `1${out.join('')}`
}

/**
 * USD, exact, with at least two decimals and no float artefacts: 0.075 → "$0.075",
 * 0.6 → "$0.60", 1234.5 → "$1,234.50". `maxDecimals` rounds (half up, away from zero) beyond
 * that many decimals; trailing zeros past the second decimal are dropped.
 */
export function formatUsd(amount: number | string, { maxDecimals = 10 }: { maxDecimals?: number } = {}): string {
  let { negative, int, frac } = parts(amount)
  if (frac.length > maxDecimals) {
    const up = (frac[maxDecimals] ?? '0') >= '5'
    frac = frac.slice(0, maxDecimals)
    if (up) {
      const rounded = increment(int + frac)
      int = rounded.slice(0, rounded.length - frac.length) || '0'
      frac = rounded.slice(rounded.length - frac.length)
    }
    frac = frac.replace(/0+$/, '')
  }
  if (/^0*$/.test(int + frac)) negative = false
  const text = `$${groupDigits(int)}.${frac.padEnd(2, '0')}`
  return negative ? `-${text}` : text
}

/** A price per 1M tokens for display: "Free" for zero, else exact USD. */
export function formatPrice(perMillion: number | undefined): string {
  if (perMillion === undefined) return '—'
  return perMillion === 0 ? 'Free' : formatUsd(perMillion)
}

/** 128000 → "128,000". */
export function formatTokens(n: number | undefined): string {
  return n === undefined ? '—' : group(n)
}

const COMPACT_SUFFIXES = ['', 'K', 'M', 'B', 'T']

/**
 * 128000 → "128K", 1048576 → "1.05M": en-US compact notation, three significant digits, rounded
 * half up. Whole numbers under 10^14 are spelled by hand, digit by digit (display.test.ts checks
 * them against Intl): making the compact Intl.NumberFormat took over 100 ms of a 4×-throttled
 * load of /models in a CPU profile, and the index formats a context window in every row it
 * hydrates. Anything else goes to Intl.
 */
export function formatTokensCompact(n: number | undefined): string {
  if (n === undefined) return '—'
  if (Number.isSafeInteger(n) && Math.abs(n) < 1e14) {
    const sign = n < 0 ? '-' : ''
    let digits = String(Math.abs(n))
    if (digits.length <= 3) return sign + digits
    // Three significant digits, half up; 999,500 rounds to 1,000,000 (one digit more).
    let length = digits.length
    let head = Number(digits.slice(0, 3)) + (Number(digits[3]) >= 5 ? 1 : 0)
    if (head === 1000) {
      head = 100
      length++
    }
    digits = String(head)
    const group = Math.floor((length - 1) / 3)
    const whole = length - group * 3
    const fraction = digits.slice(whole).replace(/0+$/, '')
    return `${sign}${digits.slice(0, whole)}${fraction ? `.${fraction}` : ''}${COMPACT_SUFFIXES[group]}`
  }
  compact ??= new Intl.NumberFormat('en-US', { notation: 'compact', maximumSignificantDigits: 3 })
  return compact.format(n)
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
