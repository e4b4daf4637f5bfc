import { useSyncExternalStore } from 'react'

const subscribe = () => () => {}

/**
 * False on the server and in the hydration render, true from then on: for parts that only work
 * once React runs in the browser, and for the `data-ready` marks tests wait on. No effect and no
 * extra render, unlike `useEffect(() => setReady(true))`.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  )
}
