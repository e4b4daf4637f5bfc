/**
 * The committed catalog: every file under content/ passes its schema, every endpoint's provider
 * and every model's vendor has a file, ids are URL-safe, every model has prose.
 */
import { fileURLToPath } from 'node:url'

import { describe, expect, it } from 'vitest'

import { checkContent } from './check'
import { readContent } from './fs'
import { GENERATED_FRONTMATTER, generateProse, isTemplateProse } from './prose'

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

  it('are recognised as template text', () => {
    const text = generateProse({
      id: 'acme/x',
      name: 'X',
      vendorName: 'Acme',
      releaseDate: '2025-03-01',
      mode: 'chat',
      status: 'available',
      input: ['text'],
      output: ['text'],
      contextWindow: 1000,
      openWeights: false,
      capabilities: {
        tools: false,
        parallelToolCalls: false,
        structuredOutputs: false,
        jsonMode: false,
        promptCaching: false,
        reasoning: false,
        webSearch: false,
        fileInput: false,
      },
    })
    expect(text.startsWith(GENERATED_FRONTMATTER)).toBe(true)
    expect(isTemplateProse(text)).toBe(true)
    expect(isTemplateProse('A model we describe in our own words.')).toBe(false)
  })
})
