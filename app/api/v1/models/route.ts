import { getModels } from '@/lib/catalog'
import { toOpenRouterModel } from '@/lib/catalog/openrouter'

// Built once at build time from the catalog.
export const dynamic = 'force-static'

export function GET() {
  return Response.json({ data: getModels().map(toOpenRouterModel) })
}
