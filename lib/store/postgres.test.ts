/**
 * The store against a real PostgreSQL server (Debian's `postgresql`, 15 here), started and
 * stopped by this file. Without the server binaries this fails, saying to run
 * `apt-get install -y postgresql`: it never skips silently.
 */
import { drizzle } from 'drizzle-orm/postgres-js'
import postgres from 'postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { StoreBackend } from './db'
import { migratePostgresServer, openPostgres } from './db'
import { openUsageStore } from './index'
import type { ContractHarness } from './testing/contract'
import { call, quietLogger, storeContract } from './testing/contract'
import { committedMigrations } from './testing/migrations'
import type { PostgresServer } from './testing/postgres-server'
import { startPostgresServer } from './testing/postgres-server'
import type { StoreLogger } from './usage-store'
import { createUsageStore } from './usage-store'
import { openWorkerBackend } from './worker-backend'

let server: PostgresServer
let client: postgres.Sql
let backend: StoreBackend
let harness: ContractHarness

beforeAll(async () => {
  server = await startPostgresServer()
  client = postgres(server.url, { max: 2, onnotice: () => {} })
}, 120_000)
afterAll(async () => {
  await backend?.close()
  await client?.end({ timeout: 5 })
  await server?.stop()
}, 60_000)

describe('migrations on PostgreSQL', () => {
  const applied = async () => (await client`select count(*)::int as n from drizzle.__drizzle_migrations`)[0]?.n

  it('runs a PostgreSQL 15 or newer server', async () => {
    const [row] = await client`select current_setting('server_version_num')::int as v`
    expect(row?.v).toBeGreaterThanOrEqual(150000)
  })

  it('apply from an empty database, once, even when two instances start together', async () => {
    await Promise.all([migratePostgresServer(server.url), migratePostgresServer(server.url)])
    const tables = await client`select tablename from pg_tables where schemaname = 'public' order by 1`
    expect(tables.map((t) => t.tablename)).toEqual(['api_keys', 'attempts', 'calls'])
    expect(await applied()).toBe(committedMigrations())
  })

  it('are idempotent', async () => {
    await migratePostgresServer(server.url)
    expect(await applied()).toBe(committedMigrations())
    backend = await openPostgres(server.url)
    harness = { db: drizzle({ client }), backend }
  })
})

storeContract('PostgreSQL', () => harness)

describe('a PostgreSQL store that goes away', () => {
  it('keeps calls in memory while the server is down and writes them when it is back', async () => {
    await client`truncate calls, attempts`
    const lines: string[] = []
    const logger: StoreLogger = { info: (m) => lines.push(m), warn: (m) => lines.push(m) }
    const store = await openUsageStore(
      { mode: 'postgres', url: server.url, retentionDays: 30 },
      { flushIntervalMs: 20, maxRetryDelayMs: 100, logger },
    )
    store.record(call({ id: 'gen-before' }))
    await store.flush()
    expect(store.counters().written).toBe(1)

    await server.halt()
    for (let i = 0; i < 5; i++) store.record(call({ id: `gen-down-${i}` }))
    await store.flush()
    expect(store.counters()).toMatchObject({ written: 1, queued: 5, dropped: 0 })
    expect(lines.some((l) => /writing failed/.test(l))).toBe(true)

    await server.resume()
    const deadline = Date.now() + 30_000
    while (store.counters().written < 6 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50))
    expect(store.counters()).toMatchObject({ written: 6, queued: 0, dropped: 0 })
    expect(lines).toContain('usage store: writing again')
    expect(await store.generation('gen-down-4', 'key-a')).not.toBeNull()
    await store.close()
  }, 90_000)
})

describe('a store worker that dies', () => {
  it('is started again on the next call, and writing goes on', async () => {
    await client`truncate calls, attempts`
    const backend = await openWorkerBackend(
      { mode: 'postgres', url: server.url },
      { entry: new URL('./testing/dying-worker.ts', import.meta.url) },
    )
    const store = createUsageStore(backend, 'postgres', {
      flushIntervalMs: 20,
      maxRetryDelayMs: 100,
      logger: quietLogger,
    })
    await expect(backend.endpointSeries({})).rejects.toThrow(/worker stopped \(exit code 3\)/)
    store.record(call({ id: 'gen-after-crash' }))
    await store.flush()
    expect(store.counters()).toMatchObject({ written: 1, queued: 0 })
    expect(await store.generation('gen-after-crash', 'key-a')).not.toBeNull()
    await store.close()
  }, 90_000)
})
