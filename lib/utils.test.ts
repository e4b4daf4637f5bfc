import { describe, expect, it } from 'vitest'

import { formatCount, plural } from './utils'

describe('formatCount', () => {
  it('groups whole numbers as en-US does, without Intl', () => {
    for (const n of [0, 7, 999, 1000, 1010, 12_345, 999_999, 1_000_000, -1234, -5, Number.MAX_SAFE_INTEGER])
      expect(formatCount(n), String(n)).toBe(n.toLocaleString('en-US'))
    expect(formatCount(1234.5)).toBe('1,234.5')
  })

  it('names the count', () => {
    expect(plural(1, 'model')).toBe('1 model')
    expect(plural(1010, 'model')).toBe('1,010 models')
    expect(plural(2, 'entry', 'entries')).toBe('2 entries')
  })
})
