/**
 * The /changes page, its Atom feed and `GET /api/v1/changes`: the filters a reader can set in
 * the URL (zod-parsed), one page of the catalog-wide change list, and a line of text per change.
 * Pure: the list comes from price-history.ts `catalogChanges`.
 */
import { z } from 'zod'

import { formatPrice } from '@/lib/pricing/format'

import type { CatalogChange, CatalogChangeKind } from './price-history'

export const CHANGE_KINDS = {
  'price-cut': 'Price cuts',
  'price-rise': 'Price rises',
  'price-change': 'Other price changes',
  'new-model': 'New models',
  'new-endpoint': 'New providers',
  deprecation: 'Deprecations',
  retirement: 'Retirements',
} as const satisfies Record<CatalogChangeKind, string>

/** Changes per page on /changes. */
export const CHANGES_PER_PAGE = 100

const one = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (Array.isArray(v) ? v[0] : v) || undefined)

/** The URL's filters: `vendor`, `provider`, `kind`, `page` (1-based). Unknown values are dropped, not errors. */
export const changesQuerySchema = z.object({
  /** One model's changes (`<vendor>/<model>`): its page links this feed. */
  model: one,
  vendor: one,
  provider: one,
  kind: one.transform((k) => (k && k in CHANGE_KINDS ? (k as CatalogChangeKind) : undefined)),
  page: one.transform((p) => Math.max(1, Number.parseInt(p ?? '1', 10) || 1)),
})
export type ChangesQuery = z.infer<typeof changesQuerySchema>

export function parseChangesQuery(params: Record<string, string | string[] | undefined>): ChangesQuery {
  return changesQuerySchema.parse(params)
}

/** The changes that pass the filters, newest first, and the page asked for. */
export function filterChanges(all: CatalogChange[], q: ChangesQuery) {
  const matching = all.filter(
    (c) =>
      (!q.model || c.model === q.model) &&
      (!q.vendor || c.vendor === q.vendor) &&
      (!q.provider || c.provider === q.provider) &&
      (!q.kind || c.kind === q.kind),
  )
  const pages = Math.max(1, Math.ceil(matching.length / CHANGES_PER_PAGE))
  const page = Math.min(q.page, pages)
  return {
    total: matching.length,
    page,
    pages,
    items: matching.slice((page - 1) * CHANGES_PER_PAGE, page * CHANGES_PER_PAGE),
  }
}

const signed = (percent: number | undefined) =>
  percent === undefined ? 'from free' : `${percent > 0 ? '+' : percent < 0 ? '−' : '±'}${Math.abs(percent)} %`

/** One line saying what changed, in our words (titles of the feed's entries). */
export function changeTitle(c: CatalogChange, providerName: (id: string) => string): string {
  const at = c.provider ? providerName(c.provider) : ''
  switch (c.kind) {
    case 'price-cut':
    case 'price-rise':
      return `${c.modelName} at ${at}: ${c.kind === 'price-cut' ? 'price cut' : 'price rise'} ${signed(c.price?.percent)}`
    case 'price-change':
      return `${c.modelName} at ${at}: prices changed`
    case 'new-model':
      return `New model: ${c.modelName}`
    case 'new-endpoint':
      return `${c.modelName} is now offered by ${at}`
    case 'deprecation':
      return `${c.modelName} is deprecated`
    case 'retirement':
      return c.provider ? `${at} stopped offering ${c.modelName}` : `${c.modelName} is retired`
  }
}

/** The prices before and after, for a price change (USD per 1M tokens). */
export function changeDetail(c: CatalogChange): string | undefined {
  if (!c.price) return undefined
  const { from, to } = c.price
  return `Input ${formatPrice(from.input)} → ${formatPrice(to.input)}, output ${formatPrice(from.output)} → ${formatPrice(to.output)} per 1M tokens.`
}

/** A stable id for a change (feed entry ids, list keys). */
export const changeKey = (c: CatalogChange) => `${c.date}/${c.kind}/${c.model}${c.provider ? `@${c.provider}` : ''}`

/** The filters as a query string (`?vendor=…&kind=…`), empty when none is set; `page` left out. */
export function changesSearch(q: ChangesQuery): string {
  const p = new URLSearchParams()
  for (const k of ['model', 'vendor', 'provider', 'kind'] as const) if (q[k]) p.set(k, q[k])
  const s = p.toString()
  return s ? `?${s}` : ''
}
