/** Messages between worker-backend.ts (the server's thread) and store-worker.ts (the store's thread). */
import type { StoreBackend } from './db'
import { errorText, sqlState } from './errors'

/** The database the worker opens. */
export type WorkerTarget =
  | { mode: 'pglite' /** PGlite's data directory; null for an in-memory database. */; dataDir: string | null }
  | { mode: 'postgres'; url: string }

export interface WorkerData {
  target: WorkerTarget
}

export type BackendMethod = keyof StoreBackend

/**
 * A request. `stage` hands over part of a batch without an answer; the `insert` that follows
 * writes the staged calls and its own in one transaction. A batch crosses in parts so that
 * copying it never holds the server's thread for more than a fraction of a millisecond.
 */
export type WorkerRequest =
  | { id: number; method: BackendMethod; args: unknown[] /** Calls staged before this insert. */; staged?: number }
  | { method: 'stage'; calls: unknown[] }

/** An error as it crosses the thread boundary: the SQLSTATE `code` decides whether a failed batch is retried. */
export interface SerializedError {
  message: string
  code?: string
}

export type WorkerReply =
  | { type: 'ready' }
  | { type: 'failed'; error: SerializedError }
  | { type: 'result'; id: number; ok: true; value: unknown }
  | { type: 'result'; id: number; ok: false; error: SerializedError }

export function serializeError(e: unknown): SerializedError {
  const code = sqlState(e)
  return { message: errorText(e), ...(code ? { code } : {}) }
}

/** An Error again, with its SQLSTATE code. */
export function deserializeError(e: SerializedError): Error & { code?: string } {
  return Object.assign(new Error(e.message), e.code ? { code: e.code } : {})
}
