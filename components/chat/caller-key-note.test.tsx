// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'

afterEach(() => {
  cleanup()
  vi.unstubAllEnvs()
  vi.resetModules()
})

async function renderNote() {
  const { CallerKeyNote } = await import('./caller-key-note')
  render(<CallerKeyNote />)
  return screen.getByTestId('caller-key-note')
}

describe('CallerKeyNote', () => {
  it('says the operator issues caller keys and links the README section where the source is published', async () => {
    vi.stubEnv('SOURCE_URL', 'https://git.example.org/atlas/')
    const note = await renderNote()
    expect(note.textContent).toContain("The site's operator issues them")
    expect(note.textContent).toContain('CHAT_PROXY_KEYS')
    expect(screen.getByRole('link', { name: 'how caller keys work' }).getAttribute('href')).toBe(
      'https://git.example.org/atlas#caller-keys',
    )
  })

  it('names the README section without a link when the site does not know where its source is', async () => {
    vi.stubEnv('SOURCE_URL', '')
    const note = await renderNote()
    expect(note.textContent).toContain('“Caller keys” section')
    expect(screen.queryByRole('link')).toBeNull()
  })
})
