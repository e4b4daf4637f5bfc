/** The store against PGlite in memory: migrations, then the shared contract (testing/contract.ts). */
import { sql } from 'drizzle-orm'
import { migrate } from 'drizzle-orm/pglite/migrator'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { PgliteDatabase } from './db'
import { migrationsFolder, openPgliteDatabase, pgliteCopy, sqlBackend } from './db'
import { copyTable, csvField } from './queries'
import { attempts } from './schema'
import type { ContractHarness } from './testing/contract'
import { storeContract } from './testing/contract'
import { committedMigrations } from './testing/migrations'

let pg: PgliteDatabase
let harness: ContractHarness

// One database for the file: PGlite's initdb takes seconds.
beforeAll(async () => {
  pg = await openPgliteDatabase(undefined)
  // With PGlite's COPY, as the server runs it (the PostgreSQL contract covers the INSERT path).
  harness = { db: pg.db, backend: sqlBackend(pg.db, async () => {}, pgliteCopy(pg.client)) }
}, 120_000)
afterAll(async () => {
  await pg?.close()
})

describe('migrations on PGlite', () => {
  const applied = async () =>
    (await pg.client.query<{ n: number }>('select count(*)::int as n from drizzle.__drizzle_migrations')).rows[0]?.n

  it('apply from an empty database: the tables and indexes exist, each migration is recorded', async () => {
    // beforeAll opened an empty in-memory database, which applied them.
    const tables = await pg.client.query<{ name: string }>(
      "select tablename as name from pg_tables where schemaname = 'public' order by 1",
    )
    expect(tables.rows.map((r) => r.name)).toEqual(['api_keys', 'attempts', 'calls'])
    const indexes = await pg.client.query<{ name: string }>(
      "select indexname as name from pg_indexes where schemaname = 'public' order by 1",
    )
    expect(indexes.rows.map((r) => r.name)).toEqual([
      'api_keys_hash_unique',
      'api_keys_name_unique',
      'api_keys_pkey',
      'attempts_created_at_idx',
      'attempts_generation_id_attempt_pk',
      'attempts_model_provider_created_at_idx',
      'calls_created_at_idx',
      'calls_key_id_created_at_idx',
      'calls_model_provider_created_at_idx',
      'calls_pkey',
    ])
    expect(await applied()).toBe(committedMigrations())
  })

  it('are idempotent: applying them again changes nothing', async () => {
    await pg.db.execute(
      sql`insert into calls (id, created_at, streamed, status, total_ms) values ('gen-keep', now(), false, 200, 1)`,
    )
    await migrate(pg.db, { migrationsFolder: migrationsFolder() })
    await migrate(pg.db, { migrationsFolder: migrationsFolder() })
    expect(await applied()).toBe(committedMigrations())
    const kept = await pg.client.query("select id from calls where id = 'gen-keep'")
    expect(kept.rows).toHaveLength(1)
  })
})

storeContract('PGlite', () => harness)

describe('COPY rows', () => {
  it('writes each field as COPY (FORMAT csv) reads it: NULL unquoted, text always quoted, quotes doubled', () => {
    expect(csvField(null)).toBe('')
    expect(csvField(undefined)).toBe('')
    expect(csvField('')).toBe('""')
    expect(csvField('a,"b"\nc')).toBe('"a,""b""\nc"')
    expect(csvField(true)).toBe('t')
    expect(csvField(false)).toBe('f')
    expect(csvField(42)).toBe('42')
    expect(csvField(new Date(Date.UTC(2026, 11, 5, 1, 2, 3, 4)))).toBe('2026-12-05T01:02:03.004Z')
  })

  it("names the table's columns in the schema's order, one line per row", () => {
    const t = copyTable(attempts, [
      { generationId: 'gen-1', attempt: 1, createdAt: new Date(0), provider: 'p', model: 'm', providerFailure: false },
    ])
    expect(t.name).toBe('attempts')
    expect(t.columns).toEqual([
      'generation_id',
      'attempt',
      'created_at',
      'provider',
      'model',
      'status',
      'error_class',
      'headers_ms',
      'provider_failure',
    ])
    expect(t.csv).toBe('"gen-1",1,1970-01-01T00:00:00.000Z,"p","m",,,,f\n')
  })
})
