/**
 * Worker thread entry: PGlite (and its migrations, and every query) runs here, off the server's
 * event loop. WASM Postgres runs a statement synchronously, so in the main thread a batch insert
 * would block every request for its whole duration; here it only occupies this thread.
 * Messages: see worker-protocol.ts.
 */
import { parentPort, workerData } from 'node:worker_threads'

import type { StoreBackend } from './db'
import { openPglite } from './db'
import type { WorkerData, WorkerReply, WorkerRequest } from './worker-protocol'
import { serializeError } from './worker-protocol'

const port = parentPort
if (!port) throw new Error('pglite-worker.ts runs as a worker thread (see worker-backend.ts).')

const { dataDir } = workerData as WorkerData
let backend: StoreBackend | undefined

try {
  backend = await openPglite(dataDir ?? undefined)
  port.postMessage({ type: 'ready' } satisfies WorkerReply)
} catch (e) {
  port.postMessage({ type: 'failed', error: serializeError(e) } satisfies WorkerReply)
  port.close()
}

port.on('message', async (req: WorkerRequest) => {
  const b = backend
  if (!b) return
  try {
    // biome-ignore lint/suspicious/noExplicitAny: the method and its arguments come from worker-backend.ts, typed there.
    const value = await (b[req.method] as (...args: any[]) => Promise<unknown>)(...req.args)
    port.postMessage({ type: 'result', id: req.id, ok: true, value } satisfies WorkerReply)
    if (req.method === 'close') {
      backend = undefined
      port.close()
    }
  } catch (e) {
    port.postMessage({ type: 'result', id: req.id, ok: false, error: serializeError(e) } satisfies WorkerReply)
  }
})
