/**
 * The proxy as a web handler, for Next's route handlers (`next dev`, and `next start` without
 * the custom server): a web `Request` in, a web `Response` out. The production server writes
 * `ProxyResult`s to `node:http` itself (node-adapter.ts) and never builds these.
 */
import type { ProxyError, ProxyResult } from './errors'
import { errorResult } from './errors'
import type { ProxyDeps, ProxyRequest } from './handler'
import { serveChat } from './handler'

/** A web `ReadableStream` over an async iterable of chunks; cancelling it stops the iterable. */
export function iterableStream(chunks: AsyncIterable<Uint8Array>): ReadableStream<Uint8Array> {
  const it = chunks[Symbol.asyncIterator]()
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await it.next()
      if (done) controller.close()
      else controller.enqueue(value)
    },
    async cancel() {
      await it.return?.()
    },
  })
}

export const toResponse = (r: ProxyResult): Response =>
  new Response(r.body === null || typeof r.body === 'string' ? r.body : iterableStream(r.body), {
    status: r.status,
    headers: r.headers,
  })

export function errorResponse(err: ProxyError, headers: Record<string, string> = {}): Response {
  return toResponse(errorResult(err, headers))
}

/** The chat proxy as a web handler: a `Request` (or its `ProxyRequest` view) in, a `Response` out. */
export async function handleChat(request: ProxyRequest, deps: ProxyDeps): Promise<Response> {
  return toResponse(await serveChat(request, deps))
}
