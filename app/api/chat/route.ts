import { handleChat } from '@/lib/proxy/handler'
import { proxyDeps } from '@/lib/proxy/deps'

export const dynamic = 'force-dynamic'

export function POST(request: Request) {
  return handleChat(request, proxyDeps())
}
