import { getAliasTarget, getModel, getPriceHistory } from '@/lib/catalog'
import { toOpenRouterEndpointsOn, toOpenRouterEndpointsWithHistory } from '@/lib/catalog/openrouter'
import { isoDate } from '@/lib/catalog/schema'
import { processStore } from '@/lib/proxy/deps'
import { ProxyError } from '@/lib/proxy/errors'
import { withMeasurements } from '@/lib/proxy/measurements'
import { errorResponse } from '@/lib/proxy/web'

export const dynamic = 'force-dynamic'

export async function GET(request: Request, { params }: { params: Promise<{ vendor: string; model: string }> }) {
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
  const history = getPriceHistory(found.id)
  // `?at=YYYY-MM-DD`: the prices in force that day, from the endpoints' price histories.
  const at = new URL(request.url).searchParams.get('at')
  if (at !== null) {
    if (!isoDate.safeParse(at).success)
      return errorResponse(
        new ProxyError(
          400,
          `'at' must be a date YYYY-MM-DD, got '${at.slice(0, 40)}'.`,
          'invalid_request_error',
          'invalid_date',
          'at',
        ),
      )
    const past = toOpenRouterEndpointsOn(found, history, at)
    if (!past.body)
      return errorResponse(
        new ProxyError(
          404,
          `Model '${found.id}' has no recorded price on ${at}${past.earliest ? `: its price history begins on ${past.earliest}` : ': the catalog has no price history for it'}.`,
          'invalid_request_error',
          'price_not_found',
          'at',
        ),
      )
    return Response.json(past.body)
  }
  // What this site measured, when `npm start`'s usage store is open (null figures otherwise).
  const store = processStore()
  const stats = store && store.mode !== 'off' ? await store.endpointStats({ model: found.id }).catch(() => []) : []
  return Response.json(withMeasurements(toOpenRouterEndpointsWithHistory(found, history), stats))
}
