/**
 * The proxy's state for this server process, built once (no per-request catalog work): routing
 * table, limiters, call log and the shutdown signal.
 *
 * Exactly one per process. `npm start` bundles this module into `dist/server.mjs`, and Next's
 * build bundles its own copy for the route handlers, so module-level state would exist twice (a
 * path Next normalises, like `/api/./chat`, once reached the second copy and its own rate
 * limiter). The state therefore lives on `globalThis` under a registered symbol that every copy
 * of this module finds.
 */
import 'server-only'

import { getModels, getProviders, getRouters } from '@/lib/catalog'
import { parseEnv } from '@/lib/env'
import type { UsageStore } from '@/lib/store'

import type { ProxyDeps } from './handler'
import { ProviderHealth } from './health'
import type { KeyLimiter } from './key-limits'
import { FlexibleKeyLimiter } from './key-limits'
import { KeyRegistry } from './keys'
import type { LineLog } from './log'
import { batchedLog } from './log'
import { MemoryRateLimiter } from './rate-limit'
import { buildRoutingTable } from './routing'
import { OneShotSignal } from './signal'

interface ProcessState {
  deps?: ProxyDeps
  /** The call log on stdout, one JSON line per call, written a batch per event-loop turn. */
  callLog: LineLog
  /** Aborted by the server when its shutdown grace period is over. */
  closing: OneShotSignal
  /** The usage store, once the server has opened it (lib/server/store.ts). */
  store?: UsageStore
}

const KEY = Symbol.for('modelatlas.proxy.state')
const holder = globalThis as { [KEY]?: ProcessState }
holder[KEY] ??= {
  callLog: batchedLog((text) => void process.stdout.write(text)),
  closing: new OneShotSignal(),
}
const state: ProcessState = holder[KEY]

export const callLog = state.callLog
export const closing = state.closing

export function proxyDeps(): ProxyDeps {
  if (state.deps) return state.deps
  const env = parseEnv(process.env)
  const deps: ProxyDeps = {
    env,
    table: buildRoutingTable(getModels(), getProviders(), getRouters()),
    // Replaced by the Redis-backed limiter when the server starts with REDIS_URL (lib/server/redis-limits.ts).
    limiter: new FlexibleKeyLimiter(),
    // Stored keys come from the usage store once the server has opened it and started the reloads.
    keys: new KeyRegistry(
      env.CHAT_PROXY_KEYS ?? [],
      { defaultRpm: env.CHAT_PROXY_RATE_LIMIT },
      {
        keyState: async (query) => (state.store ? state.store.keyState(query) : { keys: [], spend: [] }),
      },
    ),
    authFailures: new MemoryRateLimiter(env.CHAT_PROXY_AUTH_FAILURES_PER_MINUTE),
    closing: state.closing,
    health: new ProviderHealth(),
    // Calls before the store has opened (the server opens it before it listens) are not recorded.
    store: { record: (call) => state.store?.record(call) },
    log: state.callLog,
  }
  state.deps = deps
  return deps
}

/** Shares the per-key limits through Redis (REDIS_URL): set by the server before it listens. */
export function setKeyLimiter(limiter: KeyLimiter): void {
  proxyDeps().limiter = limiter
}

/**
 * The usage store of this process, once `npm start`'s server has opened it; undefined under
 * `next dev` and during the build. Kept here, with no import of the store's database code, so
 * the Next bundle reaches the same store without bundling it.
 */
export const processStore = (): UsageStore | undefined => state.store

/** Hands the opened store to the proxy and the API routes (lib/server/store.ts). */
export function setProcessStore(store: UsageStore): void {
  state.store = store
}
