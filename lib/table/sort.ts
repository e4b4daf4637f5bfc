/**
 * Sorting options shared by every table built on lib/table columns: values compare with
 * `compareValues`, unknown values (a model without a cache price, a max output or a cutoff) go
 * last whichever the direction, and the first click sorts the way the column's spec says.
 * TanStack Table applies them (`sortUndefined: 'last'` is honoured in both directions; ties keep
 * the data's order). Pure: no React.
 */
import type { ColumnSpec, SortValue } from './columns'
import { compareValues } from './columns'

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
