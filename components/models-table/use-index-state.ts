'use client'

import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react'

import { handlePopstateFirst } from '@/lib/popstate-first'
import type { IndexState } from '@/lib/table/state'
import { parseIndexState, serializeIndexState } from '@/lib/table/state'

/**
 * How a change enters the history: `push` for a discrete step (a sort click, a filter), so Back
 * undoes it; `typing` for text being typed, which pushes once at the first keystroke and then
 * replaces until the field loses focus (Back does not step through every letter); `replace` for
 * a change kept in the URL but not worth a step of its own (ticking a row).
 */
export type HistoryMode = 'push' | 'typing' | 'replace'

/** Runs `fn` when the browser is idle (soon after the next paint), at the latest after `ms`. */
function whenIdle(fn: () => void, ms = 300): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const id = window.requestIdleCallback(fn, { timeout: ms })
    return () => window.cancelIdleCallback(id)
  }
  const id = window.setTimeout(fn, 50)
  return () => window.clearTimeout(id)
}

/** The view the address bar asks for. */
const fromUrl = () => parseIndexState(new URLSearchParams(window.location.search))

/** The same state object when the view is unchanged (no re-render), else the URL's. */
const adopt = (next: IndexState) => (s: IndexState) => (serializeIndexState(s) === serializeIndexState(next) ? s : next)

/**
 * Next.js keeps its router's state in each history entry (`__NA`, and the rendered tree under
 * this key: see node_modules/next/dist/client/components/app-router.js, HistoryUpdater). Read
 * and written here only to point an index entry at the render on screen; remove with the
 * popstate hand-off below if Next changes it.
 */
const NEXT_TREE = '__PRIVATE_NEXTJS_INTERNALS_TREE'

/**
 * The index state, mirrored into the URL with the native History API. Next.js integrates
 * `history.pushState`/`replaceState` with its router (no server round trip, `useSearchParams`
 * stays in sync: https://nextjs.org/docs/app/getting-started/linking-and-navigating#native-history-api).
 *
 * The URL is the truth, read whenever the index is shown (first render, Back from another page,
 * a page restored from the browser's back/forward cache) and on every Back/Forward within it.
 * Back and Forward between two views of the index are the index's own: it reads the URL, and
 * Next's router is only told the new URL. Left to Next, a step back to an entry written by an
 * earlier page load (before a reload) re-fetched that view from the server, and when the fetch
 * landed after a click made meanwhile, Next wrote its URL back over the click's (issue #15).
 *
 * The URL is written when the browser is idle, not in the same task as the click or keystroke:
 * a history entry costs ~10 ms (Next copies its router state into it and re-syncs), which would
 * otherwise sit between the input and the table's next paint. Keystrokes still waiting merge
 * into one entry; a sort or filter always gets its own.
 */
export function useIndexState(initial: IndexState) {
  const [state, setState] = useState(initial)
  const pending = useRef<HistoryMode | null>(null)
  const queued = useRef<{ mode: HistoryMode; write: () => void; cancel: () => void } | null>(null)
  const typing = useRef(false)
  /** Next's record of the render on screen (see NEXT_TREE), taken after each commit of a server render. */
  const shownTree = useRef<unknown>(null)

  const update = useCallback((next: (s: IndexState) => IndexState, mode: HistoryMode = 'push') => {
    pending.current = pending.current === 'push' ? 'push' : mode
    setState(next)
  }, [])

  /** Ends a typing run: the next keystroke pushes a new history entry. */
  const endTyping = useCallback(() => {
    typing.current = false
  }, [])

  /** Forgets writes not yet made: the URL has moved on without them (Back, Forward). */
  const dropPending = useCallback(() => {
    queued.current?.cancel()
    queued.current = null
    pending.current = null
    typing.current = false
  }, [])

  // Shown (hydrated, mounted again on Back from another page, or revealed): the URL's view,
  // before the first paint. The server render handed in may be an older view of the same entry
  // (Next's router cache holds the render before the ticks and filters made since).
  useLayoutEffect(() => {
    setState(adopt(fromUrl()))
  }, [])

  useEffect(() => {
    const mode = pending.current
    pending.current = null
    if (!mode) return
    const before = queued.current
    if (before) {
      before.cancel()
      // Keystrokes merge into one entry; a discrete step keeps its own (Back undoes each sort
      // or filter), so an earlier write still waiting is made now.
      if (before.mode === 'push' || mode === 'push') before.write()
    }
    const write = () => {
      queued.current = null
      const qs = serializeIndexState(state)
      const url = `${window.location.pathname}${qs ? `?${qs}` : ''}`
      if (url === `${window.location.pathname}${window.location.search}`) return
      const replace = mode === 'replace' || (mode === 'typing' && typing.current)
      typing.current = mode === 'typing'
      // `null` state: Next's patched history methods then copy its own entry state and sync its router.
      if (replace) window.history.replaceState(null, '', url)
      else window.history.pushState(null, '', url)
    }
    queued.current = { mode, write, cancel: whenIdle(write) }
  }, [state])

  // A server render committed (the first one, or a link to another /models view): remember
  // Next's record of it, and show the URL's view unless the reader changed the view meanwhile
  // (a change waiting to be written is newer than the view Next was fetching).
  // Keyed on the view, not the object: `initial` is a new object on every server render.
  const initialKey = serializeIndexState(initial)
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs for each server render of a new view, which it does not read (the URL is the truth)
  useEffect(() => {
    shownTree.current = window.history.state?.[NEXT_TREE] ?? null
    if (queued.current || pending.current) return
    setState(adopt(fromUrl()))
  }, [initialKey])

  useEffect(() => {
    const path = window.location.pathname
    const onPop = (event: PopStateEvent) => {
      // Leaving the index (Back to another page) is Next's navigation.
      if (window.location.pathname !== path || !shownTree.current) return
      // A step between two views of the index: this handler runs before Next's router's listener
      // (lib/popstate-first.ts) and keeps it from re-rendering the page for the entry's view.
      event.stopImmediatePropagation()
      dropPending()
      setState(adopt(fromUrl()))
      // The entry may hold another render's record (one from before a reload): point it at the
      // render on screen, so Next, told the URL, has nothing to fetch. First written as Next's
      // own entry state (its patched replaceState passes that through), then the URL is synced.
      const here = `${window.location.pathname}${window.location.search}${window.location.hash}`
      window.history.replaceState({ ...event.state, __NA: true, [NEXT_TREE]: shownTree.current }, '', here)
      window.history.replaceState(null, '', here)
    }
    // A page restored from the browser's back/forward cache: whatever the URL says now.
    const onShow = (event: PageTransitionEvent) => {
      if (!event.persisted) return
      dropPending()
      setState(adopt(fromUrl()))
    }
    const release = handlePopstateFirst(onPop)
    window.addEventListener('pageshow', onShow)
    return () => {
      release()
      window.removeEventListener('pageshow', onShow)
    }
  }, [dropPending])

  return { state, update, endTyping }
}
