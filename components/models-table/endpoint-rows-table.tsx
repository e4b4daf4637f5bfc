'use client'

import { Activity, useMemo } from 'react'

import type { EndpointColumnId, EndpointRow } from '@/lib/table/endpoints'
import { ENDPOINT_COLUMNS } from '@/lib/table/endpoints'
import { DataTable } from '@/components/ui/data-table'

import { endpointColumns, endpointDescriptions } from './columns'

const byProvider = (r: EndpointRow) => `${r.provider} ${r.modelId}`
const byModel = (r: EndpointRow) => `${r.model} ${r.modelId}`

/**
 * A sortable table of endpoints: a model's providers (`rowKey="provider"`) or a provider's
 * models (`rowKey="model"`). Rows carry `data-provider` / `data-model`, and the cheapest offer
 * of a model is highlighted.
 */
export function EndpointRowsTable({
  rows,
  columns,
  caption,
  rowKey,
  foldAfter,
  foldNoun = 'rows',
}: {
  rows: EndpointRow[]
  columns: EndpointColumnId[]
  caption: string
  rowKey: 'provider' | 'model'
  foldAfter?: number
  /** What the fold's "Show all N ..." counts. */
  foldNoun?: string
}) {
  const defs = useMemo(() => endpointColumns(columns), [columns])
  const numeric = useMemo(() => columns.filter((c) => ENDPOINT_COLUMNS[c].numeric), [columns])
  const descriptions = useMemo(() => endpointDescriptions(columns), [columns])
  return (
    // Its own hydration boundary: the rows hydrate after the page's first task, in slices (see components/ui/section.tsx).
    <Activity>
      <DataTable
        data={rows}
        columns={defs}
        caption={caption}
        getRowId={rowKey === 'provider' ? byProvider : byModel}
        numeric={numeric}
        descriptions={descriptions}
        stickyFirst
        foldAfter={foldAfter}
        foldLabel={(total, hidden) => `Show all ${total} ${foldNoun} (+${hidden})`}
        rowProps={(r) => ({
          'data-provider': rowKey === 'provider' ? r.provider : undefined,
          'data-model': rowKey === 'model' ? r.model : undefined,
          // On the cells, opaque: the sticky first cell must hide what scrolls beneath it.
          className: rowKey === 'provider' && r.cheapest ? '[&>*]:bg-success-soft' : undefined,
        })}
      />
    </Activity>
  )
}
