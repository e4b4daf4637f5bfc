import { processStore, proxyDeps } from '@/lib/proxy/deps'
import { serveUsage } from '@/lib/proxy/usage-api'
import { toResponse } from '@/lib/proxy/web'

export const dynamic = 'force-dynamic'

export async function GET(request: Request) {
  return toResponse(await serveUsage(request, proxyDeps(), processStore(), new URL(request.url).searchParams))
}
