import { proxyDeps } from '@/lib/proxy/deps'
import { serveKey } from '@/lib/proxy/key-api'
import { toResponse } from '@/lib/proxy/web'

export const dynamic = 'force-dynamic'

export async function GET(request: Request) {
  return toResponse(await serveKey(request, proxyDeps()))
}
