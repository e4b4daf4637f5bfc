/**
 * The store's SQL, written once with Drizzle's query builder and run unchanged on PGlite and on a
 * PostgreSQL server. Aggregates (percentiles, sums of money) run in SQL: costs are summed as
 * `numeric` and leave the database as text, so totals are exact.
 */
import type { SQL, SQLWrapper } from 'drizzle-orm'
import { and, asc, eq, getTableColumns, getTableName, gte, isNotNull, lt, sql } from 'drizzle-orm'
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'

import { sqlState } from './errors'
import { attempts, calls } from './schema'
import type {
  EndpointQuery,
  EndpointStats,
  Generation,
  ParsedCall,
  Percentiles,
  PopularModel,
  PopularQuery,
  PruneResult,
  SeriesPoint,
  StatsWindow,
  UsageQuery,
  UsageReport,
} from './types'
import { WINDOW_MS, WINDOWS } from './types'

// biome-ignore lint/suspicious/noExplicitAny: both drivers' databases (PGlite, postgres-js) are accepted; their result types differ.
export type Db = PgDatabase<PgQueryResultHKT, any>

/** Rows per INSERT statement (bounds the JSON text of one statement to a few MB). */
const ROWS_PER_INSERT = 5_000

/**
 * Bulk insert: the rows go over as one JSON parameter that Postgres expands into the table's
 * row type (`json_populate_recordset`), skipping generation ids already stored. Drizzle's
 * `insert().values()` builder took 80–600 ms of CPU to build one 500-row statement (9,500
 * parameters), all of it on the thread that runs the query; this builds in under a millisecond,
 * with the same text on both drivers. Keys are the schema's own column names.
 */
async function insertJson(db: Db, table: typeof calls | typeof attempts, rows: readonly object[]): Promise<void> {
  const columns = Object.entries(getTableColumns(table)).map(([key, column]) => [key, column.name] as const)
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    const json = JSON.stringify(
      rows.slice(i, i + ROWS_PER_INSERT).map((row) => {
        const out: Record<string, unknown> = {}
        for (const [key, name] of columns) out[name] = (row as Record<string, unknown>)[key] ?? null
        return out
      }),
    )
    await db.execute(
      sql`insert into ${table} select * from json_populate_recordset(null::${table}, ${json}::json) on conflict do nothing`,
    )
  }
}

/** One table's rows for `COPY <name> (<columns>) FROM … (FORMAT csv)`. */
export interface CopyTable {
  name: string
  columns: string[]
  csv: string
}

/**
 * A driver's `COPY … FROM` (db.ts has one per driver): writes every table in one transaction,
 * all or nothing. COPY cannot skip a row already stored: a generation id written before fails it
 * with SQLSTATE 23505, and `insertCalls` then takes the INSERT path, which skips it.
 */
export type CopyRows = (tables: readonly CopyTable[]) => Promise<void>

/**
 * One CSV field as Postgres's COPY reads it: an unquoted empty field is NULL, every string is
 * quoted (so an empty string stays one, and commas, quotes and line breaks are data), booleans
 * are `t`/`f`, dates ISO 8601 with their zone.
 */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'boolean') return value ? 't' : 'f'
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : `"${String(value)}"`
  if (value instanceof Date) return value.toISOString()
  return `"${String(value).replaceAll('"', '""')}"`
}

/** A table's rows as CSV in the schema's column order. */
export function copyTable(table: typeof calls | typeof attempts, rows: readonly object[]): CopyTable {
  const columns = Object.entries(getTableColumns(table))
  const lines = rows.map((row) => columns.map(([key]) => csvField((row as Record<string, unknown>)[key])).join(','))
  return {
    name: getTableName(table),
    columns: columns.map(([, column]) => column.name),
    csv: lines.length ? `${lines.join('\n')}\n` : '',
  }
}

/**
 * When a call's `calls` row can stand for its one attempt exactly (`calls.attemptOffsetMs`): the
 * milliseconds from the call's arrival to the attempt's start; else null (the attempt gets a row
 * of its own). Exactly: the attempt did not fail, served the call's provider and model with the
 * caller's status, and its time to headers is the call's minus the offset.
 */
