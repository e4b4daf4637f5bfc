import { describe, expect, it } from 'vitest'

import { row } from '@/test-support/table-fixtures'

import { NO_FILTERS } from './filters'
import { ModelSearch } from './search'
import { DEFAULT_STATE, PAGE_ROWS } from './state'
import { viewPage } from './view'

const rows = Array.from({ length: PAGE_ROWS * 2 + 5 }, (_, i) =>
  row(`v/m${String(i).padStart(3, '0')}`, { input: i % 7, openWeights: i % 2 === 0 }),
)
const search = new ModelSearch(rows)

describe('a page of the view (the server HTML)', () => {
  it('pages through every row of the sorted, filtered view, none twice', () => {
    const state = { ...DEFAULT_STATE, sort: { id: 'input' as const, desc: true } }
    const first = viewPage(rows, search, state)
    expect(first).toMatchObject({ shown: rows.length, page: 1, pages: 3, offset: 0 })
    expect(first.rows).toHaveLength(PAGE_ROWS)
    const all = [1, 2, 3].flatMap((page) => viewPage(rows, search, { ...state, page }).rows)
    expect(all.map((r) => r.input)).toEqual(rows.map((r) => r.input).sort((a, b) => b! - a!))
    expect(new Set(all.map((r) => r.id)).size).toBe(rows.length)
  })

  it('filters and searches before paging; a page past the end shows the last one', () => {
    const open = viewPage(rows, search, { ...DEFAULT_STATE, filters: { ...NO_FILTERS, openWeights: true }, page: 9 })
    const openRows = Math.ceil(rows.length / 2) // every other row: PAGE_ROWS + 3
    expect(open).toMatchObject({ shown: openRows, page: 2, pages: 2, offset: PAGE_ROWS })
    expect(open.rows).toHaveLength(openRows - PAGE_ROWS)
    expect(viewPage(rows, search, { ...DEFAULT_STATE, q: 'm007' }).rows.map((r) => r.id)).toEqual(['v/m007'])
    expect(viewPage(rows, search, { ...DEFAULT_STATE, q: 'nothing' })).toMatchObject({ shown: 0, page: 1, pages: 1 })
  })
})
