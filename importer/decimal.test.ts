import { describe, expect, it } from 'vitest'

import { decimalToNumber, perTokenToPerMillion, shiftDecimal } from './decimal'

describe('perTokenToPerMillion', () => {
  it.each([
    ['0.000000075', 0.075],
    ['0.00000015', 0.15],
    ['0.0000006', 0.6],
    ['0.00003', 30],
    ['0.000015', 15],
    ['0.0000029', 2.9],
    ['0.00000008333333333333334', 0.08333333333333334],
    ['0', 0],
    ['0.0', 0],
    ['1', 1000000],
    ['1e-7', 0.1],
    ['7.5E-8', 0.075],
    ['-1', -1000000],
  ])('%s per token → %s per 1M tokens', (input, expected) => {
    expect(perTokenToPerMillion(input)).toBe(expected)
  })

  it('is exact where float multiplication is not', () => {
    expect(Number('0.0000029') * 1e6).not.toBe(2.9)
    expect(perTokenToPerMillion('0.0000029')).toBe(2.9)
  })

  it('rejects anything that is not a decimal number', () => {
    for (const bad of ['', 'abc', '0.0.1', '1,5', 'NaN', 'Infinity']) expect(perTokenToPerMillion(bad)).toBeUndefined()
  })
})

describe('shiftDecimal', () => {
  it('moves the point both ways and trims zeros', () => {
    expect(shiftDecimal('123.4500', 2)).toBe('12345')
    expect(shiftDecimal('123.45', -4)).toBe('0.012345')
    expect(shiftDecimal('-0.000', 3)).toBe('0')
    expect(shiftDecimal('.5', 1)).toBe('5')
  })
})

describe('decimalToNumber', () => {
  it('keeps per-request prices unscaled', () => {
    expect(decimalToNumber('0.04')).toBe(0.04)
    expect(decimalToNumber('0')).toBe(0)
  })
})
