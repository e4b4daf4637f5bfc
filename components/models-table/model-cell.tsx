/**
 * The cells of the models index's columns, shared by its tables (the light one hydrated at load,
 * the live one, the model lists built on columns.tsx). No table library here.
 */
import type { ColumnId } from '@/lib/table/columns'
import type { ModelRow } from '@/lib/table/rows'

import {
  CapabilitiesCell,
  DateCell,
  KeyFigures,
  ModalitiesCell,
  ModelNameCell,
  PriceCell,
  PriceChangeCell,
  StatusCell,
  TokensCell,
} from './cells'

/** The cell of one index column for one row. */
export function ModelCell({ column, row }: { column: ColumnId; row: ModelRow }) {
  switch (column) {
    case 'name':
      return <ModelNameCell id={row.id} name={row.name} />
    case 'vendor':
      return <>{row.vendorName}</>
    case 'context':
      return <TokensCell value={row.context} />
    case 'maxOutput':
      return <TokensCell value={row.maxOutput} />
    case 'input':
      return <PriceCell value={row.input} />
    case 'output':
      return <PriceCell value={row.output} />
    case 'cacheRead':
      return <PriceCell value={row.cacheRead} />
    case 'priceChange':
      return <PriceChangeCell value={row.lastChange} />
    case 'providers':
      return <>{row.providers.length}</>
    case 'modalities':
      return <ModalitiesCell value={row.inputModalities} />
    case 'capabilities':
      return <CapabilitiesCell value={row.capabilities} />
    case 'released':
      return <DateCell value={row.released} />
    case 'cutoff':
      return <DateCell value={row.cutoff} />
    case 'status':
      return (
        <StatusCell status={row.status} retirementDate={row.retirementDate} deprecationDate={row.deprecationDate} />
      )
  }
}

/** The index's name cell: on a narrow screen the key figures stand in for the id (the other columns scroll in sideways). */
export function IndexNameCell({ row }: { row: ModelRow }) {
  return (
    <ModelNameCell
      id={row.id}
      name={row.name}
      phone={<KeyFigures input={row.input} output={row.output} context={row.context} />}
    />
  )
}
