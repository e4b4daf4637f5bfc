/** The proxy's dependencies for this server process, built once (no per-request catalog work). */
import 'server-only'

import { getModels, getProviders, getRouters } from '@/lib/catalog'
import { parseEnv } from '@/lib/env'

import type { ProxyDeps } from './handler'
import { batchedLog } from './log'
import { MemoryRateLimiter } from './rate-limit'
import { buildRoutingTable } from './routing'

let deps: ProxyDeps | undefined

/** The call log on stdout, one JSON line per call, written a batch per event-loop turn. */
export const callLog = batchedLog((text) => void process.stdout.write(text))

/**
 * Next wraps the global fetch for its data cache and tracing. Upstream chat calls are never
 * cached, so the proxy calls the original fetch and skips that work on every request. Falls
 * back to the global fetch if Next stops exposing it (`_nextOriginalFetch`, Next 13–16).
 */
function upstreamFetch(): typeof fetch {
  const patched = globalThis.fetch as typeof fetch & { _nextOriginalFetch?: typeof fetch }
  return patched._nextOriginalFetch ?? patched
}

export function proxyDeps(): ProxyDeps {
  if (deps) return deps
  const env = parseEnv(process.env)
  deps = {
    env,
    table: buildRoutingTable(getModels(), getProviders(), getRouters()),
    limiter: new MemoryRateLimiter(env.CHAT_PROXY_RATE_LIMIT),
    fetch: upstreamFetch(),
    log: callLog,
  }
  return deps
}
