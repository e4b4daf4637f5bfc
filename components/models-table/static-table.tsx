import type { ColumnId } from '@/lib/table/columns'
import { COLUMN_BY_ID } from '@/lib/table/columns'
import type { ModelRow } from '@/lib/table/rows'
import type { IndexState } from '@/lib/table/state'
import { cn } from '@/lib/utils'

import { IndexNameCell, ModelCell } from './columns'
import { CELLS, NUMERIC, ROW_HEIGHT } from './index-table'

/** Every row of the view as a plain table, for readers without JavaScript (rendered inside <noscript>). */
export function StaticTable({
  rows,
  columns,
  total,
  sort,
  basis,
}: {
  rows: ModelRow[]
  columns: ColumnId[]
  total: number
  sort: IndexState['sort']
  basis: string
}) {
  return (
    <div className="overflow-x-auto rounded-lg border">
      <table
        data-testid="models-table-static"
        className={cn('w-max min-w-full border-separate border-spacing-0 text-sm', CELLS)}
      >
        <caption className="sr-only">
          Models. Prices in USD per 1M tokens at {basis}; context and max output in tokens.
        </caption>
        <thead>
          <tr>
            {columns.map((id) => (
              <th
                key={id}
                scope="col"
                aria-sort={sort?.id === id ? (sort.desc ? 'descending' : 'ascending') : undefined}
                className={cn(
                  'border-b bg-muted px-3 py-2 font-medium whitespace-nowrap text-muted-foreground',
                  NUMERIC.has(id) ? 'text-right' : 'text-left',
                )}
              >
                {COLUMN_BY_ID[id].title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((m) => (
            <tr key={m.id} data-model={m.id} style={{ height: ROW_HEIGHT }}>
              {columns.map((id) =>
                id === 'name' ? (
                  <th key={id} scope="row">
                    <IndexNameCell row={m} />
                  </th>
                ) : (
                  <td key={id} data-num={NUMERIC.has(id) ? '' : undefined}>
                    <ModelCell column={id} row={m} />
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {total > rows.length ? (
        <p className="p-3 text-sm">
          The first {rows.length} of {total} models; narrow the list with the search and filters.
        </p>
      ) : null}
    </div>
  )
}