export function foldedAttemptOffset(c: ParsedCall): number | null {
  if (c.attempts.length !== 1) return null
  const a = c.attempts[0]!
  if (a.providerFailure || a.errorClass != null || a.provider !== c.provider || a.model !== c.model) return null
  if ((a.status ?? null) !== c.status) return null
  const offset = a.time === undefined ? 0 : a.time - c.time
  if (offset < 0) return null
  const headers = a.headersMs ?? null
  const ttfb = c.ttfbMs ?? null
  if (headers === null ? ttfb !== null : ttfb === null || ttfb - offset !== headers) return null
  return offset
}

/**
 * Writes a batch of calls and their attempts in one transaction. A generation id already stored
 * is skipped (a retried batch). With `copy`, the rows go in by COPY: about half the database's
 * CPU per row of the INSERT path on PGlite (`npm run bench:store`), which stays the fallback.
 */
export async function insertCalls(db: Db, batch: readonly ParsedCall[], copy?: CopyRows): Promise<void> {
  if (batch.length === 0) return
  const callRows: (typeof calls.$inferInsert)[] = []
  const attemptRows: (typeof attempts.$inferInsert)[] = []
  for (const c of batch) {
    const createdAt = new Date(c.time)
    const attemptOffsetMs = foldedAttemptOffset(c)
    callRows.push({
      id: c.id,
      createdAt,
      keyId: c.keyId,
      model: c.model ?? null,
      router: c.router ?? null,
      variant: c.variant ?? null,
      provider: c.provider ?? null,
      providerModel: c.providerModel ?? null,
      streamed: c.streamed,
      status: c.status,
      errorCode: c.errorCode ?? null,
      ttfbMs: c.ttfbMs ?? null,
      totalMs: c.totalMs,
      promptTokens: c.promptTokens ?? null,
      completionTokens: c.completionTokens ?? null,
      cachedTokens: c.cachedTokens ?? null,
      reasoningTokens: c.reasoningTokens ?? null,
      cost: c.cost ?? null,
      finishReason: c.finishReason ?? null,
      attemptOffsetMs,
    })
    if (attemptOffsetMs === null)
      c.attempts.forEach((a, i) => {
        attemptRows.push({
          generationId: c.id,
          attempt: i + 1,
          createdAt: a.time === undefined ? createdAt : new Date(a.time),
          provider: a.provider,
          model: a.model,
          status: a.status ?? null,
          errorClass: a.errorClass ?? null,
          headersMs: a.headersMs ?? null,
          providerFailure: a.providerFailure,
        })
      })
  }
  if (copy) {
    try {
      await copy([copyTable(calls, callRows), copyTable(attempts, attemptRows)].filter((t) => t.csv !== ''))
      return
    } catch (e) {
      // A generation id already stored (a batch retried after its write succeeded): INSERT skips it.
      if (sqlState(e) !== '23505') throw e
    }
  }
  await db.transaction(async (tx) => {
    await insertJson(tx, calls, callRows)
    await insertJson(tx, attempts, attemptRows)
  })
}

// Measures shared by the window figures and the hourly series.
const okStreamed = sql`${calls.status} = 200 and ${calls.streamed}`
/** Output tokens per second after the first token, for calls where that is defined. */
const tokensPerSecond = sql`case when ${okStreamed} and ${calls.completionTokens} > 0 and ${calls.totalMs} > ${calls.ttfbMs}
  then ${calls.completionTokens} * 1000.0 / (${calls.totalMs} - ${calls.ttfbMs}) end`
const pct = (p: number, measure: SQLWrapper, filter: SQL) =>
  // Percentiles over the same measure and filter share one sort in Postgres.
  sql<
    number | null
  >`percentile_cont(${sql.raw(String(p))}) within group (order by ${measure}::float8) filter (where ${filter})`.mapWith(
    Number,
  )
const ttftFilter = sql`${okStreamed} and ${calls.ttfbMs} is not null`
const tputFilter = sql`${tokensPerSecond} is not null`
const count = sql<number>`count(*)`.mapWith(Number)
/** Attempts that did not fail on the provider's side, and all attempts (rows of `attempts`). */
const attemptCounts = {
  ok: sql<number>`count(*) filter (where not ${attempts.providerFailure})`.mapWith(Number),
  tries: count,
}
/** Calls whose row stands for their one attempt, which did not fail (`calls.attemptOffsetMs`). */
const foldedAttempts = sql<number>`count(*) filter (where ${calls.attemptOffsetMs} is not null)`.mapWith(Number)
/**
 * Uptime: the share of attempts that did not fail on the provider's side, counting the attempts
 * kept in `calls` rows (all successful) with those of `attempts`; null without attempts.
 */
