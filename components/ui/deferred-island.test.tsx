// @vitest-environment jsdom
import { act, useEffect, useState } from 'react'
import { hydrateRoot } from 'react-dom/client'
import { renderToStaticMarkup } from 'react-dom/server'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import type { IslandWhen } from './deferred-island'
import { DeferredIsland, defineIsland } from './deferred-island'

/** A small interactive part: a counter that marks itself live once its effects ran. */
function Counter({ label }: { label: string }) {
  const [n, setN] = useState(0)
  const [live, setLive] = useState(false)
  useEffect(() => setLive(true), [])
  return (
    <div data-live={live ? 'yes' : 'no'}>
      <button type="button" onClick={() => setN((x) => x + 1)}>
        {label} {n}
      </button>
      <a href="#elsewhere">Elsewhere on the page</a>
    </div>
  )
}

let observed: Array<{ callback: IntersectionObserverCallback; target?: Element }> = []
class FakeObserver {
  constructor(private callback: IntersectionObserverCallback) {}
  observe(target: Element) {
    observed.push({ callback: this.callback, target })
  }
  disconnect() {
    observed = observed.filter((o) => o.callback !== this.callback)
  }
}

beforeEach(() => {
  ;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true
  observed = []
  vi.stubGlobal('IntersectionObserver', FakeObserver)
})
afterEach(() => {
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
})

/** The page as the server sent it (the island renders the component in full inside its wrapper), hydrated. */
async function hydrated(when: IslandWhen) {
  const load = vi.fn(async () => Counter)
  const island = defineIsland(load, when)
  const container = document.createElement('div')
  container.innerHTML = `<div>${renderToStaticMarkup(<Counter label="Count" />)}</div>`
  document.body.append(container)
  const errors: unknown[] = []
  await act(async () => {
    hydrateRoot(container, <DeferredIsland island={island} props={{ label: 'Count' }} />, {
      onRecoverableError: (e) => errors.push(e),
    })
  })
  return { container, load, errors }
}

describe('DeferredIsland', () => {
  it('keeps the server HTML as it is through hydration, without loading the component', async () => {
    const { container, load, errors } = await hydrated('near')
    expect(errors).toEqual([])
    expect(load).not.toHaveBeenCalled()
    expect(container.querySelector('[data-live]')?.getAttribute('data-live')).toBe('no')
    expect(container.querySelector('button')?.textContent).toBe('Count 0')
  })

  it('goes live when it comes near the viewport (near), in place of the server copy', async () => {
    const { container, load } = await hydrated('near')
    expect(observed).toHaveLength(1)
    await act(async () => {
      observed[0]!.callback([{ isIntersecting: true } as IntersectionObserverEntry], {} as IntersectionObserver)
    })
    expect(load).toHaveBeenCalledTimes(1)
    expect(container.querySelectorAll('[data-live]')).toHaveLength(1)
    expect(container.querySelector('[data-live]')?.getAttribute('data-live')).toBe('yes')
  })

  it('is not watched for the viewport when it waits for a first use (used)', async () => {
    await hydrated('used')
    expect(observed).toHaveLength(0)
  })

  it('replays a first click on the server copy on its live twin, and moves focus there', async () => {
    const { container, load } = await hydrated('used')
    const button = container.querySelector('button')!
    await act(async () => {
      button.focus()
      button.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }))
    })
    expect(load).toHaveBeenCalledTimes(1)
    const live = container.querySelector('button')!
    expect(live).not.toBe(button)
    expect(live.textContent).toBe('Count 1')
    expect(document.activeElement).toBe(live)
    // Live from then on: later clicks go straight to the component.
    await act(async () => live.click())
    expect(container.querySelector('button')?.textContent).toBe('Count 2')
  })

  it('keeps a click made after the module arrived but before React rendered the live twin', async () => {
    const { container, load } = await hydrated('near')
    const button = container.querySelector('button')!
    await act(async () => {
      observed[0]!.callback([{ isIntersecting: true } as IntersectionObserverEntry], {} as IntersectionObserver)
      // The module has loaded and the live render is queued, not yet committed: the page still
      // shows the server's copy, which no React handler listens to.
      await new Promise((resolve) => setTimeout(resolve, 0))
      expect(load).toHaveBeenCalledTimes(1)
      expect(container.querySelector('button')).toBe(button)
      button.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }))
    })
    expect(container.querySelector('button')?.textContent).toBe('Count 1')
  })

  it('leaves a click on a link alone', async () => {
    const { container } = await hydrated('used')
    const click = new MouseEvent('click', { bubbles: true, cancelable: true })
    container.querySelector('a')!.dispatchEvent(click)
    expect(click.defaultPrevented).toBe(false)
  })

  it('loads at once when rendered in the browser without server HTML (a client-side navigation)', async () => {
    const load = vi.fn(async () => Counter)
    const island = defineIsland(load, 'used')
    const container = document.createElement('div')
    document.body.append(container)
    const { createRoot } = await import('react-dom/client')
    await act(async () => createRoot(container).render(<DeferredIsland island={island} props={{ label: 'Count' }} />))
    expect(load).toHaveBeenCalledTimes(1)
    expect(container.querySelector('[data-live]')?.getAttribute('data-live')).toBe('yes')
  })
})
