import { Feed } from 'feed'

import { getCatalogChanges, getModel, getProviders } from '@/lib/catalog'
import {
  changeDetail,
  changeKey,
  changesSearch,
  changeTitle,
  filterChanges,
  parseChangesQuery,
} from '@/lib/catalog/changes'
import { absoluteUrl, site } from '@/lib/site'

// The filters (`model`, `vendor`, `provider`, `kind`) come from the URL; the work is a filter over an in-memory list.
export const dynamic = 'force-dynamic'

/** The newest changes as an Atom feed: `/changes.xml`, or one model's with `?model=<vendor>/<model>`. */
export function GET(request: Request) {
  const query = parseChangesQuery(Object.fromEntries(new URL(request.url).searchParams))
  const { items } = filterChanges(getCatalogChanges(), { ...query, page: 1 })
  const names = new Map(getProviders().map((p) => [p.id, p.name]))
  const name = (id: string) => names.get(id) ?? id
  const search = changesSearch(query)
  const model = query.model ? getModel(query.model) : undefined
  const feed = new Feed({
    title: model ? `${site.name}: changes to ${model.name}` : `${site.name}: catalog changes`,
    description: 'Price cuts and rises, new models and providers, deprecations and retirements, newest first.',
    id: absoluteUrl(`/changes${search}`),
    link: absoluteUrl(`/changes${search}`),
    feedLinks: { atom: absoluteUrl(`/changes.xml${search}`) },
    copyright: `${site.name}`,
    // The newest change's day: the feed changes only when the catalog does.
    updated: new Date(`${items[0]?.date ?? '1970-01-01'}T00:00:00Z`),
  })
  for (const c of items) {
    feed.addItem({
      title: changeTitle(c, name),
      id: absoluteUrl(`/changes#${changeKey(c)}`),
      link: absoluteUrl(`/models/${c.model}`),
      date: new Date(`${c.date}T00:00:00Z`),
      description: changeDetail(c) ?? changeTitle(c, name),
    })
  }
  return new Response(feed.atom1(), { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } })
}
