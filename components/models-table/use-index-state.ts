'use client'

import { useCallback, useEffect, useRef, useState } from 'react'

import type { IndexState } from '@/lib/table/state'
import { parseIndexState, serializeIndexState } from '@/lib/table/state'

/**
 * How a change enters the history: `push` for a discrete step (a sort click, a filter), so Back
 * undoes it; `typing` for text being typed, which pushes once at the first keystroke and then
 * replaces until the field loses focus (Back does not step through every letter).
 */
export type HistoryMode = 'push' | 'typing'

/**
 * The index state, mirrored into the URL with the native History API. Next.js integrates
 * `history.pushState`/`replaceState` with its router (no server round trip, `useSearchParams`
 * stays in sync: https://nextjs.org/docs/app/getting-started/linking-and-navigating#native-history-api),
 * and Back/Forward come back through `popstate`, which re-reads the URL.
 */
export function useIndexState(initial: IndexState) {
  const [state, setState] = useState(initial)
  const pending = useRef<HistoryMode | null>(null)
  const typing = useRef(false)

  const update = useCallback((next: (s: IndexState) => IndexState, mode: HistoryMode = 'push') => {
    pending.current = mode
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
    const qs = serializeIndexState(state)
    const url = `${window.location.pathname}${qs ? `?${qs}` : ''}`
    if (url === `${window.location.pathname}${window.location.search}`) return
    const replace = mode === 'typing' && typing.current
    typing.current = mode === 'typing'
    // `null` state: Next's patched history methods then copy its own entry state and sync its router.
    if (replace) window.history.replaceState(null, '', url)
    else window.history.pushState(null, '', url)
  }, [state])

  useEffect(() => {
    const onPop = () => {
      pending.current = null
      typing.current = false
      setState(parseIndexState(new URLSearchParams(window.location.search)))
    }
    window.addEventListener('popstate', onPop)
    return () => window.removeEventListener('popstate', onPop)
  }, [])

  return { state, update, endTyping }
}
