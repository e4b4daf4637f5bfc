/**
 * CSV and JSON of the index's current view: the rows as filtered, searched and sorted, the
 * columns that are visible, raw values (numbers as numbers, unknown as empty / null) with units
 * in the headers. Pure.
 */
import type { ColumnId } from './columns'
import { COLUMN_BY_ID, KEY_CAPABILITIES } from './columns'
import type { ModelRow } from './rows'

type Cell = string | number | boolean | null

interface ExportField {
  key: string
  header: string
  value: (r: ModelRow) => Cell | string[]
}

const fieldsFor = (id: ColumnId): ExportField[] => {
  const spec = COLUMN_BY_ID[id]
  const header = spec.unit ? `${spec.title} (${spec.unit})` : spec.title
  switch (id) {
    case 'name':
      return [
        { key: 'id', header: 'Id', value: (r) => r.id },
        { key: 'name', header: 'Model', value: (r) => r.name },
      ]
    case 'vendor':
      return [{ key: 'vendor', header, value: (r) => r.vendorName }]
    case 'providers':
      return [{ key: 'providers', header: 'Providers', value: (r) => r.providers }]
    case 'modalities':
      return [{ key: 'inputModalities', header: 'Accepts', value: (r) => r.inputModalities }]
    case 'capabilities':
      return [{ key: 'capabilities', header, value: (r) => r.capabilities.filter((c) => KEY_CAPABILITIES.includes(c)) }]
    case 'status':
      return [{ key: 'status', header, value: (r) => r.status }]
    case 'priceChange':
      return [
        { key: 'lastPriceChange', header: 'Last price change', value: (r) => r.lastChange?.date ?? null },
        {
          key: 'lastPriceChangePercent',
          header: 'Last price change (% of input + output)',
          value: (r) => r.lastChange?.percent ?? null,
        },
      ]
    default:
      return [{ key: id, header, value: (r) => spec.value(r) ?? null }]
  }
}

const fields = (columns: readonly ColumnId[]) => columns.flatMap(fieldsFor)

/** RFC 4180: quote fields holding a comma, quote or line break; double the quotes. */
function csvCell(v: Cell | string[]): string {
  if (v === null) return ''
  const s = Array.isArray(v) ? v.join('; ') : String(v)
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

/** CSV with a header line, CRLF line ends (what spreadsheets expect). */
export function toCsv(rows: readonly ModelRow[], columns: readonly ColumnId[]): string {
  const fs = fields(columns)
  const lines = [fs.map((f) => csvCell(f.header)).join(',')]
  for (const r of rows) lines.push(fs.map((f) => csvCell(f.value(r))).join(','))
  return `${lines.join('\r\n')}\r\n`
}

/** JSON: an array of objects keyed by field (`id`, `name`, `input`, ...), units in `units`. */
export function toJson(rows: readonly ModelRow[], columns: readonly ColumnId[]): string {
  const fs = fields(columns)
  const units = Object.fromEntries(columns.flatMap((c) => (COLUMN_BY_ID[c].unit ? [[c, COLUMN_BY_ID[c].unit]] : [])))
  const models = rows.map((r) => Object.fromEntries(fs.map((f) => [f.key, f.value(r)])))
  return `${JSON.stringify({ units, count: models.length, models }, null, 2)}\n`
}
