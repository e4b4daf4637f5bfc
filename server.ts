/**
 * `npm start`: the production server. Serves the built site on `$PORT` (default 3000) like
 * `next start`, with one difference: the chat proxy's two routes are answered by the proxy
 * handler straight from `node:http`, and everything else goes to Next's request handler. Next's
 * own routes for them (`app/api/chat`, `app/api/v1/chat/completions`) call the same handler and
 * serve `next dev`. `npm run build` bundles this file to `dist/server.mjs`
 * (scripts/build-server.ts).
 *
 * Shutdown (SIGTERM or SIGINT): no new connections; calls in flight get
 * CHAT_PROXY_SHUTDOWN_GRACE_MS to finish; then each one still running is ended with an in-band
 * `server_shutting_down` error (a 503 if its answer has not started) and logged, the usage store
 * writes what it holds, and the process
 * exits: 0 when every call finished, 1 when some had to be ended. A second signal exits at once.
 *
 * Flags: `-p/--port N`, `-H/--hostname HOST` (default: every interface, like `next start`).
 */
import { readFileSync } from 'node:fs'
import type { ServerResponse } from 'node:http'
import { createServer } from 'node:http'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { constants } from 'node:zlib'

import compression from 'compression'

import { callLog, closing, proxyDeps, setKeyLimiter } from '@/lib/proxy/deps'
import type { ProxyResult } from '@/lib/proxy/errors'
import { errorResult, methodNotAllowed } from '@/lib/proxy/errors'
import { shuttingDown } from '@/lib/proxy/forward'
import { chatListener, writeResult } from '@/lib/proxy/node-adapter'
import { bodyEncoder, CompressedBodies, FAST_BROTLI_QUALITY } from '@/lib/server/compress'
import { applyCachePolicy, cachePolicy } from '@/lib/server/http-cache'
import { describeRedisUrl, redisLimits } from '@/lib/server/redis-limits'
import { requestPath } from '@/lib/server/request-path'
import { routeHeaders } from '@/lib/server/route-headers'
import { serveStaticAsset } from '@/lib/server/static-assets'
import { openProcessStore } from '@/lib/server/store'

/** Paths the proxy answers itself. */
const CHAT_PATHS = new Set(['/api/chat', '/api/v1/chat/completions'])
/** Time the last calls get to write their final error event before their sockets are closed. */
const FINAL_WRITE_MS = 1_000
/** Longest wait for the usage store to write its last records on shutdown. */
const STORE_CLOSE_MS = 5_000

