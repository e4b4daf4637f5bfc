/** The proxy's dependencies for this server process, built once (no per-request catalog work). */
import 'server-only'

import { getModels, getProviders, getRouters } from '@/lib/catalog'
import { parseEnv } from '@/lib/env'

import type { ProxyDeps } from './handler'
import { MemoryRateLimiter } from './rate-limit'
import { buildRoutingTable } from './routing'

let deps: ProxyDeps | undefined

export function proxyDeps(): ProxyDeps {
  if (deps) return deps
  const env = parseEnv(process.env)
  deps = {
    env,
    table: buildRoutingTable(getModels(), getProviders(), getRouters()),
    limiter: new MemoryRateLimiter(env.CHAT_PROXY_RATE_LIMIT),
  }
  return deps
}
