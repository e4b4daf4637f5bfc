// The same handler as /api/chat, so OpenAI SDKs work with baseURL = <site>/api/v1.
// (Route segment config cannot be re-exported; it is declared again here.)
export { DELETE, GET, PATCH, POST, PUT } from '@/app/api/chat/route'

export const dynamic = 'force-dynamic'
