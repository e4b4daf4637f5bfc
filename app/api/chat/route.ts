import { proxyDeps } from '@/lib/proxy/deps'
import { handleChat } from '@/lib/proxy/handler'

export const dynamic = 'force-dynamic'

export function POST(request: Request) {
  return handleChat(request, proxyDeps())
}
