import { getAliasTarget, getModel } from '@/lib/catalog'
import { toOpenRouterEndpoints } from '@/lib/catalog/openrouter'
import { processStore } from '@/lib/proxy/deps'
import { ProxyError } from '@/lib/proxy/errors'
import { withMeasurements } from '@/lib/proxy/measurements'
import { errorResponse } from '@/lib/proxy/web'

export const dynamic = 'force-dynamic'

export async function GET(_request: Request, { params }: { params: Promise<{ vendor: string; model: string }> }) {
  const { vendor, model } = await params
  // A merged snapshot's old id answers with its model's endpoints (the body names the model's own id).
  const found = getModel(`${vendor}/${model}`) ?? getAliasTarget(`${vendor}/${model}`)
  if (!found)
    return errorResponse(
      new ProxyError(
        404,
        `Model '${vendor}/${model}' is not in the catalog.`,
        'invalid_request_error',
        'model_not_found',
        'model',
      ),
    )
  // What this site measured, when `npm start`'s usage store is open (null figures otherwise).
  const store = processStore()
  const stats = store && store.mode !== 'off' ? await store.endpointStats({ model: found.id }).catch(() => []) : []
  return Response.json(withMeasurements(toOpenRouterEndpoints(found), stats))
}
