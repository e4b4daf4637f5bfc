/**
 * TanStack Table column definitions for the catalog's tables, built from the column specs in
 * lib/table (titles, units, sort policy) and the shared cells. Imported by client components
 * only: column definitions hold functions, which cannot cross from a server component.
 */
import Link from 'next/link'

import { STATUS_LABELS } from '@/lib/catalog/vocab'
import { formatMs, formatRate, formatUptime } from '@/lib/store/format'
import type { ColumnId } from '@/lib/table/columns'
import { COLUMN_BY_ID } from '@/lib/table/columns'
import type { EndpointColumnId, EndpointRow } from '@/lib/table/endpoints'
import { ENDPOINT_COLUMNS } from '@/lib/table/endpoints'
import type { ModelRow } from '@/lib/table/rows'
import { sortingOptions } from '@/lib/table/sort'
import { Badge } from '@/components/ui/badge'
import type { DataColumn } from '@/components/ui/data-table'

import { ModelNameCell, PriceCell, TokensCell } from './cells'
import { ModelCell } from './model-cell'

/** Column definitions for model rows, in the given order. */
export function modelColumns(ids: readonly ColumnId[]): DataColumn<ModelRow>[] {
  return ids.map((id) => {
    const spec = COLUMN_BY_ID[id]
    return {
      id,
      accessorFn: spec.value,
      header: spec.title,
      cell: ({ row }) => <ModelCell column={id} row={row.original} />,
      ...sortingOptions(spec),
    }
  })
}

export const modelDescriptions = (ids: readonly ColumnId[]) =>
  Object.fromEntries(
    ids.map((id) => [
      id,
      COLUMN_BY_ID[id].unit
        ? `${COLUMN_BY_ID[id].description}, ${COLUMN_BY_ID[id].unit}`
        : COLUMN_BY_ID[id].description,
    ]),
  )

function EndpointCell({ column, row }: { column: EndpointColumnId; row: EndpointRow }) {
  switch (column) {
    case 'provider':
      return (
        <span className="block">
          <Link
            href={`/providers/${row.provider}`}
            prefetch={false}
            className="font-medium text-foreground hover:underline"
          >
            {row.providerName}
          </Link>
          {row.cheapest ? (
            <Badge tone="success" className="ml-2">
              Cheapest
            </Badge>
          ) : null}
          {row.status !== 'available' ? (
            <Badge tone={row.status === 'preview' ? 'warning' : 'danger'} className="ml-2">
              {STATUS_LABELS[row.status]}
            </Badge>
          ) : null}
          {row.offer ? (
            <Badge tone="warning" className="ml-2" title="Not a list price: never the model's headline price">
              {row.offer}
            </Badge>
          ) : null}
          <span className="block text-xs text-muted-foreground">
            <code>{row.modelId}</code>
          </span>
        </span>
      )
    case 'model':
      return <ModelNameCell id={row.model ?? ''} name={row.modelName ?? ''} sub={row.vendorName} />
    case 'modelId':
      return <code className="text-xs">{row.modelId}</code>
    case 'context':
      return <TokensCell value={row.context} />
    case 'maxOutput':
      return <TokensCell value={row.maxOutput} />
    case 'ttft':
      return <>{formatMs(row.ttft)}</>
    case 'throughput':
      return <>{formatRate(row.throughput)}</>
    case 'uptime':
      return <>{formatUptime(row.uptime)}</>
    default:
      return <PriceCell value={row[column]} />
  }
}

/** Column definitions for endpoint rows, in the given order. */
export function endpointColumns(ids: readonly EndpointColumnId[]): DataColumn<EndpointRow>[] {
  return ids.map((id) => {
    const spec = ENDPOINT_COLUMNS[id]
    return {
      id,
      accessorFn: spec.value,
      header: spec.title,
      cell: ({ row }) => <EndpointCell column={id} row={row.original} />,
      ...sortingOptions(spec),
    }
  })
}

export const endpointDescriptions = (ids: readonly EndpointColumnId[]) =>
  Object.fromEntries(ids.map((id) => [id, ENDPOINT_COLUMNS[id].description]))
