import { constructTable, createSortedRowModel, rowSortingFeature, tableFeatures } from '@tanstack/react-table'
// The framework-free reactivity the table core offers for use outside React (a dependency of @tanstack/react-table).
import { storeReactivityBindings } from '@tanstack/table-core/store-reactivity-bindings'
import { describe, expect, it } from 'vitest'

import { row } from '@/test-support/table-fixtures'

import type { ColumnId } from './columns'
import { COLUMNS, compareValues, sortKey } from './columns'
import type { ModelRow } from './rows'
import { nextSort, SORT_CHOICES, sortingOptions, sortRows } from './sort'

const features = tableFeatures({
  coreReactivityFeature: storeReactivityBindings(),
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
})
const columns = COLUMNS.map((spec) => ({ id: spec.id, accessorFn: spec.value, ...sortingOptions(spec) }))

/** The order TanStack Table gives with the same column options the index uses. */
function sorted(data: ModelRow[], id: string, desc: boolean) {
  const table = constructTable({
    features,
    columns,
    data,
    getRowId: (r: ModelRow) => r.id,
    initialState: { sorting: [{ id, desc }] },
  })
  return table.getRowModel().rows.map((r) => r.original.id)
}

const rows = [
  row('v/a', { name: 'GPT-10', input: 2.5, cacheRead: undefined, released: '2024-05-13', maxOutput: 4096 }),
  row('v/b', { name: 'GPT-4', input: undefined, cacheRead: 0.5, released: '2023-03-14', maxOutput: undefined }),
  row('v/c', { name: 'gpt-4o', input: 0.15, cacheRead: 0.075, released: '2024-07-18', maxOutput: 16384 }),
  row('v/d', { name: 'Claude', input: 0, cacheRead: undefined, released: '2025-02-24', maxOutput: 64000 }),
]

describe('sorting', () => {
  it('compares numbers numerically and text naturally through sort keys', () => {
    expect(compareValues(9, 10)).toBeLessThan(0)
    expect(compareValues(sortKey('GPT-4'), sortKey('GPT-10'))).toBeLessThan(0)
    expect(compareValues(sortKey('gpt-4o'), sortKey('GPT-4O'))).toBe(0)
    expect(compareValues(sortKey('Mistral Médium'), sortKey('mistral medium'))).toBe(0)
    expect(compareValues('2024-07', '2024-07-18')).toBeLessThan(0)
  })

  it('sorts prices numerically, unknown prices last in both directions', () => {
    expect(sorted(rows, 'input', false)).toEqual(['v/d', 'v/c', 'v/a', 'v/b'])
    expect(sorted(rows, 'input', true)).toEqual(['v/a', 'v/c', 'v/d', 'v/b'])
    expect(sorted(rows, 'cacheRead', false)).toEqual(['v/c', 'v/b', 'v/a', 'v/d'])
    expect(sorted(rows, 'cacheRead', true)).toEqual(['v/b', 'v/c', 'v/a', 'v/d'])
    expect(sorted(rows, 'maxOutput', true)).toEqual(['v/d', 'v/c', 'v/a', 'v/b'])
    expect(sorted(rows, 'maxOutput', false)).toEqual(['v/a', 'v/c', 'v/d', 'v/b'])
  })

  it('sorts names naturally (GPT-4 before GPT-10) and dates', () => {
    expect(sorted(rows, 'name', false)).toEqual(['v/d', 'v/b', 'v/c', 'v/a']) // Claude, GPT-4, gpt-4o, GPT-10
    expect(sorted(rows, 'released', true)).toEqual(['v/d', 'v/c', 'v/a', 'v/b'])
  })

  it('first click: prices cheapest first, sizes and dates largest/newest first', () => {
    const first = (id: string) => COLUMNS.find((c) => c.id === id)!.descFirst
    expect(first('input')).toBe(false)
    expect(first('context')).toBe(true)
    expect(first('released')).toBe(true)
    expect(first('name')).toBe(false)
  })

  it("a header click sorts as the live table's does: the sorted column flips, another starts its own way", () => {
    // The live table's options (components/models-table/live-table.tsx): one column, no unsorted step.
    const afterClick = (id: ColumnId, before: { id: ColumnId; desc: boolean } | undefined) => {
      const sorting = before ? [before] : []
      let after: unknown
      const table = constructTable({
        features,
        columns,
        data: rows,
        getRowId: (r: ModelRow) => r.id,
        state: { sorting },
        onSortingChange: (updater) => {
          after = typeof updater === 'function' ? updater(sorting) : updater
        },
        enableSortingRemoval: false,
        enableMultiSort: false,
      })
      table.getColumn(id)!.toggleSorting()
      return after
    }
    let checked = 0
    for (const { id } of COLUMNS) {
      for (const before of [
        undefined,
        { id, desc: false },
        { id, desc: true },
        { id: 'vendor' as const, desc: true },
      ]) {
        expect(afterClick(id, before), `${id} after ${JSON.stringify(before)}`).toEqual([nextSort(before, id)])
        checked++
      }
    }
    expect(checked).toBe(COLUMNS.length * 4)
    expect(nextSort(undefined, 'input')).toEqual({ id: 'input', desc: false })
    expect(nextSort({ id: 'input', desc: false }, 'input')).toEqual({ id: 'input', desc: true })
    expect(nextSort({ id: 'input', desc: true }, 'context')).toEqual({ id: 'context', desc: true })
  })

  it('keeps the incoming order for ties', () => {
    const same = [row('v/x', { input: 1 }), row('v/y', { input: 1 }), row('v/z', { input: 1 })]
    expect(sorted(same, 'input', false)).toEqual(['v/x', 'v/y', 'v/z'])
    expect(sorted(same, 'input', true)).toEqual(['v/x', 'v/y', 'v/z'])
  })

  it('orders rows on the server exactly as the live table does, every column both ways', () => {
    const many = [
      ...rows,
      ...same3(),
      row('v/e', { name: 'Zeta', input: 1, cacheRead: 0.5, released: undefined, maxOutput: 4096 }),
    ]
    for (const c of COLUMNS)
      for (const desc of [false, true])
        expect(
          sortRows(many, { id: c.id, desc }).map((r) => r.id),
          `${c.id} ${desc ? 'desc' : 'asc'}`,
        ).toEqual(sorted(many, c.id, desc))
    expect(sortRows(many, undefined)).toEqual(many)
  })
})

function same3() {
  return [row('v/x', { input: 1 }), row('v/y', { input: 1, maxOutput: 4096 }), row('v/z', { input: 1 })]
}

describe('the sort menu', () => {
  it('offers every column both ways, the first-click way first, in the columns’ own words', () => {
    expect(SORT_CHOICES).toHaveLength(COLUMNS.length * 2)
    expect(SORT_CHOICES.slice(0, 2)).toEqual([
      { value: 'name', label: 'Name: A to Z' },
      { value: '-name', label: 'Name: Z to A' },
    ])
    expect(SORT_CHOICES).toContainEqual({ value: '-maxOutput', label: 'Max output: most first' })
    expect(SORT_CHOICES).toContainEqual({ value: 'input', label: 'Input price: low to high' })
  })
})
