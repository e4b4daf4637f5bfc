/**
 * The models index's state in the URL: search, sort, filters and visible columns. The URL is
 * the only place this state lives between visits, so a shared or reloaded link shows the same
 * view and back/forward step through views.
 *
 * Format (every key optional; the default view is `/models`):
 *
 *   q=gpt 4o            search words
 *   sort=input          sort by a column ascending; `sort=-input` descending
 *   vendor=openai,anthropic   provider=groq   (any of)
 *   in=image,audio   out=text   cap=tools,vision   (all of)
 *   ctx=128000          minimum context window (tokens; "128k" and "1m" accepted)
 *   maxin=1.5  maxout=5 maximum cheapest input / output price (USD per 1M tokens)
 *   free=1  open=1  hide=deprecated
 *   changed=30          price changed in the last 30 days (any whole number of days up to 3650)
 *   cols=name,vendor,input   visible columns, only when not the default set
 *   sel=openai/gpt-4o,anthropic/claude-haiku-4-5   ticked rows (to compare), at most 6
 *   page=2              the view's rows from the second page on (PAGE_ROWS a page): the server HTML
 *                       holds one page; the live table holds every row and scrolls to that page's first
 *
 * Lists may also repeat the key (`vendor=a&vendor=b`), which is what the no-JavaScript filter
 * form submits. Unknown keys and malformed values are ignored, never an error: a link typed by
 * hand still opens the index.
 *
 * No zod here, unlike other boundaries: this module runs in the index's client bundle (Back and
 * Forward re-read the URL), the checks are a whitelist per key and one id pattern, and even
 * zod/mini added ~20 KB gzipped to the page.
 */
import type { Capability, Modality } from '@/lib/catalog/vocab'
import { CAPABILITY_KEYS, MODALITIES } from '@/lib/catalog/vocab'
import { MAX_MODELS } from '@/lib/compare/limits'

import type { ColumnId } from './columns'
import { COLUMN_IDS, DEFAULT_VISIBLE, isColumnId } from './columns'
import type { IndexFilters } from './filters'
import { NO_FILTERS } from './filters'

export interface IndexSort {
  id: ColumnId
  desc: boolean
}

export interface IndexState {
  q: string
  /** `undefined`: the default order (by name; by relevance while searching). */
  sort?: IndexSort
  filters: IndexFilters
  /** Visible columns in display order; `undefined`: the default set. */
  columns?: ColumnId[]
  /** Ticked model ids, in the order ticked (at most MAX_MODELS, what a comparison takes); `undefined`: none. */
  selected?: string[]
  /**
   * The page of the view the server HTML shows (PAGE_ROWS rows each, from 1); `undefined`: the first.
   * Without JavaScript the pager's links step through it; the live table scrolls to its first row.
   */
  page?: number
}

/**
 * The ticked ids after one row's checkbox changes, as the live table's row selection does it:
 * a tick joins the end (the order ticked) while fewer than MAX_MODELS are ticked, an untick
 * leaves. The light table the index hydrates at load ticks with this.
 */
export function tickRow(ids: readonly string[], id: string, checked: boolean): string[] {
  if (!checked) return ids.filter((x) => x !== id)
  return ids.includes(id) || ids.length >= MAX_MODELS ? [...ids] : [...ids, id]
}

/** Rows per page of the server HTML (the table readers without JavaScript page through). */
export const PAGE_ROWS = 25

/** A model id: `vendor/model`, each part a file name. */
const MODEL_ID = /^[a-z0-9][a-z0-9._-]{0,99}\/[a-z0-9][a-z0-9._-]{0,199}$/i

export const DEFAULT_STATE: IndexState = { q: '', filters: NO_FILTERS }

/** What a page gets from Next (`searchParams`) or what `URLSearchParams` holds. */
export type ParamsInput = URLSearchParams | Record<string, string | string[] | undefined>

const raw = (params: ParamsInput, key: string): string[] =>
  params instanceof URLSearchParams ? params.getAll(key) : [params[key] ?? []].flat()

function getAll(params: ParamsInput, key: string): string[] {
  return raw(params, key)
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean)
}
const getOne = (params: ParamsInput, key: string): string | undefined => getAll(params, key)[0]

/** Vendor and provider ids: file names (lower-case letters, digits, `.`, `_`, `-`), at most 200 of them. */
const ID = /^[a-z0-9][a-z0-9._-]{0,99}$/i
const idList = {
  safeParse: (xs: string[]) =>
    xs.length <= 200 && xs.every((x) => ID.test(x))
      ? { success: true as const, data: xs }
      : { success: false as const },
}
/** The known values among `xs`, once each, in order. */
const oneOf = <T extends string>(values: readonly T[]) => ({
  parse: (xs: string[]): T[] => [...new Set(xs.filter((x): x is T => values.includes(x as T)))],
})

/** "128k" → 128000, "1m" → 1000000, "1.5" → 1.5; `undefined` for anything else or negatives. */
const amount = {
  parse(s: string | undefined): number | undefined {
    const m = s
      ?.trim()
      .toLowerCase()
      .match(/^(\d+(?:\.\d+)?)\s*([km]?)$/)
    if (!m) return undefined
    const n = Number(m[1]) * (m[2] === 'k' ? 1_000 : m[2] === 'm' ? 1_000_000 : 1)
    return Number.isFinite(n) && n >= 0 ? n : undefined
  },
}

