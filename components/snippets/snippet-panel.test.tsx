// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'

import { highlightSnippet } from '@/lib/snippets/highlight'
import type { SnippetLanguage } from '@/lib/snippets/index'
import {
  DEFAULT_MESSAGE,
  generateSnippet,
  LANGUAGE_IDS,
  LANGUAGE_STORAGE_KEY,
  optionDefaults,
  proxyTarget,
  snippetFeatures,
} from '@/lib/snippets/index'
import type { PanelContext } from '@/lib/snippets/panel-state'
import type { PackedTemplate } from '@/lib/snippets/segments'
import { packTemplate } from '@/lib/snippets/segments'
import { ALL_OPTIONS, FULL_MODEL } from '@/test-support/snippet-fixtures'

import { SnippetPanel } from './snippet-panel'

const SITE = 'https://site.example'
const ctx: PanelContext = {
  features: snippetFeatures(FULL_MODEL),
  defaults: optionDefaults(FULL_MODEL),
  targets: [
    { id: 'proxy', label: 'This site', ...proxyTarget(SITE, FULL_MODEL.id) },
    {
      id: 'acme',
      label: 'Acme directly',
      baseUrl: 'https://api.acme.example/v1',
      modelId: 'omni-1',
      apiKeyEnv: 'ACME_API_KEY',
    },
  ],
  defaultMessage: DEFAULT_MESSAGE,
  maxOutputTokens: FULL_MODEL.maxOutputTokens,
}
let templates: Record<SnippetLanguage, PackedTemplate>

beforeAll(async () => {
  templates = Object.fromEntries(
    await Promise.all(LANGUAGE_IDS.map(async (l) => [l, packTemplate(await highlightSnippet(l, ctx.features))])),
  ) as typeof templates
})
beforeEach(() => {
  window.localStorage.clear()
  window.history.replaceState(null, '', '/models/acme/omni-1')
})
afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

const code = () => document.querySelector('pre')?.textContent
const expected = (
  lang: SnippetLanguage,
  over: Parameters<typeof generateSnippet>[0] extends infer T ? Partial<T> : never = {},
) =>
  generateSnippet(
    { model: FULL_MODEL, target: proxyTarget(SITE, FULL_MODEL.id), message: DEFAULT_MESSAGE, ...over },
    lang,
  )
const panel = () => render(<SnippetPanel ctx={ctx} templates={templates} modelDefaults={{ temperature: '1' }} />)
/** Opens the Options panel, whose fields render once it is opened. */
const openOptions = async () => {
  fireEvent.click(screen.getByText('Options'))
  await screen.findByLabelText('System message')
}

