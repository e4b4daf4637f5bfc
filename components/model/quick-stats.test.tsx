// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'

import { buildCatalog } from '@/lib/catalog/derive'
import { modelDoc, proseDoc, providerDoc, vendorDoc } from '@/test-support/catalog-fixtures'

import { QuickStats } from './quick-stats'

afterEach(cleanup)

function model(releaseDate: string | undefined) {
  const cat = buildCatalog({
    models: [modelDoc('acme/one', { releaseDate })],
    vendors: [vendorDoc('acme')],
    providers: [providerDoc('p1')],
    prose: [proseDoc('acme/one', 'One model.')],
  })
  return cat.models[0]!
}

const releaseDate = (container: HTMLElement) => container.querySelector('[data-stat="Release date"] dd')?.textContent

describe('QuickStats', () => {
  it('shows the release date, or says it is unknown (never a made-up date)', () => {
    expect(releaseDate(render(<QuickStats model={model('2024-07-18')} />).container)).toBe('July 18, 2024')
    cleanup()
    expect(releaseDate(render(<QuickStats model={model(undefined)} />).container)).toBe('Unknown')
  })
})
