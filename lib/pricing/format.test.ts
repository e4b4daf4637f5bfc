import { describe, expect, it } from 'vitest'

import { formatCost, formatDate, formatPrice, formatTokens, formatTokensCompact, formatUsd } from './format'

describe('formatUsd', () => {
  it('shows exact prices with at least two decimals', () => {
    expect(formatUsd(0.075)).toBe('$0.075')
    expect(formatUsd(0.6)).toBe('$0.60')
    expect(formatUsd(15)).toBe('$15.00')
    expect(formatUsd(0.1 + 0.2)).toBe('$0.30') // 0.30000000000000004 rounds at 10 decimals
    expect(formatUsd(1234.5)).toBe('$1,234.50')
    expect(formatUsd('0.000045')).toBe('$0.000045')
  })
})

describe('formatPrice', () => {
  it('says Free for zero and a dash when unknown', () => {
    expect(formatPrice(0)).toBe('Free')
    expect(formatPrice(undefined)).toBe('—')
    expect(formatPrice(0.15)).toBe('$0.15')
  })
})

describe('formatCost', () => {
  it('rounds large amounts to cents and keeps small ones readable', () => {
    expect(formatCost('0.45')).toBe('$0.45')
    expect(formatCost('1234.5678')).toBe('$1,234.57')
    expect(formatCost('0.00045')).toBe('$0.00045')
    expect(formatCost('0.0000001')).toBe('$0.00')
    expect(formatCost(0)).toBe('$0.00')
  })
})

describe('tokens and dates', () => {
  it('formats token counts', () => {
    expect(formatTokens(128000)).toBe('128,000')
    expect(formatTokensCompact(128000)).toBe('128K')
    expect(formatTokensCompact(1_048_576)).toBe('1.05M')
  })
  it('formats dates without time-zone drift', () => {
    expect(formatDate('2024-07-18')).toBe('July 18, 2024')
    expect(formatDate('2023-10')).toBe('October 2023')
  })
})
