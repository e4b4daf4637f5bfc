/**
 * The store's worker, made to die on demand for tests: an `endpointSeries` request ends the
 * thread (as a crash would) before the real worker can answer it.
 */
import { parentPort } from 'node:worker_threads'

import '../store-worker'

parentPort?.on('message', (req: { method?: string }) => {
  if (req.method === 'endpointSeries') process.exit(3)
})