async function main() {
  const { values } = parseArgs({
    options: { port: { type: 'string', short: 'p' }, hostname: { type: 'string', short: 'H' } },
  })
  const port = Number(values.port ?? process.env.PORT ?? 3000)
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`Invalid port "${values.port ?? process.env.PORT}": give a number from 0 to 65535.`)
  const hostname = values.hostname

  // Set before Next loads: it picks React's production build from NODE_ENV.
  ;(process.env as Record<string, string>).NODE_ENV ??= 'production'
  const { default: next } = await import('next')
  const app = next({ dev: false, dir: process.cwd(), hostname: hostname ?? 'localhost', port })
  const handleNext = app.getRequestHandler()
  await app.prepare()

  // Built now rather than on the first call: a broken catalog or environment stops the start.
  const deps = proxyDeps()
  const { env } = deps
  // The usage store opens (and migrates) before the first call; a database that cannot be opened stops the start.
  const store = await openProcessStore(process.env)
  // Caller keys from the store (npm run keys), reloaded every second from now on.
  await deps.keys?.start()
  // REDIS_URL: per-key limits shared by every instance (Redis down: counted here, never a failed call).
  const redis = env.REDIS_URL ? redisLimits(env.REDIS_URL) : undefined
  if (redis && env.REDIS_URL) {
    setKeyLimiter(redis.limiter)
    // At most 2 s: an unreachable Redis does not stop the start (limits count here until it answers).
    const shared = await redis.ready(2_000)
    console.log(
      `ModelAtlas: rate limits ${shared ? 'shared in' : 'counted in this process until it answers:'} Redis at ${describeRedisUrl(env.REDIS_URL)}`,
    )
  }
  // The headers next.config.mjs gives every response (CSP, nosniff, ...), as the build wrote them.
  const manifest: unknown = JSON.parse(readFileSync(join(process.cwd(), '.next', 'routes-manifest.json'), 'utf8'))
  const headersFor = new Map([...CHAT_PATHS].map((path) => [path, routeHeaders(manifest, path)]))
  const chat = new Map([...CHAT_PATHS].map((path) => [path, chatListener(() => deps, headersFor.get(path))]))
  // Compression (next.config.mjs turns Next's own off): whole bodies (prerendered pages, the
  // catalog's JSON, built scripts and styles) compressed once and kept, brotli at its best for
  // what is asked for again; streamed pages and the rest compressed as they stream.
  const bodies = new CompressedBodies()
  const encodeBody = bodyEncoder(bodies)
  const distDir = join(process.cwd(), '.next')
  const assetHeaders = routeHeaders(manifest, '/_next/static/x.js')
  const compressStream = compression({ brotli: { params: { [constants.BROTLI_PARAM_QUALITY]: FAST_BROTLI_QUALITY } } })

  let stopping = false
  /** Chat calls whose answer is not finished yet. */
  const inFlight = new Set<ServerResponse>()
  const answer = (res: ServerResponse, result: ProxyResult, headers: Record<string, string>) =>
    void writeResult(result, res, stopping ? { ...headers, connection: 'close' } : headers)

  const server = createServer((req, res) => {
    const path = requestPath(req.url)
    if (stopping) res.setHeader('connection', 'close')
    const handleChat = chat.get(path)
    if (handleChat) {
      const headers = headersFor.get(path)!
      if (req.method !== 'POST') return answer(res, methodNotAllowed(), headers)
      if (stopping) {
        callLog({ time: new Date().toISOString(), status: 503, error: 'server_shutting_down', totalMs: 0 })
        return answer(res, errorResult(shuttingDown()), headers)
      }
      inFlight.add(res)
      res.once('close', () => inFlight.delete(res))
      return handleChat(req, res)
    }
    if (path.startsWith('/_next/static/'))
      return void serveStaticAsset(req, res, path, { distDir, bodies, headers: assetHeaders }).then(
        (served) => {
          if (!served) void handleNext(req, res)
        },
        () => void handleNext(req, res),
      )
    // Cache headers a CDN can use: pages and the catalog's JSON shared, per-key answers private.
    const query = req.url?.includes('?') ? req.url.slice(req.url.indexOf('?')) : ''
    const policy = req.method === 'GET' || req.method === 'HEAD' ? cachePolicy(path, query) : undefined
    // A held body (tagged for a 304) is compressed whole, and kept; anything else as it streams.
    if (policy?.etag) {
      applyCachePolicy(req, res, policy, encodeBody)
      return void handleNext(req, res)
    }
    if (policy) applyCachePolicy(req, res, policy)
    // Next answers the other API routes, and unknown ones with JSON (app/api/[...path]).
    compressStream(req as Parameters<typeof compressStream>[0], res as Parameters<typeof compressStream>[1], () => {
      void handleNext(req, res)
    })
  })
  // A caller that sends its request slowly is cut off: the chat handler answers 408 after
  // CHAT_PROXY_BODY_TIMEOUT_MS; this is the backstop for every route (Node's default is 5 min).
  server.requestTimeout = env.CHAT_PROXY_BODY_TIMEOUT_MS + 5_000
  server.headersTimeout = Math.min(60_000, server.requestTimeout)
  server.listen(port, hostname, () => {
    const address = server.address()
    const shown =
      typeof address === 'object' && address ? `http://${hostname ?? 'localhost'}:${address.port}` : String(address)
    console.log(`ModelAtlas ready on ${shown}`)
  })

  let cut = 0
  let exiting = false
  const exit = () => {
    if (exiting) return
    exiting = true
    callLog.flush()
    // The last calls' records are written before the process goes (bounded: a broken store must not hold it).
    const done = () => process.exit(cut > 0 ? 1 : 0)
    setTimeout(done, STORE_CLOSE_MS).unref()
    deps.keys?.stop()
    void redis?.close()
    store.close().then(done, done)
  }
  const stop = (signal: string) => {
    // A second signal means now.
    if (stopping) process.exit(1)
    stopping = true
    const grace = env.CHAT_PROXY_SHUTDOWN_GRACE_MS
    console.error(`ModelAtlas: ${signal}: ${inFlight.size} call(s) in flight get ${grace} ms to finish`)
    server.close(exit)
    // Keep-alive connections go as soon as they are idle.
    server.closeIdleConnections()
    setInterval(() => server.closeIdleConnections(), 100).unref()
    setTimeout(() => {
      cut = inFlight.size
      if (cut > 0) console.error(`ModelAtlas: ending ${cut} call(s) still running (server_shutting_down)`)
      closing.abort(new Error('server shutting down'))
      setTimeout(() => {
        server.closeAllConnections()
        exit()
      }, FINAL_WRITE_MS)
    }, grace)
  }
  process.on('SIGTERM', () => stop('SIGTERM'))
  process.on('SIGINT', () => stop('SIGINT'))
  // Log lines of the last turn are still pending when the process exits.
  process.on('exit', () => callLog.flush())
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e)
  process.exit(1)
})
