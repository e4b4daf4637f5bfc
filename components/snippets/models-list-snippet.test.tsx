// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'

import { site } from '@/lib/site'
import { modelsListSnippet } from '@/lib/snippets/models-list'

import { ModelsListSnippet } from './models-list-snippet'

afterEach(cleanup)

describe('ModelsListSnippet', () => {
  it('shows highlighted code for GET /api/v1/models in four languages, curl first', async () => {
    render(await ModelsListSnippet())
    const code = () => document.querySelector('[data-testid="models-list-snippet"] pre')?.textContent
    expect(code()).toBe(modelsListSnippet('curl', site.url))
    expect(screen.getAllByRole('tab').map((t) => t.textContent)).toEqual([
      'curl',
      'Python (no SDK)',
      'JavaScript',
      'Go',
    ])
    fireEvent.click(screen.getByRole('tab', { name: 'Go' }))
    expect(code()).toBe(modelsListSnippet('go', site.url))
    expect(document.querySelectorAll('pre span[class^=sk]').length).toBeGreaterThan(5)
    expect(document.querySelector('style')?.textContent).toContain('.sk1{')
  })
})
