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
import { openPgliteWorker } from './worker-backend'

export { describeStoreConfig, parseStoreConfig, type StoreConfig } from './config'
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
   * Run PGlite in a worker thread (default true). In the server's thread a batch insert blocks
   * the event loop for milliseconds (see the README's figures); false is for benchmarks.
   */
  pgliteWorker?: boolean
  worker?: WorkerOptions
}

/** Opens the configured store and applies its migrations. Rejects when the database cannot be opened. */
export async function openUsageStore(config: StoreConfig, options: OpenOptions = {}): Promise<UsageStore> {
  if (config.mode === 'off') return offStore()
  if (config.mode === 'postgres') return createUsageStore(await openPostgres(config.url), 'postgres', options)
  const backend =
    options.pgliteWorker === false
      ? await openPglite(config.dataDir)
      : await openPgliteWorker(config.dataDir, options.worker)
  return createUsageStore(backend, 'pglite', options)
}
