/**
 * Which usage store to run, from the environment (validated with zod):
 * - default: PGlite (Postgres in WASM) in this process, data under `DATA_DIR` (default `./.data`);
 * - `DATABASE_URL=postgres://…`: a PostgreSQL server (15 or newer), shared by several instances;
 * - `USAGE_STORE=off`: nothing is recorded and every query answers "no data".
 */
import { join, resolve } from 'node:path'

import { z } from 'zod'

export const DEFAULT_DATA_DIR = './.data'
export const DEFAULT_RETENTION_DAYS = 30
export const DEFAULT_QUEUE_MAX = 10_000

const blankToUndefined = (s: unknown) => (typeof s === 'string' && s.trim() === '' ? undefined : s)

const storeEnvSchema = z.object({
  /** `off` turns the store off; `on` (default) picks PGlite or the server from DATABASE_URL. */
  USAGE_STORE: z.preprocess(
    (s) => (typeof s === 'string' ? s.trim().toLowerCase() || undefined : s),
    z.enum(['on', 'off'], { message: 'expected "on" or "off"' }).default('on'),
  ),
  /** A PostgreSQL server's URL; unset means the embedded PGlite database. */
  DATABASE_URL: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'expected a postgres:// or postgresql:// URL')
      .optional(),
  ),
  /** Where PGlite keeps its files (in `<DATA_DIR>/usage`). */
  DATA_DIR: z.preprocess(blankToUndefined, z.string().default(DEFAULT_DATA_DIR)),
  /** Days of calls kept; older rows are pruned. */
  USAGE_RETENTION_DAYS: z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ message: 'expected a whole number of days' })
      .int('expected a whole number of days')
      .positive('expected at least 1 day')
      .default(DEFAULT_RETENTION_DAYS),
  ),
  /** Most calls held in memory while the database is slow or away; more are dropped and counted. */
  USAGE_QUEUE_MAX: z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ message: 'expected a whole number of calls' })
      .int('expected a whole number of calls')
      .positive('expected at least 1 call')
      .default(DEFAULT_QUEUE_MAX),
  ),
})

export type StoreConfig =
  | { mode: 'off' }
  | {
      mode: 'pglite'
      /** PGlite's data directory (absolute). */
      dataDir: string
      retentionDays: number
      /** Most calls held in memory (QueueOptions.maxQueue); the queue's default when omitted. */
      maxQueue?: number
    }
  | { mode: 'postgres'; url: string; retentionDays: number; maxQueue?: number }

/** The store's configuration; throws a message naming the variable when one is invalid. */
export function parseStoreConfig(env: Record<string, string | undefined>, cwd = process.cwd()): StoreConfig {
  const parsed = storeEnvSchema.safeParse(env)
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
    throw new Error(`Invalid usage store configuration: ${detail}`)
  }
  const e = parsed.data
  if (e.USAGE_STORE === 'off') return { mode: 'off' }
  const kept = { retentionDays: e.USAGE_RETENTION_DAYS, maxQueue: e.USAGE_QUEUE_MAX }
  if (e.DATABASE_URL) return { mode: 'postgres', url: e.DATABASE_URL, ...kept }
  return { mode: 'pglite', dataDir: join(resolve(cwd, e.DATA_DIR), 'usage'), ...kept }
}

/** The configuration for logs: never the URL's password. */
export function describeStoreConfig(config: StoreConfig): string {
  if (config.mode === 'off') return 'off (USAGE_STORE=off)'
  if (config.mode === 'pglite') return `PGlite in ${config.dataDir}`
  try {
    const u = new URL(config.url)
    return `PostgreSQL at ${u.hostname}${u.port ? `:${u.port}` : ''}${u.pathname}`
  } catch {
    return 'PostgreSQL'
  }
}
