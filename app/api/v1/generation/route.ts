import { openProcessStore, proxyDeps } from '@/lib/proxy/deps'
import { serveGeneration } from '@/lib/proxy/usage-api'
import { toResponse } from '@/lib/proxy/web'

export const dynamic = 'force-dynamic'

export async function GET(request: Request) {
  const store = await openProcessStore().catch(() => undefined)
  return toResponse(await serveGeneration(request, proxyDeps(), store, new URL(request.url).searchParams))
}
