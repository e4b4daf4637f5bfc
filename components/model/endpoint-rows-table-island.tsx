'use client'

import type { ComponentProps } from 'react'

import { DeferredIsland, defineIsland } from '@/components/ui/deferred-island'
import type { EndpointRowsTable } from '@/components/models-table/endpoint-rows-table'

const table = defineIsland(
  () => import('@/components/models-table/endpoint-rows-table').then((m) => m.EndpointRowsTable),
  'used',
)

/**
 * A sortable table of endpoints whose JavaScript loads when it is first used (a sort, the fold):
 * until then it is the server's HTML, which reads the same (components/ui/deferred-island.tsx).
 */
export function EndpointRowsTableIsland(props: ComponentProps<typeof EndpointRowsTable>) {
  return <DeferredIsland island={table} props={props} />
}
