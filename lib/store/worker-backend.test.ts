/** PGlite in a worker thread, on disk: the server's default store. */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { afterAll, describe, expect, it } from 'vitest'

import { openPglite } from './db'
import { openUsageStore } from './index'
import { call, quietLogger } from './testing/contract'
import type { ParsedCall } from './types'
import { createUsageStore } from './usage-store'
import { openPgliteWorker } from './worker-backend'

const dir = mkdtempSync(join(tmpdir(), 'modelatlas-store-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('PGlite in a worker thread', () => {
  it('writes and reads through the worker, refuses a second opener, and keeps the data across a restart', async () => {
    const dataDir = join(dir, 'usage')
    const backend = await openPgliteWorker(dataDir)
    const first = createUsageStore(backend, 'pglite', { logger: quietLogger })
    first.record(call({ id: 'gen-w1', cost: '0.000042' }))
    await first.flush()
    expect(first.counters()).toMatchObject({ written: 1, rejected: 0 })
    expect(await first.generation('gen-w1', 'key-a')).toMatchObject({ id: 'gen-w1', cost: '0.000042' })
    expect(await first.generation('gen-w1', 'key-b')).toBeNull()

    // A database error crosses the thread with its SQLSTATE code (so the queue can tell data errors from outages).
    const bad = { ...call(), attempts: [], cost: 'not a number' } as unknown as ParsedCall
    await expect(backend.insert([bad])).rejects.toMatchObject({ code: '22P02' })

    // The worker holds the directory: opening it again, even from this process, is refused.
    await expect(openPglite(dataDir)).rejects.toThrow(/in use by this process/)
    await first.close()

    // A later start opens the same files.
    const second = await openUsageStore({ mode: 'pglite', dataDir, retentionDays: 30 }, { logger: quietLogger })
    expect(second.mode).toBe('pglite')
    expect(await second.generation('gen-w1', 'key-a')).toMatchObject({ cost: '0.000042' })
    await second.close()
  }, 240_000)
})