/** A whole number of days, 1 to 3650 (ten years); `undefined` for anything else. */
function days(s: string | undefined): number | undefined {
  if (!s || !/^\d{1,4}$/.test(s.trim())) return undefined
  const n = Number(s)
  return n >= 1 && n <= 3650 ? n : undefined
}

const flag = (params: ParamsInput, key: string) => ['1', 'true', 'on', 'yes'].includes(getOne(params, key) ?? '')

/** A filter menu of /models whose whole list the server HTML shows to readers without JavaScript. */
export type FacetPick = 'vendor' | 'provider'

/**
 * `pick=vendor` / `pick=provider`: the menu a reader without JavaScript asked to see open on every
 * choice (the link in its short form, components/models-table/no-script-facet.tsx). Not part of
 * the view: the filter form does not send it back.
 */
export function parseFacetPick(params: ParamsInput): FacetPick | undefined {
  const pick = getOne(params, 'pick')
  return pick === 'vendor' || pick === 'provider' ? pick : undefined
}

/** The index state a URL asks for. Never throws. */
export function parseIndexState(params: ParamsInput): IndexState {
  const q = (raw(params, 'q')[0] ?? '').slice(0, 200)

  const sortRaw = getOne(params, 'sort')
  const sortId = sortRaw?.replace(/^-/, '')
  const sort = sortId && isColumnId(sortId) ? { id: sortId, desc: sortRaw!.startsWith('-') } : undefined

  const ids = (key: string) => {
    const r = idList.safeParse(getAll(params, key))
    return r.success ? [...new Set(r.data)] : []
  }
  const filters: IndexFilters = {
    vendors: ids('vendor'),
    providers: ids('provider'),
    inputModalities: oneOf<Modality>(MODALITIES).parse(getAll(params, 'in')),
    outputModalities: oneOf<Modality>(MODALITIES).parse(getAll(params, 'out')),
    capabilities: oneOf<Capability>(CAPABILITY_KEYS).parse(getAll(params, 'cap')),
    minContext: amount.parse(getOne(params, 'ctx')),
    maxInput: amount.parse(getOne(params, 'maxin')),
    maxOutput: amount.parse(getOne(params, 'maxout')),
    free: flag(params, 'free'),
    openWeights: flag(params, 'open'),
    hideDeprecated: getAll(params, 'hide').includes('deprecated'),
    changedWithin: days(getOne(params, 'changed')),
  }
  for (const k of ['minContext', 'maxInput', 'maxOutput', 'changedWithin'] as const)
    if (filters[k] === undefined) delete filters[k]

  const cols = oneOf<ColumnId>(COLUMN_IDS).parse(getAll(params, 'cols'))
  // The name column is always shown; a list equal to the default is the default.
  const columns = cols.length > 0 ? (cols.includes('name') ? cols : (['name', ...cols] as ColumnId[])) : undefined
  const state: IndexState = { q, filters }
  if (sort) state.sort = sort
  if (columns && !sameList(columns, DEFAULT_VISIBLE)) state.columns = COLUMN_IDS.filter((c) => columns.includes(c))
  const selected = [...new Set(getAll(params, 'sel').filter((id) => MODEL_ID.test(id)))].slice(0, MAX_MODELS)
  if (selected.length > 0) state.selected = selected
  const page = getOne(params, 'page')
  if (page && /^\d{1,5}$/.test(page) && Number(page) > 1) state.page = Number(page)
  return state
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x))

/** Characters left readable in the query string (commas and slashes are legal there). */
const encode = (s: string) => encodeURIComponent(s).replace(/%2C/gi, ',').replace(/%2F/gi, '/').replace(/%20/g, '+')

/** A number as the URL writes it: no exponent, no float noise. */
const num = (n: number) => String(Number(n.toPrecision(12)))

/** The query string (without `?`) for a state; empty for the default view. Keys in a fixed order. */
export function serializeIndexState(state: IndexState): string {
  const f = state.filters
  const parts: [string, string][] = []
  if (state.q.trim()) parts.push(['q', state.q])
  if (state.sort) parts.push(['sort', `${state.sort.desc ? '-' : ''}${state.sort.id}`])
  if (f.vendors.length) parts.push(['vendor', f.vendors.join(',')])
  if (f.providers.length) parts.push(['provider', f.providers.join(',')])
  if (f.inputModalities.length) parts.push(['in', f.inputModalities.join(',')])
  if (f.outputModalities.length) parts.push(['out', f.outputModalities.join(',')])
  if (f.capabilities.length) parts.push(['cap', f.capabilities.join(',')])
  if (f.minContext !== undefined) parts.push(['ctx', num(f.minContext)])
  if (f.maxInput !== undefined) parts.push(['maxin', num(f.maxInput)])
  if (f.maxOutput !== undefined) parts.push(['maxout', num(f.maxOutput)])
  if (f.free) parts.push(['free', '1'])
  if (f.openWeights) parts.push(['open', '1'])
  if (f.hideDeprecated) parts.push(['hide', 'deprecated'])
  if (f.changedWithin !== undefined) parts.push(['changed', String(f.changedWithin)])
  if (state.columns && !sameList(state.columns, DEFAULT_VISIBLE)) parts.push(['cols', state.columns.join(',')])
  if (state.selected?.length) parts.push(['sel', state.selected.join(',')])
  if (state.page && state.page > 1) parts.push(['page', String(state.page)])
  return parts.map(([k, v]) => `${k}=${encode(v)}`).join('&')
}

/** The columns a state shows. */
export const visibleColumns = (state: IndexState): ColumnId[] => state.columns ?? DEFAULT_VISIBLE
