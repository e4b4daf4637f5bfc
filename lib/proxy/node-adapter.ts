/**
 * The chat handler served straight from `node:http`, without a web-framework layer: the
 * production server (`server.ts`) sends the two chat routes here and everything else to Next.
 * Next's per-request machinery (web-stream wrapping of request and response, routing, async
 * context) cost about two thirds of the proxy's throughput under concurrent load; the handler is
 * the same one the Next route handlers call, so behaviour does not depend on the way in.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'

import type { ProxyResult } from './errors'
import type { ProxyDeps, ProxyRequest } from './handler'
import { serveChat } from './handler'
import { OneShotSignal } from './signal'

/** The `ProxyRequest` view of a node request; its signal aborts when the caller goes away. */
export function proxyRequest(req: IncomingMessage, res: ServerResponse): ProxyRequest {
  const signal = new OneShotSignal()
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
    clientAddress: req.socket.remoteAddress,
  }
}

/** Writes a `ProxyResult` to a node response: a JSON body in one write, a stream chunk by chunk. */
export async function writeResult(
  result: ProxyResult,
  res: ServerResponse,
  extraHeaders: Record<string, string> = {},
): Promise<void> {
  const headers: Record<string, string | number> = { ...extraHeaders, ...result.headers }
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

/** Most bytes of an unread request body read and thrown away so the caller can read the answer. */
const DRAIN_MAX_BYTES = 16 * 1024 * 1024
/** Longest time spent doing so. */
const DRAIN_MAX_MS = 5_000

/**
 * Reads and discards what is left of a request body, up to a bound, and resolves whether all
 * of it arrived. An answer sent while the caller is still uploading (401, 413, ...) would
 * otherwise reach most clients as a connection error: the server closes the socket, the
 * client's next write fails (EPIPE), and it never reads the answer (the OpenAI SDK then retries
 * and uploads again). Drained, the connection can even be kept alive.
 */
export function drainRequest(
  req: IncomingMessage,
  { maxBytes = DRAIN_MAX_BYTES, maxMs = DRAIN_MAX_MS } = {},
): Promise<boolean> {
  if (req.complete) return Promise.resolve(true)
  const declared = Number(req.headers['content-length'] ?? Number.NaN)
  if (req.destroyed || declared > maxBytes) return Promise.resolve(false)
  return new Promise((resolve) => {
    let size = 0
    const finish = (ok: boolean) => {
      clearTimeout(timer)
      req.off('readable', onReadable)
      req.off('end', onEnd)
      req.off('close', onClose)
      req.off('error', onError)
      resolve(ok)
    }
    const onReadable = () => {
      for (let chunk = req.read() as Buffer | null; chunk !== null; chunk = req.read() as Buffer | null) {
        size += chunk.length
        if (size > maxBytes) return finish(false)
      }
    }
    const onEnd = () => finish(true)
    const onClose = () => finish(req.complete)
    const onError = () => finish(false)
    const timer = setTimeout(() => finish(false), maxMs)
    req.on('readable', onReadable)
    req.on('end', onEnd)
    req.on('close', onClose)
    req.on('error', onError)
    onReadable()
  })
}

/** A `node:http` listener for the chat routes. `deps` is built once, on the first call. */
export function chatListener(deps: () => ProxyDeps, extraHeaders: Record<string, string> = {}) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const request = proxyRequest(req, res)
    serveChat(request, deps())
      .then(async (result) => {
        if (result.status === 499) return void res.destroy()
        // A caller too slow to send its body (408) is not waited for again.
        const drained = result.status !== 408 && (await drainRequest(req))
        await writeResult(result, res, drained ? extraHeaders : { ...extraHeaders, connection: 'close' })
      })
      .catch((e: unknown) => {
        // serveChat answers its own errors; this is a bug in writing the answer out.
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
