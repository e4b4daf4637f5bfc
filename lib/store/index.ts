/**
 * The usage store: what the proxy remembers about each call (never its text or keys), and the
 * figures computed from it. Open one per server process with `openUsageStore(parseStoreConfig(env))`,
 * `record()` every call, `close()` on shutdown, and `startPruning()` for retention.
 */

import type { StoreConfig } from './config'
import { openPglite, openPostgres } from './db'
import type { QueueOptions, UsageStore } from './usage-store'
import { createUsageStore, offStore } from './usage-store'
import type { WorkerOptions } from './worker-backend'
import { openWorkerBackend } from './worker-backend'

export { describeStoreConfig, parseStoreConfig, type StoreConfig } from './config'
export type { KeySpend, KeyState, KeyStateQuery, StoredKey } from './keys'
export { startPruning } from './prune'
export type * from './types'
export {
  consoleLogger,
  createUsageStore,
  offStore,
  type QueueOptions,
  type StoreCounters,
  type StoreLogger,
  type StoreMode,
  type UsageStore,
} from './usage-store'

export interface OpenOptions extends QueueOptions {
  /**
   * Run the database work in the server's own thread instead of a worker thread (default false).
   * There, a batch of 500 calls blocks the event loop for tens of milliseconds with PGlite and
   * costs ~50 µs of the thread per call with PostgreSQL (README, `npm run bench:store`): for
   * benchmarks and tests.
   */
  inThread?: boolean
  worker?: WorkerOptions
}

/** Opens the configured store and applies its migrations. Rejects when the database cannot be opened. */
export async function openUsageStore(config: StoreConfig, options: OpenOptions = {}): Promise<UsageStore> {
  if (config.mode === 'off') return offStore()
  const backend =
    config.mode === 'postgres'
      ? options.inThread
        ? await openPostgres(config.url)
        : await openWorkerBackend({ mode: 'postgres', url: config.url }, options.worker)
      : options.inThread
        ? await openPglite(config.dataDir)
        : await openWorkerBackend({ mode: 'pglite', dataDir: config.dataDir }, options.worker)
  return createUsageStore(backend, config.mode, options)
}
