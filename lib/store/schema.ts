/**
 * The usage store's tables, in Postgres dialect: the same schema serves PGlite (embedded) and a
 * PostgreSQL server. Changing it means `npm run db:generate` (drizzle-kit writes a new SQL file
 * under lib/store/migrations) and committing that file; migrations are applied at start.
 *
 * Never stored: prompt or completion text, caller keys, provider keys.
 */
import { boolean, index, integer, numeric, pgTable, primaryKey, smallint, text, timestamp } from 'drizzle-orm/pg-core'

const time = (name: string) => timestamp(name, { withTimezone: true, precision: 3, mode: 'date' })

/** One row per call through the proxy. */
export const calls = pgTable(
  'calls',
  {
    /** The generation id the caller received (`gen-…`). */
    id: text('id').primaryKey(),
    /** When the call arrived. */
    createdAt: time('created_at').notNull(),
    /** The caller's key id (a truncated SHA-256 of the key, never the key); null when no valid key was sent. */
    keyId: text('key_id'),
    /** The catalog model that served the call, or the requested one when none did. */
    model: text('model'),
    /** Router id and variant when the request named a router. */
    router: text('router'),
    variant: text('variant'),
    /** The provider that served the call and its own id for the model. */
    provider: text('provider'),
    providerModel: text('provider_model'),
    streamed: boolean('streamed').notNull(),
    /** Final HTTP status the caller saw (499 when the caller left). */
    status: smallint('status').notNull(),
    /** The proxy's error code (`rate_limit_exceeded`, `upstream_error`, …) when the call failed. */
    errorCode: text('error_code'),
    /** Milliseconds from arrival to the serving provider's response headers. */
    ttfbMs: integer('ttfb_ms'),
    /** Milliseconds from arrival to the last byte sent. */
    totalMs: integer('total_ms').notNull(),
    promptTokens: integer('prompt_tokens'),
    completionTokens: integer('completion_tokens'),
    cachedTokens: integer('cached_tokens'),
    reasoningTokens: integer('reasoning_tokens'),
    /** USD, exact (the same decimal as the response's `usage.cost`); read back as a string. */
    cost: numeric('cost'),
    finishReason: text('finish_reason'),
    /**
     * Set when this row also stands for the call's one attempt, which then has no row in
     * `attempts` (most calls: the first provider tried answered, without failing, with the
     * status the caller got): milliseconds from the call's arrival to that attempt's start. The
     * attempt's provider, model and status are the call's; its time to headers is `ttfb_ms`
     * minus this. Null: the call's attempts (none, several, or one that failed) are rows of
     * `attempts`. Half the rows to write for most calls.
     */
    attemptOffsetMs: integer('attempt_offset_ms'),
  },
  (t) => [
    // Endpoint figures: one model's providers over a time window.
    index('calls_model_provider_created_at_idx').on(t.model, t.provider, t.createdAt),
    // A caller's usage over a range.
    index('calls_key_id_created_at_idx').on(t.keyId, t.createdAt),
    // Retention.
    index('calls_created_at_idx').on(t.createdAt),
  ],
)

/**
 * One row per upstream attempt of a call (failover makes several), for uptime per provider;
 * a call's single successful attempt is kept in its `calls` row instead (`attempt_offset_ms`).
 */
export const attempts = pgTable(
  'attempts',
  {
    /** The call's generation id (`calls.id`). No foreign key: both tables are pruned by time. */
    generationId: text('generation_id').notNull(),
    /** 1 for the first provider tried, 2 for the next, … */
    attempt: smallint('attempt').notNull(),
    createdAt: time('created_at').notNull(),
    provider: text('provider').notNull(),
    model: text('model').notNull(),
    /** The provider's HTTP status, when it answered. */
    status: smallint('status'),
    /** Why it failed when it did not answer with a status: `timeout`, `connection`, `invalid_response`, … */
    errorClass: text('error_class'),
    /** Milliseconds from the attempt's start to the provider's response headers. */
    headersMs: integer('headers_ms'),
    /** True when the failure was the provider's (5xx, timeout, connection), false when it answered or the request was at fault. */
    providerFailure: boolean('provider_failure').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.generationId, t.attempt] }),
    index('attempts_model_provider_created_at_idx').on(t.model, t.provider, t.createdAt),
    index('attempts_created_at_idx').on(t.createdAt),
  ],
)

/**
 * Caller keys managed with `npm run keys` (issue #17), beside the fixed ones of `CHAT_PROXY_KEYS`.
 * Only a hash of each key is kept: the key itself is printed once, when it is created.
 */
export const apiKeys = pgTable('api_keys', {
  /** The key id the rest of the store uses (`calls.key_id`): the first 12 hex digits of the key's SHA-256. */
  id: text('id').primaryKey(),
  /** The key's whole SHA-256, hex: what a presented key is looked up by. */
  hash: text('hash').notNull().unique(),
  /** A name people use in the CLI and see in `/api/v1/key`; unique. */
  name: text('name').notNull().unique(),
  /** Requests per minute; null: the server's default (`CHAT_PROXY_RATE_LIMIT`); 0: no limit. */
  rpm: integer('rpm'),
  /** Tokens (prompt + completion) per minute; null: no limit. */
  tpm: integer('tpm'),
  /** USD per UTC day; null: no budget. */
  budgetDay: numeric('budget_day'),
  /** USD per UTC calendar month; null: no budget. */
  budgetMonth: numeric('budget_month'),
  /** Model ids, vendors (`openai`) or routers (`router/x`) the key may call; null: any. */
  allowedModels: text('allowed_models').array(),
  /** After this instant the key is refused; null: never. */
  expiresAt: time('expires_at'),
  /** When it was revoked; a revoked key is refused. */
  revokedAt: time('revoked_at'),
  createdAt: time('created_at').notNull(),
  updatedAt: time('updated_at').notNull(),
})
