'use client'

import type { ComponentProps } from 'react'

import { DeferredIsland, defineIsland } from '@/components/ui/deferred-island'
import type { ModelRowsTable } from '@/components/models-table/model-rows-table'

const table = defineIsland(
  () => import('@/components/models-table/model-rows-table').then((m) => m.ModelRowsTable),
  'used',
)

/**
 * A sortable table of models whose JavaScript loads when it is first used (a sort): until then
 * it is the server's HTML, which reads the same (components/ui/deferred-island.tsx).
 */
export function ModelRowsTableIsland(props: ComponentProps<typeof ModelRowsTable>) {
  return <DeferredIsland island={table} props={props} />
}
