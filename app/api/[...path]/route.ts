// Any /api path that is no endpoint: an OpenAI-shaped JSON 404 for every method, not the site's HTML page.
import { apiNotFound } from '@/lib/proxy/errors'
import { toResponse } from '@/lib/proxy/web'

export const dynamic = 'force-dynamic'

const notFound = () => toResponse(apiNotFound())

export { notFound as DELETE, notFound as GET, notFound as HEAD, notFound as PATCH, notFound as POST, notFound as PUT }
