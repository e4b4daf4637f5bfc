/**
 * Opening the two real stores and applying the migrations (drizzle's migrator for each driver).
 * Both give back a `StoreBackend`: the same queries (queries.ts) over either driver.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

import { PGlite } from '@electric-sql/pglite'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator'
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js'
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator'
import postgres from 'postgres'

import type { KeyState, KeyStateQuery } from './keys'
import { keyState } from './keys'
import * as q from './queries'
import type {
  CallRecord,
  EndpointQuery,
  EndpointStats,
  Generation,
  ParsedCall,
  PopularModel,
  PopularQuery,
  PruneResult,
  SeriesPoint,
  UsageQuery,
  UsageReport,
} from './types'
import { callRecordSchema } from './types'

/** What `StoreBackend.insert` did with a batch. */
export interface InsertResult {
  /** Calls written (a generation id already stored counts: it was written before). */
  inserted: number
  /** Calls that failed validation and were dropped. */
  invalid: number
  /** The first invalid call's problem, for the log. */
  issue?: string
}

/** What a real store does, asynchronously; `UsageStore` adds the queue in front of `insert`. */
export interface StoreBackend {
  /**
   * Validates and writes a batch in one transaction. Rejects when the database fails (the
   * caller keeps the batch and retries, unless the error is a data error).
   */
  insert(batch: CallRecord[]): Promise<InsertResult>
  endpointStats(query: EndpointQuery): Promise<EndpointStats[]>
  endpointSeries(query: EndpointQuery): Promise<SeriesPoint[]>
  popularModels(query: PopularQuery): Promise<PopularModel[]>
  generation(id: string, keyId: string): Promise<Generation | null>
  usage(query: UsageQuery): Promise<UsageReport>
  prune(olderThan: Date): Promise<PruneResult>
  /** Every caller key and the spend of those with a budget (keys.ts). */
  keyState(query: KeyStateQuery): Promise<KeyState>
  close(): Promise<void>
}

/**
 * Checks a batch against the schema. Done where the batch is written (in PGlite's worker thread
 * by default), not in `record()`: the proxy builds records in code, and zod costs a few
 * microseconds per record that the server's thread need not pay.
 */
export function parseCalls(batch: readonly CallRecord[]): { valid: ParsedCall[]; invalid: number; issue?: string } {
  const valid: ParsedCall[] = []
  let issue: string | undefined
  for (const call of batch) {
    const parsed = callRecordSchema.safeParse(call)
    if (parsed.success) valid.push(parsed.data)
    else issue ??= parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
  }
  return { valid, invalid: batch.length - valid.length, issue }
}

/** The store's SQL over a drizzle database of either driver; `copy` is the driver's bulk path, when it has one. */
export function sqlBackend(db: q.Db, close: () => Promise<void>, copy?: q.CopyRows): StoreBackend {
  return {
    insert: async (batch) => {
      const { valid, invalid, issue } = parseCalls(batch)
      await q.insertCalls(db, valid, copy)
      return { inserted: valid.length, invalid, ...(issue ? { issue } : {}) }
    },
    endpointStats: (query) => q.endpointStats(db, query),
    endpointSeries: (query) => q.endpointSeries(db, query),
    popularModels: (query) => q.popularModels(db, query),
    generation: (id, keyId) => q.generation(db, id, keyId),
    usage: (query) => q.usage(db, query),
    prune: (olderThan) => q.prune(db, olderThan),
    keyState: (query) => keyState(db, query),
    close,
  }
}

/** `COPY "calls" ("id", …) FROM <source> WITH (FORMAT csv)`: names come from the schema, never from data. */
function copyStatement(table: q.CopyTable, source: string): string {
  const quote = (name: string) => `"${name.replaceAll('"', '""')}"`
  return `copy ${quote(table.name)} (${table.columns.map(quote).join(', ')}) from ${source} with (format csv)`
}

/** PGlite's COPY reads its rows from a blob handed to the query (`/dev/blob`). */
export function pgliteCopy(client: PGlite): q.CopyRows {
  return async (tables) => {
    await client.transaction(async (tx) => {
      for (const t of tables) await tx.query(copyStatement(t, "'/dev/blob'"), [], { blob: new Blob([t.csv]) })
    })
  }
}

/**
 * The committed SQL migrations. Next to this file in the source tree; from the working directory
 * when this module is bundled elsewhere (dist/server.mjs runs from the project root).
 */
export function migrationsFolder(): string {
  const candidates = [
    fileURLToPath(new URL('./migrations', import.meta.url)),
    resolve(process.cwd(), 'lib/store/migrations'),
  ]
  const found = candidates.find((dir) => existsSync(join(dir, 'meta', '_journal.json')))
  if (!found) throw new Error(`Usage store migrations not found (looked in ${candidates.join(', ')}).`)
  return found
}

