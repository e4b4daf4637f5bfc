/**
 * Opens the usage store for `npm start`'s server (migrations applied, retention pruning started)
 * and hands it to the proxy. Imported by server.ts only: the store's database code and its
 * worker thread are bundled by esbuild beside dist/server.mjs, never into Next's bundle.
 */
import { setProcessStore } from '@/lib/proxy/deps'
import type { UsageStore } from '@/lib/store'
import { openUsageStore, parseStoreConfig, startPruning } from '@/lib/store'

/** Rejects when the configured database cannot be opened (the server then does not start). */
export async function openProcessStore(env: Record<string, string | undefined>): Promise<UsageStore> {
  const config = parseStoreConfig(env)
  const store = await openUsageStore(config, config.mode === 'off' ? {} : { maxQueue: config.maxQueue })
  if (config.mode !== 'off') startPruning(store, { retentionDays: config.retentionDays })
  setProcessStore(store)
  return store
}
