import { getRouters } from '@/lib/catalog'
import { toRouterEntry } from '@/lib/catalog/openrouter'

export const dynamic = 'force-static'

export function GET() {
  return Response.json({ data: getRouters().map(toRouterEntry) })
}