const uptimeOf = (folded: number, ok: number, tries: number) =>
  folded + tries === 0 ? null : (folded + ok) / (folded + tries)

const modelFilter = (column: typeof calls.model | typeof attempts.model, model: string | undefined) =>
  model === undefined ? undefined : eq(column, model)

const percentiles = (
  p50: number | null,
  p75: number | null,
  p90: number | null,
  p99: number | null,
): Percentiles | null => (p50 === null || p75 === null || p90 === null || p99 === null ? null : { p50, p75, p90, p99 })

/**
 * Per endpoint (model × provider) over the last 30 minutes, 24 hours and 7 days: requests,
 * uptime, time to first token, throughput and latency. Endpoints without calls or attempts in a
 * window have no row for it.
 */
export async function endpointStats(db: Db, query: EndpointQuery = {}): Promise<EndpointStats[]> {
  const now = query.now ?? new Date()
  const out: EndpointStats[] = []
  for (const window of WINDOWS) out.push(...(await windowStats(db, window, now, query.model)))
  return out
}

async function windowStats(
  db: Db,
  window: StatsWindow,
  now: Date,
  model: string | undefined,
): Promise<EndpointStats[]> {
  const since = new Date(now.getTime() - WINDOW_MS[window])
  const callRows = await db
    .select({
      model: calls.model,
      provider: calls.provider,
      requests: count,
      ttft50: pct(0.5, calls.ttfbMs, ttftFilter),
      ttft75: pct(0.75, calls.ttfbMs, ttftFilter),
      ttft90: pct(0.9, calls.ttfbMs, ttftFilter),
      ttft99: pct(0.99, calls.ttfbMs, ttftFilter),
      tput50: pct(0.5, tokensPerSecond, tputFilter),
      tput75: pct(0.75, tokensPerSecond, tputFilter),
      tput90: pct(0.9, tokensPerSecond, tputFilter),
      tput99: pct(0.99, tokensPerSecond, tputFilter),
      latency50: pct(0.5, calls.totalMs, sql`${calls.status} = 200`),
      folded: foldedAttempts,
    })
    .from(calls)
    .where(
      and(
        modelFilter(calls.model, model),
        isNotNull(calls.model),
        isNotNull(calls.provider),
        gte(calls.createdAt, since),
        lt(calls.createdAt, now),
      ),
    )
    .groupBy(calls.model, calls.provider)
  const attemptRows = await db
    .select({ model: attempts.model, provider: attempts.provider, ...attemptCounts })
    .from(attempts)
    .where(and(modelFilter(attempts.model, model), gte(attempts.createdAt, since), lt(attempts.createdAt, now)))
    .groupBy(attempts.model, attempts.provider)

  const byEndpoint = new Map<string, EndpointStats>()
  const folded = new Map<string, number>()
  const keyOf = (m: string, p: string) => `${m}\u0000${p}`
  const empty = (m: string, p: string): EndpointStats => ({
    model: m,
    provider: p,
    window,
    requests: 0,
    uptime: null,
    ttftMs: null,
    throughput: null,
    latencyMs: null,
  })
  for (const r of callRows) {
    // Non-null by the WHERE clause.
    const e = empty(r.model!, r.provider!)
    e.requests = r.requests
    e.ttftMs = percentiles(r.ttft50, r.ttft75, r.ttft90, r.ttft99)
    e.throughput = percentiles(r.tput50, r.tput75, r.tput90, r.tput99)
    e.latencyMs = r.latency50 === null ? null : { p50: r.latency50 }
    e.uptime = uptimeOf(r.folded, 0, 0)
    byEndpoint.set(keyOf(e.model, e.provider), e)
    folded.set(keyOf(e.model, e.provider), r.folded)
  }
  for (const r of attemptRows) {
    const k = keyOf(r.model, r.provider)
    const e = byEndpoint.get(k) ?? empty(r.model, r.provider)
    e.uptime = uptimeOf(folded.get(k) ?? 0, r.ok, r.tries)
    byEndpoint.set(k, e)
  }
  return [...byEndpoint.values()].sort((a, b) => a.model.localeCompare(b.model) || a.provider.localeCompare(b.provider))
}

