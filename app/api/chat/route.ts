import { proxyDeps } from '@/lib/proxy/deps'
import { methodNotAllowed } from '@/lib/proxy/errors'
import { handleChat, toResponse } from '@/lib/proxy/web'

export const dynamic = 'force-dynamic'

export function POST(request: Request) {
  return handleChat(request, proxyDeps())
}

// Other methods get an OpenAI-shaped 405 with `Allow: POST`, as from the production server.
const notAllowed = () => toResponse(methodNotAllowed())

export { notAllowed as DELETE, notAllowed as GET, notAllowed as PATCH, notAllowed as PUT }
