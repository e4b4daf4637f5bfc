import Big from 'big.js'
import { describe, expect, it } from 'vitest'

import { formatTokens, formatTokensCompact, formatUsd } from './display'

/** What big.js makes of an amount: the reference display.ts must match without it. */
function viaBig(amount: number | string, maxDecimals = 10): string {
  let s = new Big(amount).round(maxDecimals, Big.roundHalfUp).toFixed()
  if (!s.includes('.')) s += '.00'
  else {
    s = s.replace(/0+$/, '')
    const decimals = s.length - s.indexOf('.') - 1
    if (decimals < 2) s += '0'.repeat(2 - decimals)
  }
  const negative = s.startsWith('-') && /[1-9]/.test(s)
  const [int = '0', frac] = s.replace(/^-/, '').split('.')
  return `${negative ? '-' : ''}$${BigInt(int).toLocaleString('en-US')}.${frac}`
}

describe('formatUsd without big.js', () => {
  it('spells prices as they are written', () => {
    expect(formatUsd(0.075)).toBe('$0.075')
    expect(formatUsd(0.6)).toBe('$0.60')
    expect(formatUsd(15)).toBe('$15.00')
    expect(formatUsd(1234.5)).toBe('$1,234.50')
    expect(formatUsd(1e-7)).toBe('$0.0000001')
    expect(formatUsd(2.5e21)).toBe('$2,500,000,000,000,000,000,000.00')
    expect(formatUsd('0.000045')).toBe('$0.000045')
  })

  it('rounds half up at the last decimal kept, carrying into the whole dollars', () => {
    expect(formatUsd(0.1 + 0.2)).toBe('$0.30')
    expect(formatUsd('9.999999', { maxDecimals: 2 })).toBe('$10.00')
    expect(formatUsd('0.125', { maxDecimals: 2 })).toBe('$0.13')
    expect(formatUsd('-0.125', { maxDecimals: 2 })).toBe('-$0.13')
    expect(formatUsd('-0.001', { maxDecimals: 2 })).toBe('$0.00')
  })

  it('matches big.js on every kind of amount', () => {
    // A fixed pseudo-random sweep (same values every run): prices from fractions of a cent to
    // thousands of dollars, exponent spellings, float sums, and each rounding width used.
    let seed = 14
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31
      return seed / 2 ** 31
    }
    const amounts: (number | string)[] = [0, 0.1 + 0.2, 1e-7, 5e-11, 123456789.98765433, 0.000045, '1e-3', '12.5e2']
    for (let i = 0; i < 2000; i++) {
      const magnitude = 10 ** Math.floor(next() * 12 - 7)
      const n = Math.round(next() * 1e6) / 1e6
      amounts.push(n * magnitude, (n * magnitude).toFixed(Math.floor(next() * 12)))
    }
    for (const amount of amounts)
      for (const maxDecimals of [2, 6, 10])
        expect(formatUsd(amount, { maxDecimals }), String(amount)).toBe(viaBig(amount, maxDecimals))
  })
})

describe('formatTokens', () => {
  it('groups as Intl does for en-US', () => {
    const intl = new Intl.NumberFormat('en-US')
    for (const n of [0, 7, 999, 1000, 128000, 1048576, 2_000_000_000, -4096, 12.5, 2 ** 60])
      expect(formatTokens(n)).toBe(intl.format(n))
  })
})

describe('formatTokensCompact without Intl', () => {
  const intl = new Intl.NumberFormat('en-US', { notation: 'compact', maximumSignificantDigits: 3 })

  it('spells token counts as en-US compact notation does', () => {
    expect(formatTokensCompact(128_000)).toBe('128K')
    expect(formatTokensCompact(1_048_576)).toBe('1.05M')
    expect(formatTokensCompact(8192)).toBe('8.19K')
    expect(formatTokensCompact(999_999)).toBe('1M')
    expect(formatTokensCompact(1005)).toBe('1.01K')
    expect(formatTokensCompact(1004)).toBe('1K')
    expect(formatTokensCompact(950)).toBe('950')
    expect(formatTokensCompact(0)).toBe('0')
    expect(formatTokensCompact(2_000_000_000)).toBe('2B')
    expect(formatTokensCompact(undefined)).toBe('—')
  })

  it('matches Intl for every length, every rounding edge and a spread of values', () => {
    const values = new Set<number>()
    for (let length = 1; length <= 16; length++) {
      const base = 10 ** (length - 1)
      for (const head of [1, 1.004, 1.005, 1.0049999, 1.5, 2.125, 9.99, 9.994, 9.995, 9.9999]) {
        values.add(Math.round(head * base))
        values.add(Math.round(head * base) - 1)
        values.add(Math.round(head * base) + 1)
      }
    }
    // A fixed pseudo-random spread (no Math.random: the same values every run).
    let x = 42
    for (let i = 0; i < 5000; i++) {
      x = (x * 1103515245 + 12345) % 2 ** 31
      values.add(x % 10 ** (1 + (i % 13)))
    }
    values.add(-1_048_576)
    values.add(-950)
    values.add(1234.5)
    values.add(Number.MAX_SAFE_INTEGER)
    let checked = 0
    for (const n of values) {
      expect(formatTokensCompact(n), String(n)).toBe(intl.format(n))
      checked++
    }
    expect(checked).toBeGreaterThan(4000)
  })
})
