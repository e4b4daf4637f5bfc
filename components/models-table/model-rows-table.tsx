'use client'

import { Activity, useMemo } from 'react'

import type { ColumnId } from '@/lib/table/columns'
import { COLUMN_BY_ID } from '@/lib/table/columns'
import type { ModelRow } from '@/lib/table/rows'
import { DataTable } from '@/components/ui/data-table'

import { modelColumns, modelDescriptions } from './columns'

const getRowId = (r: ModelRow) => r.id

/** A small sortable table of models (vendor pages, "Other models from ..."): the index's columns and cells. */
export function ModelRowsTable({ rows, columns, caption }: { rows: ModelRow[]; columns: ColumnId[]; caption: string }) {
  const defs = useMemo(() => modelColumns(columns), [columns])
  const numeric = useMemo(() => columns.filter((c) => COLUMN_BY_ID[c].numeric && c !== 'status'), [columns])
  const descriptions = useMemo(() => modelDescriptions(columns), [columns])
  return (
    // Its own hydration boundary: the rows hydrate after the page's first task, in slices (see components/ui/section.tsx).
    <Activity>
      <DataTable
        data={rows}
        columns={defs}
        caption={caption}
        getRowId={getRowId}
        numeric={numeric}
        descriptions={descriptions}
        stickyFirst
      />
    </Activity>
  )
}
