// The same handler as /api/chat, so OpenAI SDKs work with baseURL = <site>/api/v1.
export { dynamic, POST } from '@/app/api/chat/route'
