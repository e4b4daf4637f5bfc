import { getModelsIndex, getModelsIndexSearch } from '@/lib/catalog'
import { COLUMN_IDS } from '@/lib/table/columns'
import { toCsv, toJson } from '@/lib/table/export'
import { todayUtc } from '@/lib/table/filters'
import { parseIndexState, visibleColumns } from '@/lib/table/state'
import { viewAll } from '@/lib/table/view'

const TYPES = { csv: 'text/csv; charset=utf-8', json: 'application/json; charset=utf-8' } as const

/**
 * The models index's view named by a URL's query (search, filters, sort, columns: the index's own
 * parameters), every row of it, as a CSV or JSON file: the same file the index's Export buttons
 * make in the browser, for readers without JavaScript and for scripts.
 */
export function indexExport(url: URL, kind: keyof typeof TYPES): Response {
  const state = parseIndexState(url.searchParams)
  const rows = viewAll(getModelsIndex().rows, getModelsIndexSearch(), state, todayUtc())
  const visible = visibleColumns(state)
  const columns = COLUMN_IDS.filter((id) => visible.includes(id))
  return new Response(kind === 'csv' ? toCsv(rows, columns) : toJson(rows, columns), {
    headers: { 'Content-Type': TYPES[kind], 'Content-Disposition': `attachment; filename="models.${kind}"` },
  })
}
