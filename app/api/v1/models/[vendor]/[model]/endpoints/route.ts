import { getAliasTarget, getModel } from '@/lib/catalog'
import { toOpenRouterEndpoints } from '@/lib/catalog/openrouter'
import { ProxyError } from '@/lib/proxy/errors'
import { errorResponse } from '@/lib/proxy/web'

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
  return Response.json(toOpenRouterEndpoints(found))
}
