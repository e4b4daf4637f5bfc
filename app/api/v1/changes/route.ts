import { getCatalogChanges } from '@/lib/catalog'
import { filterChanges, parseChangesQuery } from '@/lib/catalog/changes'

export const dynamic = 'force-dynamic'

/** `GET /api/v1/changes?vendor=&provider=&kind=&model=&page=`: the /changes list as JSON, 100 per page. */
export function GET(request: Request) {
  const query = parseChangesQuery(Object.fromEntries(new URL(request.url).searchParams))
  const { items, total, page, pages } = filterChanges(getCatalogChanges(), query)
  return Response.json({ data: items, total, page, pages })
}
