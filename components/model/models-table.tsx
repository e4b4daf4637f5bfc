import type { Model } from '@/lib/catalog'
import type { ColumnId } from '@/lib/table/columns'
import { slimRow, toModelRow } from '@/lib/table/rows'

import { ModelRowsTableIsland } from './model-rows-table-island'

/**
 * A compact, sortable table of models (vendor pages, "Other models from ..."): context, max
 * reply, cheapest prices (USD per 1M tokens) and status, with the models index's columns and cells.
 */
export function ModelsTable({
  models,
  caption,
  showVendor = false,
}: {
  models: Model[]
  caption: string
  showVendor?: boolean
}) {
  const columns: ColumnId[] = [
    'name',
    ...(showVendor ? (['vendor'] as const) : []),
    'context',
    'maxOutput',
    'input',
    'output',
    'status',
  ]
  return (
    <ModelRowsTableIsland
      rows={models.map((m) => slimRow(toModelRow(m), columns))}
      columns={columns}
      caption={caption}
    />
  )
}
