/**
 * Sorting options shared by every table built on lib/table columns: values compare with
 * `compareValues`, unknown values (a model without a cache price, a max output or a cutoff) go
 * last whichever the direction, and the first click sorts the way the column's spec says.
 * TanStack Table applies them (`sortUndefined: 'last'` is honoured in both directions; ties keep
 * the data's order). Pure: no React.
 */
import type { ColumnId, ColumnSpec, SortValue } from './columns'
import { COLUMN_BY_ID, COLUMNS, compareValues } from './columns'
import type { ModelRow } from './rows'

/** The part of a TanStack row the comparator reads (methods live on the prototype: call, don't destructure). */
interface ValueRow {
  getValue: (columnId: string) => unknown
}

/** Ascending comparator for TanStack's `sortFn` column option; the table reverses it for descending. */
function sortFn(a: ValueRow, b: ValueRow, columnId: string): number {
  return compareValues(a.getValue(columnId) as SortValue, b.getValue(columnId) as SortValue)
}

/** Column options for sorting by a lib/table column spec. */
export function sortingOptions(spec: Pick<ColumnSpec, 'descFirst'>) {
  return { sortFn, sortUndefined: 'last' as const, sortDescFirst: spec.descFirst }
}

/**
 * The sort after a click on a column's header, as the live table's TanStack Table decides it
 * (one column at a time, no unsorted step): the column already sorted flips its direction;
 * another column starts the way its spec says (`descFirst`). The light table the index hydrates
 * at load (before TanStack is loaded) sorts with this.
 */
export function nextSort(
  sort: { id: ColumnId; desc: boolean } | undefined,
  id: ColumnId,
): { id: ColumnId; desc: boolean } {
  return sort?.id === id ? { id, desc: !sort.desc } : { id, desc: COLUMN_BY_ID[id].descFirst }
}

/**
 * The index's sort menu (phones and no JavaScript): each column both ways, its first-click way
 * first. `value` is the URL's `sort` (`-` for descending).
 */
function sortChoices(): { value: string; label: string }[] {
  const words = (id: ColumnId): [string, string] => {
    const spec = COLUMN_BY_ID[id]
    if (spec.unit?.startsWith('USD')) return ['low to high', 'high to low']
    if (id === 'released' || id === 'cutoff') return ['newest first', 'oldest first']
    if (!spec.numeric) return ['A to Z', 'Z to A']
    if (id === 'status') return ['available first', 'deprecated first']
    return ['most first', 'fewest first']
  }
  return COLUMNS.flatMap((c) => {
    const [first, second] = words(c.id)
    const label = c.id === 'name' ? 'Name' : c.unit?.startsWith('USD') ? `${c.title} price` : c.title
    const a = { value: c.descFirst ? `-${c.id}` : c.id, label: `${label}: ${first}` }
    const b = { value: c.descFirst ? c.id : `-${c.id}`, label: `${label}: ${second}` }
    return [a, b]
  })
}
export const SORT_CHOICES = sortChoices()

/**
 * The rows in a sort's order, as the index's TanStack table orders them (the server renders the
 * first page of the view with it, and the live table must show the same rows): unknown values
 * last both ways, ties in the rows' own order. A new array; `undefined` sort: the rows as given.
 */
export function sortRows<T extends ModelRow>(
  rows: readonly T[],
  sort: { id: ColumnId; desc: boolean } | undefined,
): T[] {
  if (!sort) return [...rows]
  const value = COLUMN_BY_ID[sort.id].value
  const keyed = rows.map((row, index) => ({ row, index, v: value(row) }))
  keyed.sort((a, b) => {
    const au = a.v === undefined
    const bu = b.v === undefined
    if (au || bu) return au && bu ? a.index - b.index : au ? 1 : -1
    const c = compareValues(a.v, b.v)
    return c !== 0 ? (sort.desc ? -c : c) : a.index - b.index
  })
  return keyed.map((k) => k.row)
}
