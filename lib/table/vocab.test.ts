import { describe, expect, it } from 'vitest'

import * as schema from '@/lib/catalog/schema'

import * as vocab from './vocab'

describe('client-safe vocabularies', () => {
  it('equal the schema’s', () => {
    expect(vocab.MODALITIES).toEqual(schema.MODALITIES)
    expect(vocab.STATUSES).toEqual(schema.STATUSES)
    expect(vocab.CAPABILITIES).toEqual(schema.CAPABILITIES)
    expect(vocab.CAPABILITY_KEYS).toEqual(schema.CAPABILITY_KEYS)
  })
})