/**
 * PGlite does not lock its data directory, and two processes (or two threads) writing one
 * corrupt it: a lock file beside it names the owner, `{ pid, started }`. A lock whose process is
 * gone is taken over, and so is one with this pid but another start time (a container restarted
 * with the same pid).
 */
function lockDataDir(dataDir: string): () => void {
  const lock = `${dataDir}.lock`
  // The process's start, the same in every thread.
  const me = { pid: process.pid, started: Math.round(performance.timeOrigin) }
  mkdirSync(dirname(lock), { recursive: true })
  for (let tries = 0; tries < 2; tries++) {
    try {
      writeFileSync(lock, JSON.stringify(me), { flag: 'wx' })
      return () => rmSync(lock, { force: true })
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e
      let owner: { pid?: unknown; started?: unknown } = {}
      try {
        owner = JSON.parse(readFileSync(lock, 'utf8'))
      } catch {
        // Unreadable: a crash while writing it; taken over below.
      }
      const pid = Number(owner.pid)
      const held = pid === me.pid ? owner.started === me.started : Number.isInteger(pid) && pid > 0 && isAlive(pid)
      if (held)
        throw new Error(
          `The usage store's data directory ${dataDir} is in use by ${pid === me.pid ? 'this process' : `process ${pid}`} (${lock}): a PGlite data directory belongs to one process at a time. Stop that process, give this one another DATA_DIR, or share a PostgreSQL server (DATABASE_URL).`,
        )
      rmSync(lock, { force: true })
    }
  }
  throw new Error(`Could not lock ${dataDir} (${lock}).`)
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** An open, migrated PGlite database (tests reach below the backend through it). */
export interface PgliteDatabase {
  client: PGlite
  db: ReturnType<typeof drizzlePglite<Record<string, never>, PGlite>>
  close(): Promise<void>
}

/**
 * PGlite in this thread, migrated. `dataDir` undefined means in memory (tests). The first start
 * on an empty directory runs initdb (seconds); later starts open the files.
 */
export async function openPgliteDatabase(dataDir: string | undefined): Promise<PgliteDatabase> {
  const unlock = dataDir ? lockDataDir(dataDir) : () => {}
  let client: PGlite | undefined
  try {
    if (dataDir) mkdirSync(dataDir, { recursive: true })
    client = new PGlite(dataDir)
    await client.waitReady
    const db = drizzlePglite({ client })
    await migratePglite(db, { migrationsFolder: migrationsFolder() })
    const opened = client
    return {
      client,
      db,
      close: async () => {
        try {
          await opened.close()
        } finally {
          unlock()
        }
      },
    }
  } catch (e) {
    await client?.close().catch(() => {})
    unlock()
    throw e
  }
}

/** PGlite in this thread as a `StoreBackend`. */
export async function openPglite(dataDir: string | undefined): Promise<StoreBackend> {
  const { client, db, close } = await openPgliteDatabase(dataDir)
  return sqlBackend(db, close, pgliteCopy(client))
}

/** Stable key of the advisory lock that serialises migrations between instances starting together. */
const MIGRATION_LOCK = 7_318_203_117

/** Applies the migrations to a PostgreSQL server, one instance at a time. */
export async function migratePostgresServer(url: string): Promise<void> {
  // One connection: the advisory lock and the migrator's transaction share the session, and
  // ending it releases the lock.
  const client = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 10 })
  try {
    await client`select pg_advisory_lock(${MIGRATION_LOCK})`
    await migratePostgres(drizzlePostgres({ client }), { migrationsFolder: migrationsFolder() })
  } finally {
    await client.end({ timeout: 5 })
  }
}

/**
 * A PostgreSQL server (15 or newer), migrated: the server must be up at start. Later, a server
 * that goes away fails writes (the queue keeps and retries them) and queries, not the process.
 */
export async function openPostgres(url: string, options: { maxConnections?: number } = {}): Promise<StoreBackend> {
  await migratePostgresServer(url)
  const client = postgres(url, {
    max: options.maxConnections ?? 4,
    onnotice: () => {},
    connect_timeout: 10,
    idle_timeout: 60,
    // A query that hangs (locks, a sick server) gives up instead of piling up behind it.
    connection: { statement_timeout: 30_000, application_name: 'modelatlas-usage' },
  })
  // No COPY here: postgres.js never settles a `COPY … FROM STDIN` the server refuses (a
  // generation id already stored), so a retried batch would hang the queue. INSERT skips it.
  return sqlBackend(drizzlePostgres({ client }), () => client.end({ timeout: 5 }))
}
