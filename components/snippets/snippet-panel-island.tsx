'use client'

import type { SnippetPanelProps } from '@/lib/snippets/panel-state'
import { DeferredIsland, defineIsland } from '@/components/ui/deferred-island'

const panel = defineIsland(() => import('./snippet-panel').then((m) => m.SnippetPanel))

/** The snippet panel, live once the reader gets near it or first uses it (components/ui/deferred-island.tsx). */
export function SnippetPanelIsland(props: SnippetPanelProps) {
  return <DeferredIsland island={panel} props={props} />
}