describe('SnippetPanel', () => {
  it("shows the curl default, highlighted, and exactly the generator's text", () => {
    panel()
    expect(code()).toBe(expected('curl'))
    expect(document.querySelectorAll('pre span[class^=sk]').length).toBeGreaterThan(5)
    expect(screen.getByRole('tab', { name: 'curl' }).getAttribute('aria-selected')).toBe('true')
  })

  it('follows the message, language, stream and options, and writes them to the URL', async () => {
    panel()
    fireEvent.change(screen.getByLabelText('Message'), { target: { value: `it's "$x" \`y\` \\ 🎉` } })
    fireEvent.click(screen.getByRole('tab', { name: 'Go' }))
    fireEvent.click(screen.getByLabelText('Stream the answer'))
    await openOptions()
    fireEvent.click(screen.getByLabelText('Tool calling example'))
    expect(code()).toBe(expected('go', { message: `it's "$x" \`y\` \\ 🎉`, stream: true, options: { tools: true } }))
    await waitFor(() => expect(window.location.search).toContain('lang=go'))
    const params = new URLSearchParams(window.location.search)
    expect(Object.fromEntries(params)).toEqual({
      lang: 'go',
      stream: '1',
      tools: '1',
      message: `it's "$x" \`y\` \\ 🎉`,
    })
    expect(window.localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('go')
  })

  it('renders the Options fields when the panel is first opened, not before (they are not in the page HTML)', async () => {
    panel()
    const options = screen.getByText('Options').closest('details')!
    expect(options.open).toBe(false)
    expect(screen.queryByLabelText('System message')).toBeNull()
    await openOptions()
    expect(options.open).toBe(true)
    expect(screen.getByLabelText('Temperature')).toBeTruthy()
  })

  it('starts with Options open, its fields shown, when the URL turns an option on', async () => {
    window.history.replaceState(null, '', '/m?temperature=0.4')
    panel()
    await waitFor(() => expect(screen.getByText('Options (1 on)').closest('details')?.open).toBe(true))
    expect((screen.getByLabelText('Temperature value') as HTMLInputElement).value).toBe('0.4')
  })

  it('starts from the URL, else from the language chosen last', async () => {
    window.history.replaceState(null, '', `/m?lang=python&via=acme&temperature=0.4&system=Hi`)
    panel()
    await waitFor(() =>
      expect(code()).toBe(expected('python', { target: ctx.targets[1], system: 'Hi', options: { temperature: 0.4 } })),
    )
    cleanup()
    window.history.replaceState(null, '', '/m')
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, 'typescript')
    panel()
    await waitFor(() =>
      expect(screen.getByRole('tab', { name: 'TypeScript' }).getAttribute('aria-selected')).toBe('true'),
    )
    expect(code()).toBe(expected('typescript'))
  })

  it('numbers: an invalid value is flagged and not used; a valid one is', async () => {
    panel()
    await openOptions()
    fireEvent.click(screen.getByLabelText('Temperature'))
    const value = screen.getByLabelText('Temperature value')
    fireEvent.change(value, { target: { value: '7' } })
    expect(value.getAttribute('aria-invalid')).toBe('true')
    expect(code()).toBe(expected('curl', { options: { temperature: ctx.defaults.temperature } }))
    fireEvent.change(value, { target: { value: '1.3' } })
    expect(value.getAttribute('aria-invalid')).toBeNull()
    expect(code()).toBe(expected('curl', { options: { temperature: 1.3 } }))
  })

  it('every option together matches the generator in every language', async () => {
    window.history.replaceState(
      null,
      '',
      `/m?stream=1&temperature=0.2&max_tokens=300&top_p=0.5&stop=STOP&seed=7&reasoning_effort=high&json_schema=1&tools=1&image=1&system=S`,
    )
    panel()
    for (const lang of LANGUAGE_IDS) {
      await act(async () =>
        fireEvent.click(
          screen.getByRole('tab', {
            name: {
              curl: 'curl',
              python: 'Python',
              typescript: 'TypeScript',
              javascript: 'JavaScript',
              'python-urllib': 'Python (no SDK)',
              go: 'Go',
            }[lang],
          }),
        ),
      )
      expect(code()).toBe(
        expected(lang, { stream: true, system: 'S', options: { ...ALL_OPTIONS, imageUrl: ctx.defaults.imageUrl } }),
      )
    }
  })

  describe('as pages hand it: the default language, and the address of the rest', () => {
    // Each test its own address: the panel keeps a file it fetched for the page's lifetime.
    let n = 0
    const fromFile = (fetchImpl: (url: string) => Promise<Response>) => {
      const fetchMock = vi.fn(fetchImpl)
      vi.stubGlobal('fetch', fetchMock)
      const url = `/snippets/test-${++n}.json`
      render(
        <SnippetPanel
          ctx={ctx}
          templates={{ curl: templates.curl }}
          templatesUrl={url}
          modelDefaults={{ temperature: '1' }}
        />,
      )
      return { fetchMock, url }
    }

    it('shows curl at once, fetches the other languages once, and says so while they come', async () => {
      let arrive: (r: Response) => void = () => {}
      const { fetchMock, url } = fromFile(() => new Promise((resolve) => (arrive = resolve)))
      expect(code()).toBe(expected('curl'))
      await waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(1))
      expect(fetchMock.mock.calls[0]![0]).toBe(url)
      fireEvent.click(screen.getByRole('tab', { name: 'Go' }))
      expect(screen.getByText('Loading the Go example…')).toBeTruthy()
      expect(code()).toBeUndefined()
      expect(screen.queryByRole('button', { name: 'Copy code' })).toBeNull()
      await act(async () => arrive(new Response(JSON.stringify(templates))))
      await waitFor(() => expect(code()).toBe(expected('go')))
      expect(screen.getByRole('button', { name: 'Copy code' })).toBeTruthy()
      expect(fetchMock).toHaveBeenCalledTimes(1)
    })

    it('says when the other languages could not be loaded, and tries again on request', async () => {
      let calls = 0
      const { fetchMock } = fromFile(async () =>
        ++calls === 1 ? new Response('busy', { status: 503 }) : new Response(JSON.stringify(templates)),
      )
      fireEvent.click(screen.getByRole('tab', { name: 'Python' }))
      const alert = await screen.findByRole('alert')
      expect(alert.textContent).toContain('The Python example could not be loaded.')
      fireEvent.click(screen.getByRole('button', { name: 'Try again' }))
      await waitFor(() => expect(code()).toBe(expected('python')))
      expect(fetchMock).toHaveBeenCalledTimes(2)
      expect(screen.queryByRole('alert')).toBeNull()
    })

    it('takes a file that is not templates for a failure, not for code', async () => {
      fromFile(async () => new Response(JSON.stringify({ curl: { code: 1 } })))
      fireEvent.click(screen.getByRole('tab', { name: 'Go' }))
      expect((await screen.findByRole('alert')).textContent).toContain('could not be loaded')
    })
  })
})