/** UTC hours: `date_bin` does not depend on the session's time zone (date_trunc on timestamptz does). */
const hourOf = (column: SQLWrapper) =>
  sql<number>`extract(epoch from date_bin('1 hour', ${column}, timestamptz '2000-01-01 00:00:00+00'))::float8 * 1000`.mapWith(
    Number,
  )

/** Hour by hour over the last 24 hours, per endpoint: requests, uptime, time to first token p50, throughput p50. */
export async function endpointSeries(db: Db, query: EndpointQuery = {}): Promise<SeriesPoint[]> {
  const now = query.now ?? new Date()
  const since = new Date(now.getTime() - WINDOW_MS['24h'])
  const callHour = hourOf(calls.createdAt)
  const callRows = await db
    .select({
      model: calls.model,
      provider: calls.provider,
      hour: callHour,
      requests: count,
      ttft50: pct(0.5, calls.ttfbMs, ttftFilter),
      tput50: pct(0.5, tokensPerSecond, tputFilter),
      folded: foldedAttempts,
    })
    .from(calls)
    .where(
      and(
        modelFilter(calls.model, query.model),
        isNotNull(calls.model),
        isNotNull(calls.provider),
        gte(calls.createdAt, since),
        lt(calls.createdAt, now),
      ),
    )
    .groupBy(calls.model, calls.provider, callHour)
  const attemptHour = hourOf(attempts.createdAt)
  const attemptRows = await db
    .select({ model: attempts.model, provider: attempts.provider, hour: attemptHour, ...attemptCounts })
    .from(attempts)
    .where(and(modelFilter(attempts.model, query.model), gte(attempts.createdAt, since), lt(attempts.createdAt, now)))
    .groupBy(attempts.model, attempts.provider, attemptHour)

  const points = new Map<string, SeriesPoint>()
  const folded = new Map<string, number>()
  const keyOf = (m: string, p: string, h: number) => `${m}\u0000${p}\u0000${h}`
  const empty = (model: string, provider: string, hour: number): SeriesPoint => ({
    model,
    provider,
    hour: new Date(hour),
    requests: 0,
    uptime: null,
    ttftP50Ms: null,
    throughputP50: null,
  })
  for (const r of callRows) {
    const p = empty(r.model!, r.provider!, r.hour)
    p.requests = r.requests
    p.ttftP50Ms = r.ttft50
    p.throughputP50 = r.tput50
    p.uptime = uptimeOf(r.folded, 0, 0)
    points.set(keyOf(p.model, p.provider, r.hour), p)
    folded.set(keyOf(p.model, p.provider, r.hour), r.folded)
  }
  for (const r of attemptRows) {
    const k = keyOf(r.model, r.provider, r.hour)
    const p = points.get(k) ?? empty(r.model, r.provider, r.hour)
    p.uptime = uptimeOf(folded.get(k) ?? 0, r.ok, r.tries)
    points.set(k, p)
  }
  return [...points.values()].sort(
    (a, b) =>
      a.model.localeCompare(b.model) || a.provider.localeCompare(b.provider) || a.hour.getTime() - b.hour.getTime(),
  )
}

/** Models by successful calls over the last `days` (default 7), most called first, then by id. */
export async function popularModels(db: Db, query: PopularQuery = {}): Promise<PopularModel[]> {
  const now = query.now ?? new Date()
  const since = new Date(now.getTime() - (query.days ?? 7) * 86_400_000)
  const requests = sql<number>`count(*)::int`.mapWith(Number)
  const rows = await db
    .select({ model: calls.model, requests })
    .from(calls)
    .where(and(isNotNull(calls.model), eq(calls.status, 200), gte(calls.createdAt, since), lt(calls.createdAt, now)))
    .groupBy(calls.model)
    .orderBy(sql`count(*) desc`, asc(calls.model))
    .limit(Math.max(1, Math.min(query.limit ?? 10, 100)))
  return rows.map((r) => ({ model: r.model!, requests: r.requests }))
}

