/**
 * The models index's table as TanStack Table (v9) sees it. Loaded with the live table only
 * (live-table.tsx); the layout both renderings share is in index-layout.ts.
 */
import type { ReactTable } from '@tanstack/react-table'
import {
  columnVisibilityFeature,
  createColumnHelper,
  createSortedRowModel,
  rowSelectionFeature,
  rowSortingFeature,
  tableFeatures,
} from '@tanstack/react-table'

import type { SortValue } from '@/lib/table/columns'
import { COLUMNS } from '@/lib/table/columns'
import type { ModelRow } from '@/lib/table/rows'
import { sortingOptions } from '@/lib/table/sort'

export const indexFeatures = tableFeatures({
  rowSortingFeature,
  columnVisibilityFeature,
  rowSelectionFeature,
  sortedRowModel: createSortedRowModel(),
})

export type IndexTable = ReactTable<typeof indexFeatures, ModelRow>

// Cells are rendered by ModelCell (the name cell also holds the row's checkbox), so the
// definitions carry identity, the sort value and sort policy only.
const helper = createColumnHelper<typeof indexFeatures, ModelRow>()
export const indexColumns = helper.columns(
  COLUMNS.map((spec) =>
    helper.accessor((row): SortValue => spec.value(row), {
      id: spec.id,
      header: spec.title,
      enableHiding: !spec.alwaysVisible,
      ...sortingOptions(spec),
    }),
  ),
)

export const getRowId = (r: ModelRow) => r.id
