import { describe, expect, it } from 'vitest'

import { NO_FILTERS } from './filters'
import type { IndexState } from './state'
import { DEFAULT_STATE, parseFacetPick, parseIndexState, serializeIndexState, tickRow, visibleColumns } from './state'

const parse = (qs: string) => parseIndexState(new URLSearchParams(qs))

describe('index URL state', () => {
  it('is empty for the default view, and the empty URL is the default view', () => {
    expect(serializeIndexState(DEFAULT_STATE)).toBe('')
    expect(parse('')).toEqual(DEFAULT_STATE)
  })

  it('round-trips a full state', () => {
    const state: IndexState = {
      q: 'gpt 4o',
      sort: { id: 'input', desc: true },
      filters: {
        vendors: ['openai', 'anthropic'],
        providers: ['together-ai'],
        inputModalities: ['image'],
        outputModalities: ['text'],
        capabilities: ['tools', 'vision'],
        minContext: 128_000,
        maxInput: 1.5,
        maxOutput: 0.6,
        free: true,
        openWeights: true,
        hideDeprecated: true,
        changedWithin: 30,
      },
      columns: ['name', 'vendor', 'input', 'output'],
    }
    const qs = serializeIndexState(state)
    expect(qs).toBe(
      'q=gpt+4o&sort=-input&vendor=openai,anthropic&provider=together-ai&in=image&out=text&cap=tools,vision&ctx=128000&maxin=1.5&maxout=0.6&free=1&open=1&hide=deprecated&changed=30&cols=name,vendor,input,output',
    )
    expect(parse(qs)).toEqual(state)
  })

  it('reads "price changed in the last N days" as whole days up to ten years, else not at all', () => {
    expect(parse('changed=90').filters.changedWithin).toBe(90)
    expect(parse('changed=%2B7').filters).not.toHaveProperty('changedWithin')
    for (const bad of ['', '0', '-30', '30.5', '3651', 'month', '1e3'])
      expect(parse(`changed=${bad}`).filters, bad).not.toHaveProperty('changedWithin')
    // What the no-JavaScript form sends for "Any time": no filter, no key.
    expect(serializeIndexState(parse('changed=&vendor=openai'))).toBe('vendor=openai')
  })

  it('reads what the no-JavaScript form submits: repeated keys, empty fields, suffixes', () => {
    const s = parse('q=&vendor=openai&vendor=meta&cap=tools&ctx=128k&maxin=&maxout=&sort=context&hide=deprecated')
    expect(s.filters.vendors).toEqual(['openai', 'meta'])
    expect(s.filters.minContext).toBe(128_000)
    expect(s.filters.maxInput).toBeUndefined()
    expect(s.sort).toEqual({ id: 'context', desc: false })
    expect(s.filters.hideDeprecated).toBe(true)
    expect(parse('ctx=1m').filters.minContext).toBe(1_000_000)
  })

  it('ignores unknown keys and malformed values instead of failing', () => {
    const s = parse(
      'sort=bogus&in=smell,image&cap=telepathy&maxin=cheap&ctx=-5&vendor=%3Cscript%3E&free=maybe&cols=nope',
    )
    expect(s).toEqual({ ...DEFAULT_STATE, filters: { ...NO_FILTERS, inputModalities: ['image'] } })
  })

  it('always shows the name column and treats the default column set as no setting', () => {
    expect(visibleColumns(parse('cols=input,output'))).toEqual(['name', 'input', 'output'])
    const defaults = visibleColumns(DEFAULT_STATE).join(',')
    expect(parse(`cols=${defaults}`).columns).toBeUndefined()
  })

  it('keeps ticked rows in order, as model ids, at most six, without duplicates', () => {
    const state = parse('sel=openai/gpt-4o,anthropic/claude-haiku-4-5,openai/gpt-4o,not-an-id,x/<script>')
    expect(state.selected).toEqual(['openai/gpt-4o', 'anthropic/claude-haiku-4-5'])
    expect(serializeIndexState(state)).toBe('sel=openai/gpt-4o,anthropic/claude-haiku-4-5')
    expect(parse('sel=a/1,a/2,a/3,a/4,a/5,a/6,a/7').selected).toHaveLength(6)
    expect(parse('sel=').selected).toBeUndefined()
    // After the filters and columns, so the view's part of a link reads first.
    expect(serializeIndexState({ ...DEFAULT_STATE, filters: { ...NO_FILTERS, free: true }, selected: ['a/1'] })).toBe(
      'free=1&sel=a/1',
    )
  })

  it('reads the page of the server table as a whole number from 2, written last', () => {
    expect(parse('page=3').page).toBe(3)
    for (const bad of ['page=1', 'page=0', 'page=-2', 'page=2.5', 'page=x', 'page=123456'])
      expect(parse(bad).page, bad).toBeUndefined()
    expect(serializeIndexState(parse('page=2&sel=a/1&sort=input'))).toBe('sort=input&sel=a/1&page=2')
  })

  it('accepts Next searchParams objects', () => {
    expect(parseIndexState({ q: 'mini', vendor: ['openai', 'meta'], sort: '-released' })).toMatchObject({
      q: 'mini',
      sort: { id: 'released', desc: true },
      filters: { vendors: ['openai', 'meta'] },
    })
  })
})

describe('ticking rows', () => {
  it('adds a tick at the end, removes an untick, and takes at most six', () => {
    expect(tickRow([], 'a/x', true)).toEqual(['a/x'])
    expect(tickRow(['a/x'], 'b/y', true)).toEqual(['a/x', 'b/y'])
    expect(tickRow(['a/x', 'b/y'], 'a/x', false)).toEqual(['b/y'])
    expect(tickRow(['a/x'], 'a/x', true)).toEqual(['a/x'])
    const six = ['a/1', 'a/2', 'a/3', 'a/4', 'a/5', 'a/6']
    expect(tickRow(six, 'a/7', true)).toEqual(six)
    expect(tickRow(six, 'a/3', false)).toEqual(['a/1', 'a/2', 'a/4', 'a/5', 'a/6'])
  })
})

describe('parseFacetPick', () => {
  it('reads the menu a reader without JavaScript asked to see whole, and nothing else', () => {
    expect(parseFacetPick(new URLSearchParams('vendor=openai&pick=vendor'))).toBe('vendor')
    expect(parseFacetPick({ pick: 'provider' })).toBe('provider')
    expect(parseFacetPick({ pick: 'cap' })).toBeUndefined()
    expect(parseFacetPick({})).toBeUndefined()
  })
  it('is not part of the view: the state of a URL with it serializes without it', () => {
    expect(serializeIndexState(parseIndexState(new URLSearchParams('vendor=openai&pick=vendor')))).toBe('vendor=openai')
  })
})