/** One stored call with its attempts, when it belongs to `keyId`; null otherwise (another key's id looks like an unknown one). */
export async function generation(db: Db, id: string, keyId: string): Promise<Generation | null> {
  const [row] = await db
    .select()
    .from(calls)
    .where(and(eq(calls.id, id), eq(calls.keyId, keyId)))
  if (!row) return null
  const { createdAt, attemptOffsetMs, ...rest } = row
  if (attemptOffsetMs !== null) {
    // The row stands for the call's one attempt (see `calls.attemptOffsetMs`).
    const attempt = {
      attempt: 1,
      time: new Date(createdAt.getTime() + attemptOffsetMs),
      provider: row.provider!,
      model: row.model!,
      status: row.status,
      errorClass: null,
      headersMs: row.ttfbMs === null ? null : row.ttfbMs - attemptOffsetMs,
      providerFailure: false,
    }
    return { ...rest, time: createdAt, attempts: [attempt] }
  }
  const tries = await db.select().from(attempts).where(eq(attempts.generationId, id)).orderBy(asc(attempts.attempt))
  return {
    ...rest,
    time: createdAt,
    attempts: tries.map(({ generationId: _, createdAt: time, ...a }) => ({ ...a, time })),
  }
}

/** A caller's requests, tokens and cost over `[from, to)`, grouped by UTC day, model or provider, with the total. */
export async function usage(db: Db, q: UsageQuery): Promise<UsageReport> {
  const key: SQL =
    q.groupBy === 'day'
      ? sql`to_char(${calls.createdAt} at time zone 'UTC', 'YYYY-MM-DD')`
      : q.groupBy === 'model'
        ? sql`${calls.model}`
        : sql`${calls.provider}`
  const sum = (column: SQLWrapper) => sql<number>`coalesce(sum(${column}), 0)`.mapWith(Number)
  // One statement (GROUPING SETS) so the groups and the total come from the same snapshot.
  const rows = await db
    .select({
      key: sql<string | null>`${key}`,
      isTotal: sql<number>`grouping(${key})`.mapWith(Number),
      requests: count,
      promptTokens: sum(calls.promptTokens),
      completionTokens: sum(calls.completionTokens),
      cachedTokens: sum(calls.cachedTokens),
      reasoningTokens: sum(calls.reasoningTokens),
      cost: sql<string>`coalesce(sum(${calls.cost}), 0)::text`,
    })
    .from(calls)
    .where(and(eq(calls.keyId, q.keyId), gte(calls.createdAt, q.from), lt(calls.createdAt, q.to)))
    .groupBy(sql`grouping sets ((${key}), ())`)
    .orderBy(sql`2 desc, 1 asc nulls last`)
  const zero = { requests: 0, promptTokens: 0, completionTokens: 0, cachedTokens: 0, reasoningTokens: 0, cost: '0' }
  const totalRow = rows.find((r) => r.isTotal === 1)
  const strip = ({ isTotal: _, key: __, ...figures }: (typeof rows)[number]) => figures
  return {
    groupBy: q.groupBy,
    rows: rows.filter((r) => r.isTotal === 0).map((r) => ({ key: r.key, ...strip(r) })),
    total: totalRow ? strip(totalRow) : zero,
  }
}

/** Rows deleted per statement: bounded, so a first prune after a long pause does not hold the database (or PGlite's thread) for long. */
const PRUNE_CHUNK = 10_000

/** Deletes calls and attempts older than `olderThan`, in chunks. */
export async function prune(db: Db, olderThan: Date): Promise<PruneResult> {
  const deleted: PruneResult = { calls: 0, attempts: 0 }
  for (const [name, table] of [
    ['calls', calls],
    ['attempts', attempts],
  ] as const) {
    for (;;) {
      const rows = await db
        .delete(table)
        .where(
          sql`ctid in (select ctid from ${table} where ${table.createdAt} < ${olderThan.toISOString()}::timestamptz limit ${sql.raw(String(PRUNE_CHUNK))})`,
        )
        .returning({ one: sql<number>`1` })
      deleted[name] += rows.length
      if (rows.length < PRUNE_CHUNK) break
    }
  }
  return deleted
}
