import { describe, expect, it } from 'vitest'

import { packOptions, unpackOptions } from './picker-options'
import type { PickerOption } from './selection'

describe('picker options', () => {
  const options: PickerOption[] = [
    { id: 'openai/gpt-4o', name: 'GPT-4o', vendor: 'openai', vendorName: 'OpenAI', aliases: ['gpt-4o-2024-08-06'] },
    { id: 'acme/m', name: 'M', vendor: 'acme', vendorName: 'ACME' },
  ]

  it('round-trip through the packed list', () => {
    expect(unpackOptions(JSON.parse(JSON.stringify(packOptions(options))))).toEqual(options)
  })

  it('skip what is not an option rather than failing', () => {
    expect(unpackOptions({ nope: 1 })).toEqual([])
    expect(unpackOptions([['a/b', 'B', 'A'], [1, 2, 3], 'x'])).toEqual([
      { id: 'a/b', name: 'B', vendor: 'a', vendorName: 'A' },
    ])
  })
})
