/**
 * The committed catalog: every file under content/ passes its schema, every endpoint's provider
 * and every model's vendor has a file, ids are URL-safe, every model has prose.
 */
import { fileURLToPath } from 'node:url'

import { describe, expect, it } from 'vitest'

import { checkContent } from './check'
import { readContent } from './fs'

const CONTENT = fileURLToPath(new URL('../content/', import.meta.url))

describe('content/', () => {
  it('is valid and every reference resolves', () => {
    const summary = checkContent(readContent(CONTENT))
    expect(summary.problems).toEqual([])
    expect(summary.models).toBeGreaterThan(0)
  })
})
