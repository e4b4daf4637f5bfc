/**
 * The store's database in a worker thread, behind the `StoreBackend` interface: PGlite, or the
 * client of a PostgreSQL server. The server's thread only copies batches into messages
 * (structured clone, in parts); opening (initdb), migrations, validation, inserts and queries run
 * in the worker. A worker that dies is started again on the next call (the queue retries its batch).
 */
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'

import type { StoreBackend } from './db'
import { errorText } from './errors'
import type { BackendMethod, WorkerData, WorkerReply, WorkerRequest, WorkerTarget } from './worker-protocol'
import { deserializeError } from './worker-protocol'

export interface WorkerOptions {
  /**
   * The worker's entry module. Default: `store-worker.mjs` beside this module when a build put it
   * there (a bundle), else `store-worker.ts` from the source tree, loaded through tsx.
   */
  entry?: URL
  /** Milliseconds to wait for PGlite to open (initdb on a first start takes seconds). Default 120,000. */
  startTimeoutMs?: number
}

/**
 * A `.ts` entry runs through tsx's loader, registered inside the worker before the entry is
 * imported: Node 20 ignores `--import` in a worker's execArgv for the worker's own entry.
 */
function tsxBootstrap(entry: URL): string {
  const require = createRequire(import.meta.url)
  const pkgPath = require.resolve('tsx/package.json')
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as { exports: Record<string, { import: { default: string } }> }
  const api = pathToFileURL(join(dirname(pkgPath), pkg.exports['./esm/api']!.import.default)).href
  return `import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}) })`
}

function newWorker(entry: URL | undefined, workerData: WorkerData): Worker {
  if (!entry) {
    const bundled = new URL('./store-worker.mjs', import.meta.url)
    entry = existsSync(fileURLToPath(bundled)) ? bundled : new URL('./store-worker.ts', import.meta.url)
  }
  if (entry.pathname.endsWith('.ts')) return new Worker(tsxBootstrap(entry), { eval: true, workerData })
  return new Worker(entry, { workerData })
}

/** Calls per message: copying 100 calls takes ~0.2 ms of the server's thread (500: ~1 ms). */
const MESSAGE_CALLS = 100

interface Pending {
  resolve: (value: unknown) => void
  reject: (error: Error) => void
}

/** Opens the database in a worker thread; resolves once it is migrated and ready. */
export async function openWorkerBackend(target: WorkerTarget, options: WorkerOptions = {}): Promise<StoreBackend> {
  const startTimeoutMs = options.startTimeoutMs ?? 120_000

  let worker: Worker | undefined
  let starting: Promise<Worker> | undefined
  let nextId = 1
  const pending = new Map<number, Pending>()
  let closed = false

  const failAll = (error: Error) => {
    for (const p of pending.values()) p.reject(error)
    pending.clear()
  }

  const start = () =>
    new Promise<Worker>((resolve, reject) => {
      const w = newWorker(options.entry, { target })
      let ready = false
      const timer = setTimeout(() => {
        if (ready) return
        void w.terminate()
        reject(new Error(`The usage store's worker did not open within ${startTimeoutMs} ms.`))
      }, startTimeoutMs)
      w.on('message', (msg: WorkerReply) => {
        if (msg.type === 'ready') {
          ready = true
          clearTimeout(timer)
          // Idle, the worker does not keep the process alive; a call in flight does (see call()).
          w.unref()
          resolve(w)
        } else if (msg.type === 'failed') {
          clearTimeout(timer)
          reject(deserializeError(msg.error))
        } else {
          const p = pending.get(msg.id)
          if (!p) return
          pending.delete(msg.id)
          if (pending.size === 0) w.unref()
          if (msg.ok) p.resolve(msg.value)
          else p.reject(deserializeError(msg.error))
        }
      })
      w.on('error', (e) => {
        clearTimeout(timer)
        if (!ready) reject(e)
      })
      w.on('exit', (code) => {
        clearTimeout(timer)
        if (!ready) reject(new Error(`The usage store's worker exited (code ${code}) before it was ready.`))
        if (worker === w) worker = undefined
        failAll(new Error(`The usage store's worker stopped (exit code ${code}).`))
      })
    })

  const ensure = async (): Promise<Worker> => {
    if (worker) return worker
    starting ??= start().finally(() => {
      starting = undefined
    })
    worker = await starting
    return worker
  }

  /**
   * Posts a message. A value that cannot be copied (a function in a record) is bad data, not an
   * outage: it is thrown as SQLSTATE 22023 (invalid parameter value), so the queue drops the
   * batch instead of retrying it forever.
   */
  const send = (w: Worker, message: WorkerRequest) => {
    try {
      w.postMessage(message)
    } catch (e) {
      throw Object.assign(new Error(`usage store: could not send to the worker: ${errorText(e)}`), { code: '22023' })
    }
  }

  const call = async <T>(method: BackendMethod, args: unknown[], staged?: number): Promise<T> => {
    if (closed) throw new Error('The usage store is closed.')
    const w = await ensure()
    const id = nextId++
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject })
      w.ref()
      try {
        send(w, { id, method, args, ...(staged ? { staged } : {}) })
      } catch (e) {
        pending.delete(id)
        if (pending.size === 0) w.unref()
        reject(e)
      }
    })
  }

  await ensure()

  return {
    insert: async (batch) => {
      // Copying a message is synchronous: a batch goes over in parts, yielding between them.
      let i = 0
      for (; batch.length - i > MESSAGE_CALLS; i += MESSAGE_CALLS) {
        const w = await ensure()
        send(w, { method: 'stage', calls: batch.slice(i, i + MESSAGE_CALLS) })
        await new Promise((resolve) => setImmediate(resolve))
      }
      // The worker checks it holds all `i` staged calls (a worker restarted meanwhile does not).
      return call('insert', [batch.slice(i)], i)
    },
    endpointStats: (query) => call('endpointStats', [query]),
    endpointSeries: (query) => call('endpointSeries', [query]),
    popularModels: (query) => call('popularModels', [query]),
    generation: (id, keyId) => call('generation', [id, keyId]),
    usage: (query) => call('usage', [query]),
    prune: (olderThan) => call('prune', [olderThan]),
    keyState: (query) => call('keyState', [query]),
    close: async () => {
      if (closed) return
      const w = worker
      if (w) await call('close', [])
      closed = true
      if (w) await w.terminate()
    },
  }
}
