/**
 * The chat handler served straight from `node:http`, without a web-framework layer: the
 * production server (`server.ts`) sends the two chat routes here and everything else to Next.
 * Next's per-request machinery (web-stream wrapping of request and response, routing, async
 * context) cost about two thirds of the proxy's throughput under concurrent load; the handler is
 * the same one the Next route handlers call, so behaviour does not depend on the way in.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'

import type { ProxyResult } from './errors'
import type { CallerSignal, ProxyDeps, ProxyRequest } from './handler'
import { serveChat } from './handler'

/**
 * The caller's abort signal for a node request: what the handler uses of an `AbortSignal`,
 * without an AbortController and EventTarget per call.
 */
class CallerLeft implements CallerSignal {
  aborted = false
  reason: unknown = undefined
  private listeners = new Set<() => void>()
  addEventListener(_type: 'abort', listener: () => void) {
    this.listeners.add(listener)
  }
  removeEventListener(_type: 'abort', listener: () => void) {
    this.listeners.delete(listener)
  }
  abort(reason: unknown) {
    if (this.aborted) return
    this.aborted = true
    this.reason = reason
    for (const listener of this.listeners) listener()
    this.listeners.clear()
  }
}

/** The `ProxyRequest` view of a node request; its signal aborts when the caller goes away. */
export function proxyRequest(req: IncomingMessage, res: ServerResponse): ProxyRequest {
  const signal = new CallerLeft()
  // `close` also fires after a normal end; only an unfinished response means the caller left.
  res.once('close', () => {
    if (!res.writableFinished) signal.abort(new Error('The caller closed the connection.'))
  })
  return {
    headers: {
      get(name) {
        const value = req.headers[name.toLowerCase()]
        return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value
      },
    },
    body: req,
    signal,
  }
}

/** Writes a `ProxyResult` to a node response: a JSON body in one write, a stream chunk by chunk. */
export async function writeResult(
  result: ProxyResult,
  res: ServerResponse,
  extraHeaders: Record<string, string> = {},
): Promise<void> {
  const headers: Record<string, string | number> = { ...extraHeaders, ...result.headers }
  // The request body may be partly unread (413): close the connection rather than read on.
  if (result.status === 413) headers.connection = 'close'
  const { body } = result
  if (body === null || typeof body === 'string') {
    if (body !== null) headers['content-length'] = Buffer.byteLength(body)
    res.writeHead(result.status, headers).end(body ?? undefined)
    return
  }
  res.writeHead(result.status, headers)
  const chunks = body[Symbol.asyncIterator]()
  try {
    for (;;) {
      const { done, value } = await chunks.next()
      if (done) break
      if (res.destroyed) {
        await chunks.return?.()
        return
      }
      if (!res.write(value)) await drained(res)
    }
  } catch {
    // The body failed (the caller left mid-stream): nothing more can be sent.
    res.destroy()
    return
  }
  res.end()
}

const drained = (res: ServerResponse) =>
  new Promise<void>((resolve) => {
    const go = () => {
      res.off('drain', go)
      res.off('close', go)
      resolve()
    }
    res.on('drain', go)
    res.on('close', go)
  })

/** A `node:http` listener for the chat routes. `deps` is built once, on the first call. */
export function chatListener(deps: () => ProxyDeps, extraHeaders: Record<string, string> = {}) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const request = proxyRequest(req, res)
    serveChat(request, deps())
      .then((result) => writeResult(result, res, extraHeaders))
      .catch((e: unknown) => {
        // handleChat answers its own errors; this is a bug in writing the answer out.
        console.error('proxy: could not write the response', e instanceof Error ? e.message : e)
        if (!res.headersSent)
          res
            .writeHead(500, { 'content-type': 'application/json' })
            .end(
              '{"error":{"message":"Internal error in the proxy.","type":"api_error","param":null,"code":"internal_error"}}',
            )
        else res.destroy()
      })
  }
}
