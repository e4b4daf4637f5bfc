'use client'

import { useCallback, useEffect, useRef, useState } from 'react'

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

/**
 * The index state, mirrored into the URL with the native History API. Next.js integrates
 * `history.pushState`/`replaceState` with its router (no server round trip, `useSearchParams`
 * stays in sync: https://nextjs.org/docs/app/getting-started/linking-and-navigating#native-history-api),
 * and Back/Forward come back through `popstate`, which re-reads the URL.
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

  const update = useCallback((next: (s: IndexState) => IndexState, mode: HistoryMode = 'push') => {
    pending.current = pending.current === 'push' ? 'push' : mode
    setState(next)
  }, [])

  /** Ends a typing run: the next keystroke pushes a new history entry. */
  const endTyping = useCallback(() => {
    typing.current = false
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

  // A view the server rendered for a navigation (a link to another /models view, or Back to an
  // entry whose view Next fetches again). It is adopted once committed, unless the reader changed
  // the view meanwhile: a change waiting to be written, or a URL that has moved on since, is
  // newer than the view Next was fetching, and must not be lost to it.
  // Keyed on the view, not the object: `initial` is a new object on every server render, and the
  // view is read back from its key (serializing then parsing a state gives the same state).
  const initialKey = serializeIndexState(initial)
  useEffect(() => {
    if (queued.current || pending.current) return
    if (serializeIndexState(parseIndexState(new URLSearchParams(window.location.search))) !== initialKey) return
    setState((s) => (serializeIndexState(s) === initialKey ? s : parseIndexState(new URLSearchParams(initialKey))))
  }, [initialKey])

  useEffect(() => {
    const onPop = () => {
      queued.current?.cancel()
      queued.current = null
      pending.current = null
      typing.current = false
      setState(parseIndexState(new URLSearchParams(window.location.search)))
    }
    window.addEventListener('popstate', onPop)
    return () => window.removeEventListener('popstate', onPop)
  }, [])

  return { state, update, endTyping }
}
