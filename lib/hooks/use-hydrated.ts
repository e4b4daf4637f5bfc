import { startTransition, useEffect, useState } from 'react'

/**
 * False on the server and in the hydration render, true from then on: for parts that only work
 * once React runs in the browser, and for the `data-ready` marks tests wait on.
 *
 * The switch is a transition started from an effect, so the re-render it causes (the index
 * turning on virtualization, the calculator its live fields) is time-sliced and yields to the
 * browser. `useSyncExternalStore` with a different server snapshot did the same without an
 * effect, but React re-renders such a component synchronously after hydration: on a throttled
 * phone the index's re-render was one 400 ms task (issue 14).
 */
export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false)
  useEffect(() => {
    startTransition(() => setHydrated(true))
  }, [])
  return hydrated
}
