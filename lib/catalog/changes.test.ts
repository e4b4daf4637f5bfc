import { describe, expect, it } from 'vitest'

import { changeDetail, changesSearch, changeTitle, filterChanges, parseChangesQuery } from './changes'
import type { CatalogChange } from './price-history'

const base = { model: 'deepseek/deepseek-chat', modelName: 'DeepSeek Chat', vendor: 'deepseek' }
const cut: CatalogChange = {
  ...base,
  date: '2026-04-25',
  kind: 'price-cut',
  provider: 'deepseek',
  price: { from: { input: 0.28, output: 0.42 }, to: { input: 0.14, output: 0.28 }, percent: -40 },
}
const gone: CatalogChange = { ...base, date: '2026-06-20', kind: 'retirement', provider: 'cloud' }
const born: CatalogChange = { ...base, date: '2025-01-01', kind: 'new-model' }
const names = (id: string) => ({ deepseek: 'DeepSeek', cloud: 'Cloud' })[id] ?? id

describe('changes', () => {
  it('reads filters from the URL, dropping unknown kinds and bad pages', () => {
    expect(parseChangesQuery({ vendor: 'deepseek', kind: 'price-cut', page: '2' })).toEqual({
      model: undefined,
      vendor: 'deepseek',
      provider: undefined,
      kind: 'price-cut',
      page: 2,
    })
    expect(parseChangesQuery({ kind: 'nonsense', page: '-3', provider: ['a', 'b'] })).toMatchObject({
      kind: undefined,
      page: 1,
      provider: 'a',
    })
  })

  it('filters by vendor, provider, kind and model', () => {
    const all = [gone, cut, born]
    expect(filterChanges(all, parseChangesQuery({ provider: 'cloud' })).items).toEqual([gone])
    expect(filterChanges(all, parseChangesQuery({ kind: 'new-model' })).items).toEqual([born])
    expect(filterChanges(all, parseChangesQuery({ vendor: 'openai' })).total).toBe(0)
    expect(filterChanges(all, parseChangesQuery({ model: 'deepseek/deepseek-chat' })).total).toBe(3)
    expect(changesSearch(parseChangesQuery({ vendor: 'deepseek', page: '3' }))).toBe('?vendor=deepseek')
  })

  it('says what changed in a line, with the prices for a price change', () => {
    expect(changeTitle(cut, names)).toBe('DeepSeek Chat at DeepSeek: price cut −40 %')
    expect(changeDetail(cut)).toBe('Input $0.28 → $0.14, output $0.42 → $0.28 per 1M tokens.')
    expect(changeTitle(gone, names)).toBe('Cloud stopped offering DeepSeek Chat')
    expect(changeTitle(born, names)).toBe('New model: DeepSeek Chat')
  })
})
