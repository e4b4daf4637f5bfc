/**
 * The committed catalog: every file under content/ passes its schema, every endpoint's provider
 * and every model's vendor has a file, ids are URL-safe, every model has prose.
 */
import { fileURLToPath } from 'node:url'

import { describe, expect, it } from 'vitest'

import { checkContent } from './check'
import { readContent } from './fs'
import { GENERATED_FRONTMATTER, isTemplateProse } from './prose'

const CONTENT = fileURLToPath(new URL('../content/', import.meta.url))

describe('content/', () => {
  it('is valid and every reference resolves', () => {
    const summary = checkContent(readContent(CONTENT))
    expect(summary.problems).toEqual([])
    expect(summary.models).toBeGreaterThan(0)
    // ~1,000 models and 4,000 endpoints: seconds on a loaded 2-core machine.
  }, 30_000)
})

describe('generated descriptions', () => {
  it('carry `generated: true`, so pages say they are generated', () => {
    const unmarked = [...readContent(CONTENT).models]
      .filter(([, f]) => f.mdx !== undefined && isTemplateProse(f.mdx) && !f.mdx.startsWith(GENERATED_FRONTMATTER))
      .map(([id]) => `models/${id}.mdx`)
    expect(unmarked).toEqual([])
  }, 30_000)
})
