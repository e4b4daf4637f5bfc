'use client'

import type { ComponentType } from 'react'
import { lazy, startTransition, useEffect, useLayoutEffect, useRef, useState } from 'react'

/**
 * When an island goes live: `near`, when it comes within about a screen of the viewport (or is
 * used first); `used`, only when first used (for a part in view from the start whose only live
 * feature is a control, such as a sortable table: it reads the same until someone sorts).
 */
export type IslandWhen = 'near' | 'used'

export type Island<P> = {
  load: () => Promise<ComponentType<P>>
  when: IslandWhen
  /** Server only: the module resolves once per process, and the prerender waits for it. */
  OnServer: ComponentType<P>
}

export function defineIsland<P extends object>(
  load: () => Promise<ComponentType<P>>,
  when: IslandWhen = 'near',
): Island<P> {
  return {
    load,
    when,
    OnServer: lazy(() => load().then((Component) => ({ default: Component }))) as ComponentType<P>,
  }
}

/** How far below (or above) the viewport an island starts loading: about a screen of scrolling ahead. */
const ROOT_MARGIN = '600px 0px'

/** Index of `node` among the elements of `root` (depth-first), to find its twin in a re-rendered copy. */
function indexIn(root: HTMLElement, node: EventTarget | null): number {
  return node instanceof Element ? Array.prototype.indexOf.call(root.querySelectorAll('*'), node) : -1
}

/**
 * Wraps a heavy interactive part of a page (the snippet panel, Try it, the cost calculator, the
 * sortable tables) so that its JavaScript loads, and React renders it, only when the reader gets
 * near it (it comes within about a screen of the viewport; see `IslandWhen`) or first uses it (a
 * finger or pointer down, keyboard focus), not with the rest of the page (issue 14: on a throttled phone those islands were a
 * third of the model page's script and hydration time).
 *
 * - On the server the component renders in full, in place (the shell waits for its module), so
 *   the HTML and JavaScript-off readers get exactly what they got before.
 * - In the browser the hydration render leaves that HTML as it is: the wrapper is hydrated as an
 *   element whose content React does not own (`dangerouslySetInnerHTML`, which React neither
 *   checks nor rewrites while hydrating). When the reader gets near, the module loads and React
 *   renders the component into the wrapper afresh, from the same props, in place of the server's
 *   copy: the same markup, now live.
 * - A first click inside the server's copy (a tab, a checkbox, a `<details>` summary) is held
 *   and replayed on its live twin, and keyboard focus moves to the twin, so the first use is not
 *   lost. Links are left alone (they work as they are). Text typed in the moment before the
 *   component is live is not kept.
 * - Rendered on the client without server HTML (a client-side navigation), it loads at once.
 *
 * Define an island once per module with `defineIsland(() => import('./x').then((m) => m.X))` (a
 * dynamic `import()`, which the bundler splits into a chunk of its own) and render it with
 * `<DeferredIsland island={…} props={…} />`.
 */
export function DeferredIsland<P extends object>({ island, props }: { island: Island<P>; props: P }) {
  const { load, when, OnServer } = island
  const ref = useRef<HTMLDivElement>(null)
  const [Live, setLive] = useState<{ Component: ComponentType<P> } | null>(null)
  const pending = useRef<{ focus: number; click: number }>({ focus: -1, click: -1 })
  // Removes the listeners that hold a first use; called once the live twin is in the page.
  const detachRef = useRef<() => void>(() => {})

  useEffect(() => {
    const root = ref.current
    if (!root || Live) return
    let started = false
    const start = () => {
      if (started) return
      started = true
      observer.disconnect()
      // The listeners stay until the live twin is committed (the layout effect below): a click
      // between the module's arrival and React's render still lands on the server's copy.
      // A transition: React renders the live twin in slices of a few milliseconds, yielding to
      // input and paint between them, instead of in one long task as the page settles (on a
      // 4×-throttled phone the snippet panel's render was one task of ~150 ms).
      load().then((Component) => startTransition(() => setLive({ Component })))
    }
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && start(), {
      rootMargin: ROOT_MARGIN,
    })
    const onFocus = (e: FocusEvent) => {
      pending.current.focus = indexIn(root, e.target)
      start()
    }
    const onClick = (e: MouseEvent) => {
      if (e.target instanceof Element && e.target.closest('a[href]')) return
      e.preventDefault()
      e.stopPropagation()
      pending.current.click = indexIn(root, e.target)
      start()
    }
    const detach = () => {
      root.removeEventListener('pointerdown', start, true)
      root.removeEventListener('focusin', onFocus, true)
      root.removeEventListener('click', onClick, true)
    }
    detachRef.current = detach
    root.addEventListener('pointerdown', start, true)
    root.addEventListener('focusin', onFocus, true)
    root.addEventListener('click', onClick, true)
    // Nothing from the server to show in the meantime (a client-side navigation): load at once.
    if (!root.firstChild) start()
    else if (when === 'near') observer.observe(root)
    return () => {
      observer.disconnect()
      detach()
    }
  }, [Live, load, when])

  // Before the live component's own effects (which may change its state from the URL), while
  // its markup is still the server's twin.
  useLayoutEffect(() => {
    const root = ref.current
    if (!Live || !root) return
    detachRef.current() // the replayed click below must reach the live twin
    const { focus, click } = pending.current
    const all = root.querySelectorAll<HTMLElement>('*')
    if (focus >= 0 && (document.activeElement === document.body || !document.activeElement)) all[focus]?.focus()
    if (click >= 0) all[click]?.click()
  }, [Live])

  if (typeof window === 'undefined')
    return (
      <div ref={ref}>
        <OnServer {...props} />
      </div>
    )
  if (!Live)
    // biome-ignore lint/security/noDangerouslySetInnerHtml: an empty string: keeps the server's HTML in place until the island loads (React does not touch it while hydrating)
    return <div ref={ref} suppressHydrationWarning dangerouslySetInnerHTML={{ __html: '' }} />
  return (
    <div ref={ref}>
      <Live.Component {...props} />
    </div>
  )
}
