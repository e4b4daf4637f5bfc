/**
 * Caller keys in the usage store (issue #17): the rows `npm run keys` manages and the state every
 * proxy instance reloads each second (the keys and what each budgeted key spent today and this
 * month). Written with Drizzle like queries.ts and run unchanged on PGlite and PostgreSQL.
 */
import { createHash, randomBytes } from 'node:crypto'

import { and, asc, eq, gte, inArray, isNotNull, or, sql } from 'drizzle-orm'
import { z } from 'zod'

import type { Db } from './queries'
import { apiKeys, calls } from './schema'

/** A key as the proxy and the CLI see it; never the key itself. */
export const storedKeySchema = z.object({
  id: z.string(),
  hash: z.string(),
  name: z.string(),
  /** Requests per minute; null: the server's default; 0: unlimited. */
  rpm: z.number().int().nonnegative().nullable(),
  /** Tokens per minute; null: unlimited. */
  tpm: z.number().int().positive().nullable(),
  /** USD per UTC day, as an exact decimal string; null: no budget. */
  budgetDay: z.string().nullable(),
  /** USD per UTC month, as an exact decimal string; null: no budget. */
  budgetMonth: z.string().nullable(),
  allowedModels: z.array(z.string()).nullable(),
  expiresAt: z.date().nullable(),
  revokedAt: z.date().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
})
export type StoredKey = z.infer<typeof storedKeySchema>

/** What one key spent (USD, exact decimal strings) since the start of the UTC day and month. */
export interface KeySpend {
  keyId: string
  day: string
  month: string
}

/** Every key plus the spend of the keys with a budget: what each instance reloads. */
export interface KeyState {
  keys: StoredKey[]
  spend: KeySpend[]
  /** Those of the query's `pendingIds` already stored (so counted in `spend`). */
  written?: string[]
}

export interface KeyStateQuery {
  /** Start of the current UTC day. */
  dayStart: Date
  /** Start of the current UTC month. */
  monthStart: Date
  /** Generation ids of calls an instance counted itself: which of them does `spend` include? */
  pendingIds?: string[]
}

/** The SHA-256 of a key, hex: what is stored and looked up. */
export const keyHash = (key: string) => createHash('sha256').update(key).digest('hex')
/** The key id of a key: the first 12 hex digits of its SHA-256, as for `CHAT_PROXY_KEYS` keys (auth.ts). */
export const keyIdOf = (key: string) => keyHash(key).slice(0, 12)
/** A new random key: `ma-` and 43 base64url characters (256 bits). */
export const newKey = () => `ma-${randomBytes(32).toString('base64url')}`

const toStored = (row: typeof apiKeys.$inferSelect): StoredKey => ({
  ...row,
  allowedModels: row.allowedModels ?? null,
})

/** Every key (revoked ones too: they are refused with a message of their own). */
export async function listKeys(db: Db): Promise<StoredKey[]> {
  return (await db.select().from(apiKeys).orderBy(asc(apiKeys.name))).map(toStored)
}

/**
 * Every key, the spend of those with a budget, and which of `pendingIds` are stored: read in one
 * repeatable-read transaction, so the sums and the ids come from the same snapshot (an instance
 * adds exactly the calls the sums do not hold yet).
 */
export function keyState(db: Db, q: KeyStateQuery): Promise<KeyState> {
  return db.transaction((tx) => readKeyState(tx as unknown as Db, q), { isolationLevel: 'repeatable read' })
}

async function readKeyState(db: Db, q: KeyStateQuery): Promise<KeyState> {
  const keys = await listKeys(db)
  const pending = q.pendingIds ?? []
  const written =
    pending.length === 0
      ? []
      : (await db.select({ id: calls.id }).from(calls).where(inArray(calls.id, pending))).map((r) => r.id)
  const budgeted = keys.filter((k) => k.budgetDay !== null || k.budgetMonth !== null).map((k) => k.id)
  if (budgeted.length === 0) return { keys, spend: [], written }
  const spend = await db
    .select({
      keyId: sql<string>`${calls.keyId}`,
      day: sql<string>`coalesce(sum(${calls.cost}) filter (where ${calls.createdAt} >= ${q.dayStart.toISOString()}::timestamptz), 0)::text`,
      month: sql<string>`coalesce(sum(${calls.cost}), 0)::text`,
    })
    .from(calls)
    .where(and(inArray(calls.keyId, budgeted), gte(calls.createdAt, q.monthStart), isNotNull(calls.cost)))
    .groupBy(calls.keyId)
  return { keys, spend, written }
}

/** What `create` and `update` take; money as decimal strings, exact. */
export const keySettingsSchema = z.object({
  rpm: z.number().int().nonnegative().nullable().optional(),
  tpm: z.number().int().positive().nullable().optional(),
  budgetDay: z.string().nullable().optional(),
  budgetMonth: z.string().nullable().optional(),
  allowedModels: z.array(z.string().min(1)).nullable().optional(),
  expiresAt: z.date().nullable().optional(),
})
export type KeySettings = z.infer<typeof keySettingsSchema>

/** Creates a key; returns it once with its row. Fails (unique violation) when the name is taken. */
export async function createKey(
  db: Db,
  name: string,
  settings: KeySettings,
  now = new Date(),
): Promise<{ key: string; row: StoredKey }> {
  const key = newKey()
  const [row] = await db
    .insert(apiKeys)
    .values({ id: keyIdOf(key), hash: keyHash(key), name, ...settings, createdAt: now, updatedAt: now })
    .returning()
  return { key, row: toStored(row!) }
}

/** Changes a key's settings by name or id; null when there is no such key. */
export async function updateKey(
  db: Db,
  nameOrId: string,
  settings: KeySettings,
  now = new Date(),
): Promise<StoredKey | null> {
  const [row] = await db
    .update(apiKeys)
    .set({ ...settings, updatedAt: now })
    .where(or(eq(apiKeys.name, nameOrId), eq(apiKeys.id, nameOrId)))
    .returning()
  return row ? toStored(row) : null
}

/** Revokes a key by name or id (kept, so its calls keep a name); null when there is no such key. */
export async function revokeKey(db: Db, nameOrId: string, now = new Date()): Promise<StoredKey | null> {
  const [row] = await db
    .update(apiKeys)
    .set({ revokedAt: sql`coalesce(${apiKeys.revokedAt}, ${now.toISOString()}::timestamptz)`, updatedAt: now })
    .where(or(eq(apiKeys.name, nameOrId), eq(apiKeys.id, nameOrId)))
    .returning()
  return row ? toStored(row) : null
}
