// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'

import { buildCatalog } from '@/lib/catalog/derive'
import { modelDoc, proseDoc, providerDoc, vendorDoc } from '@/test-support/catalog-fixtures'

import { CARD_SUMMARY_LENGTH, ModelCard } from './model-card'

afterEach(cleanup)

const LONG =
  'One is a fast and inexpensive model for chat, extraction and summaries, with image input, tool calls and structured outputs, tuned for short, latency-sensitive requests.'

function model(prose: string) {
  const cat = buildCatalog({
    models: [modelDoc('acme/one')],
    vendors: [vendorDoc('acme')],
    providers: [providerDoc('p1')],
    prose: [proseDoc('acme/one', prose)],
  })
  return cat.models[0]!
}

const summary = (container: HTMLElement) => container.querySelectorAll('article p')[1]?.textContent ?? ''

describe('ModelCard', () => {
  it('prints a long summary only up to what two lines show, cut after a whole word', () => {
    const text = summary(render(<ModelCard model={model(LONG)} />).container)
    expect(text.length).toBeLessThanOrEqual(CARD_SUMMARY_LENGTH)
    expect(text.endsWith('…')).toBe(true)
    const kept = text.slice(0, -1)
    expect(LONG.startsWith(kept)).toBe(true)
    expect(LONG[kept.length]).toMatch(/[ ,]/)
  })

  it('prints a short summary and a curated note whole', () => {
    expect(summary(render(<ModelCard model={model('One model.')} />).container)).toBe('One model.')
    cleanup()
    expect(summary(render(<ModelCard model={model(LONG)} note={LONG} />).container)).toBe(LONG)
  })

  it('prints the context and prices in one line of text', () => {
    const { container } = render(<ModelCard model={model('One model.')} />)
    const line = container.querySelectorAll('article p')[2]
    expect(line?.childNodes).toHaveLength(1)
    expect(line?.textContent).toMatch(/ context · (\$[\d.]+ in \/ \$[\d.]+ out per 1M|no price listed)$/)
  })
})
