/**
 * `npm start`: the production server. Serves the built site on `$PORT` (default 3000) like
 * `next start`, with one difference: the chat proxy's two routes are answered by the proxy
 * handler straight from `node:http`, and everything else goes to Next's request handler. Next's
 * own routes for them (`app/api/chat`, `app/api/v1/chat/completions`) call the same handler and
 * serve `next dev`. `npm run build` bundles this file to `dist/server.mjs`
 * (scripts/build-server.ts).
 *
 * Flags: `-p/--port N`, `-H/--hostname HOST` (default: every interface, like `next start`).
 */
import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { join } from 'node:path'
import { parseArgs } from 'node:util'

import { callLog, proxyDeps } from '@/lib/proxy/deps'
import { chatListener } from '@/lib/proxy/node-adapter'
import { routeHeaders } from '@/lib/server/route-headers'

/** Paths the proxy answers itself (POST only; other methods get Next's 405). */
const CHAT_PATHS = new Set(['/api/chat', '/api/v1/chat/completions'])

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
  // The headers next.config.mjs gives every response (CSP, nosniff, ...), as the build wrote them.
  const manifest: unknown = JSON.parse(readFileSync(join(process.cwd(), '.next', 'routes-manifest.json'), 'utf8'))
  const chat = new Map([...CHAT_PATHS].map((path) => [path, chatListener(() => deps, routeHeaders(manifest, path))]))

  const server = createServer((req, res) => {
    const url = req.url ?? '/'
    const q = url.indexOf('?')
    const handleChat = req.method === 'POST' ? chat.get(q === -1 ? url : url.slice(0, q)) : undefined
    if (handleChat) return handleChat(req, res)
    void handleNext(req, res)
  })
  server.listen(port, hostname, () => {
    const address = server.address()
    const shown =
      typeof address === 'object' && address ? `http://${hostname ?? 'localhost'}:${address.port}` : String(address)
    console.log(`ModelAtlas ready on ${shown}`)
  })

  let stopping = false
  const stop = () => {
    // A second signal means now.
    if (stopping) process.exit(1)
    stopping = true
    server.close(() => process.exit(0))
    server.closeIdleConnections()
    // Streams in flight get a moment to finish, then the process goes.
    setTimeout(() => process.exit(0), 5_000).unref()
  }
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
  // Log lines of the last turn are still pending when the process exits.
  process.on('exit', () => callLog.flush())
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e)
  process.exit(1)
})
