/** PGlite in a worker thread, on disk: the server's default store. */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { afterAll, describe, expect, it } from 'vitest'

import { openPglite } from './db'
import { openUsageStore } from './index'
import { call, quietLogger } from './testing/contract'
import { createUsageStore } from './usage-store'
import { openWorkerBackend } from './worker-backend'

const dir = mkdtempSync(join(tmpdir(), 'modelatlas-store-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('PGlite in a worker thread', () => {
  it('writes and reads through the worker, refuses a second opener, and keeps the data across a restart', async () => {
    const dataDir = join(dir, 'usage')
    const backend = await openWorkerBackend({ mode: 'pglite', dataDir })
    const first = createUsageStore(backend, 'pglite', { logger: quietLogger })
    first.record(call({ id: 'gen-w1', cost: '0.000042' }))
    // More than one message's worth (100 calls): the batch crosses in parts, written as one.
    for (let i = 0; i < 250; i++) first.record(call({ id: `gen-many-${i}` }))
    first.record({ ...call(), status: 42 })
    await first.flush()
    expect(first.counters()).toMatchObject({ written: 251, rejected: 1 })
    expect(await first.generation('gen-many-249', 'key-a')).not.toBeNull()
    expect(await first.generation('gen-w1', 'key-a')).toMatchObject({ id: 'gen-w1', cost: '0.000042' })
    expect(await first.generation('gen-w1', 'key-b')).toBeNull()

    // A database error crosses the thread with its SQLSTATE code (so the queue can tell data
    // errors from outages): Postgres refuses a NUL character in text.
    await expect(backend.generation('gen-\u0000', 'key-a')).rejects.toMatchObject({ code: '22021' })

    // A record that cannot be copied to the worker is bad data (dropped by the queue), not an outage.
    const uncopyable = { ...call(), finishReason: (() => 'stop') as unknown as string }
    await expect(backend.insert([uncopyable])).rejects.toMatchObject({ code: '22023' })
    first.record(uncopyable)
    first.record(call({ id: 'gen-after-uncopyable' }))
    await first.flush()
    // The whole batch is dropped (with the good call in it), and the queue moves on.
    expect(first.counters()).toMatchObject({ written: 251, rejected: 3, queued: 0 })
    first.record(call({ id: 'gen-after-uncopyable' }))
    await first.flush()
    expect(first.counters()).toMatchObject({ written: 252 })

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
