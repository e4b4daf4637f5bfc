/**
 * Worker thread entry: the store's database work runs here, off the server's event loop.
 * PGlite (WASM Postgres) runs each statement synchronously, so in the server's thread a batch
 * insert would block every request for its whole duration; with a PostgreSQL server, validating
 * a batch, building its statement and writing it to the socket still cost the server's thread
 * ~50 µs per call. Here they only occupy this thread. Messages: see worker-protocol.ts.
 */
import { parentPort, workerData } from 'node:worker_threads'

import type { StoreBackend } from './db'
import { openPglite, openPostgres } from './db'
import type { WorkerData, WorkerReply, WorkerRequest } from './worker-protocol'
import { serializeError } from './worker-protocol'

const port = parentPort
if (!port) throw new Error('store-worker.ts runs as a worker thread (see worker-backend.ts).')

const { target } = workerData as WorkerData
let backend: StoreBackend | undefined

try {
  backend = target.mode === 'postgres' ? await openPostgres(target.url) : await openPglite(target.dataDir ?? undefined)
  port.postMessage({ type: 'ready' } satisfies WorkerReply)
} catch (e) {
  port.postMessage({ type: 'failed', error: serializeError(e) } satisfies WorkerReply)
  port.close()
}

/** Parts of the next insert (see WorkerRequest). */
let staged: unknown[] = []

port.on('message', async (req: WorkerRequest) => {
  const b = backend
  if (!b) return
  if (req.method === 'stage') {
    staged.push(...req.calls)
    return
  }
  try {
    let args = req.args
    if (req.method === 'insert') {
      const parts = staged
      staged = []
      // Parts lost (e.g. sent to a worker that died): fail the batch so the queue retries it whole.
      if (parts.length !== (req.staged ?? 0))
        throw new Error(`usage store worker: ${req.staged ?? 0} staged calls expected, ${parts.length} received`)
      args = [[...parts, ...(req.args[0] as unknown[])]]
    }
    // biome-ignore lint/suspicious/noExplicitAny: the method and its arguments come from worker-backend.ts, typed there.
    const value = await (b[req.method] as (...args: any[]) => Promise<unknown>)(...args)
    port.postMessage({ type: 'result', id: req.id, ok: true, value } satisfies WorkerReply)
    if (req.method === 'close') {
      backend = undefined
      port.close()
    }
  } catch (e) {
    port.postMessage({ type: 'result', id: req.id, ok: false, error: serializeError(e) } satisfies WorkerReply)
  }
})
