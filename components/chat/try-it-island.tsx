'use client'

import { DeferredIsland, defineIsland } from '@/components/ui/deferred-island'

const tryIt = defineIsland(() => import('./try-it').then((m) => m.TryIt))

/** Try it, live once the reader gets near it or first uses it (components/ui/deferred-island.tsx). */
export function TryItIsland(props: { modelId: string }) {
  return <DeferredIsland island={tryIt} props={props} />
}
