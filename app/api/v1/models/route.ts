import { getModels, getRouters } from '@/lib/catalog'
import { toOpenRouterModel, toOpenRouterRouterModel } from '@/lib/catalog/openrouter'

// Built once at build time from the catalog: models, then routers (called by name like a model).
export const dynamic = 'force-static'

export function GET() {
  const models = getModels()
  const byId = new Map(models.map((m) => [m.id, m]))
  return Response.json({
    data: [...models.map(toOpenRouterModel), ...getRouters().map((r) => toOpenRouterRouterModel(r, byId))],
  })
}
