/**
 * What the usage store takes in and gives back. The proxy builds `CallRecord`s in code, so they
 * are checked when a batch is written (off the call's path), not in `record()`.
 */
import { z } from 'zod'

/** Postgres `integer`: larger values would fail the whole batch's INSERT. */
const INT4_MAX = 2_147_483_647
const count = z.number().int().nonnegative().max(INT4_MAX)
const ms = z.number().int().nonnegative().max(INT4_MAX)
/**
 * Text as Postgres takes it: no NUL character (it refuses those, failing the whole batch), and
 * bounded (an upstream's finish reason is not ours to trust).
 */
const text = z
  .string()
  .min(1)
  .max(500)
  .refine((s) => !s.includes('\u0000'), 'contains a NUL character')
/**
 * Epoch milliseconds (what `Date.now()` returns): cheap to make on the hot path and to copy to a
 * worker. Up to the year 9999 (a later one is not a valid `Date` to write).
 */
const epochMs = z.number().int().nonnegative().max(253_402_300_799_999)

/** A USD amount as an exact decimal: `"0.000123"`, or the number the proxy puts in `usage.cost` (its JSON form is kept). */
export const decimalSchema = z.union([
  z
    .string()
    .max(100)
    .regex(/^-?\d+(\.\d+)?([eE][-+]?\d{1,3})?$/, 'expected a decimal number such as "0.000123"'),
  z
    .number()
    .refine(Number.isFinite, 'expected a finite number')
    .transform((n) => String(n)),
])

/** One upstream attempt of a call. */
export const attemptRecordSchema = z.object({
  provider: text,
  /** Catalog model id tried. */
  model: text,
  /** When the attempt started (epoch ms); the call's time when omitted. */
  time: epochMs.optional(),
  /** The provider's HTTP status, when it answered. */
  status: z.number().int().min(100).max(599).nullish(),
  /** Why it failed when it did not answer: `timeout`, `connection`, `invalid_response`, … */
  errorClass: text.nullish(),
  /** Milliseconds from the attempt's start to the response headers. */
  headersMs: ms.nullish(),
  /** True when the failure was the provider's (5xx, 429, timeout, connection); false when it answered or the request was at fault. */
  providerFailure: z.boolean(),
})
export type AttemptRecord = z.input<typeof attemptRecordSchema>

/** One call through the proxy, as `UsageStore.record()` takes it. Never prompt or completion text, never a key. */
export const callRecordSchema = z.object({
  /** The generation id the caller received (`gen-…`). */
  id: text,
  /** When the call arrived (epoch ms). */
  time: epochMs,
  /** The caller's key id (a hash); null when no valid key was sent. */
  keyId: text.nullable(),
  /** The model that served the call, or the requested one. */
  model: text.nullish(),
  router: text.nullish(),
  variant: text.nullish(),
  provider: text.nullish(),
  /** The provider's own id for the model. */
  providerModel: text.nullish(),
  streamed: z.boolean(),
  /** The final HTTP status the caller saw. */
  status: z.number().int().min(100).max(599),
  errorCode: text.nullish(),
  /** Milliseconds from arrival to the serving provider's response headers. */
  ttfbMs: ms.nullish(),
  /** Milliseconds from arrival to the end of the response. */
  totalMs: ms,
  promptTokens: count.nullish(),
  completionTokens: count.nullish(),
  cachedTokens: count.nullish(),
  reasoningTokens: count.nullish(),
  /** USD, exact: the same figure as the response's `usage.cost`. */
  cost: decimalSchema.nullish(),
  finishReason: text.nullish(),
  attempts: z.array(attemptRecordSchema).max(100).default([]),
})
export type CallRecord = z.input<typeof callRecordSchema>
export type ParsedCall = z.output<typeof callRecordSchema>

/** Percentiles of a measure over a window; null when there was nothing to measure. */
const percentilesSchema = z.object({ p50: z.number(), p75: z.number(), p90: z.number(), p99: z.number() })
export type Percentiles = z.infer<typeof percentilesSchema>

export const WINDOWS = ['30m', '24h', '7d'] as const
export const windowSchema = z.enum(WINDOWS)
export type StatsWindow = z.infer<typeof windowSchema>
/** Window lengths in milliseconds. */
export const WINDOW_MS: Record<StatsWindow, number> = {
  '30m': 30 * 60_000,
  '24h': 24 * 3_600_000,
  '7d': 7 * 86_400_000,
}

/** One endpoint's (model × provider) figures over one window. */
export const endpointStatsSchema = z.object({
  model: z.string(),
  provider: z.string(),
  window: windowSchema,
  /** Calls the endpoint served (any final status). */
  requests: z.number().int(),
  /** Share (0–1) of attempts that did not fail on the provider's side; null without attempts. */
  uptime: z.number().nullable(),
  /** Time to first token, ms, over successful streamed calls. */
  ttftMs: percentilesSchema.nullable(),
  /** Output tokens per second after the first token, over successful streamed calls with tokens. */
  throughput: percentilesSchema.nullable(),
  /** Total time, ms, over successful calls. */
  latencyMs: z.object({ p50: z.number() }).nullable(),
})
export type EndpointStats = z.infer<typeof endpointStatsSchema>

/** One hour of one endpoint, for a small chart of the last 24 hours. */
export const seriesPointSchema = z.object({
  model: z.string(),
  provider: z.string(),
  /** Start of the hour (UTC). */
  hour: z.date(),
  requests: z.number().int(),
  uptime: z.number().nullable(),
  ttftP50Ms: z.number().nullable(),
  throughputP50: z.number().nullable(),
})
export type SeriesPoint = z.infer<typeof seriesPointSchema>

export const attemptSchema = z.object({
  attempt: z.number().int(),
  time: z.date(),
  provider: z.string(),
  model: z.string(),
  status: z.number().int().nullable(),
  errorClass: z.string().nullable(),
  headersMs: z.number().int().nullable(),
  providerFailure: z.boolean(),
})

/** A stored call as `generation()` returns it. */
export const generationSchema = z.object({
  id: z.string(),
  time: z.date(),
  keyId: z.string().nullable(),
  model: z.string().nullable(),
  router: z.string().nullable(),
  variant: z.string().nullable(),
  provider: z.string().nullable(),
  providerModel: z.string().nullable(),
  streamed: z.boolean(),
  status: z.number().int(),
  errorCode: z.string().nullable(),
  ttfbMs: z.number().int().nullable(),
  totalMs: z.number().int(),
  promptTokens: z.number().int().nullable(),
  completionTokens: z.number().int().nullable(),
  cachedTokens: z.number().int().nullable(),
  reasoningTokens: z.number().int().nullable(),
  /** USD as an exact decimal string. */
  cost: z.string().nullable(),
  finishReason: z.string().nullable(),
  attempts: z.array(attemptSchema),
})
export type Generation = z.infer<typeof generationSchema>

export const usageGroupBySchema = z.enum(['day', 'model', 'provider'])
export type UsageGroupBy = z.infer<typeof usageGroupBySchema>

const usageFiguresSchema = z.object({
  requests: z.number().int(),
  promptTokens: z.number().int(),
  completionTokens: z.number().int(),
  cachedTokens: z.number().int(),
  reasoningTokens: z.number().int(),
  /** USD as an exact decimal string, summed in SQL `numeric`. */
  cost: z.string(),
})
export type UsageFigures = z.infer<typeof usageFiguresSchema>

/** A caller's usage over `[from, to)`, grouped; `total` is the sum of every call in the range. */
export const usageReportSchema = z.object({
  groupBy: usageGroupBySchema,
  rows: z.array(
    usageFiguresSchema.extend({
      /** `YYYY-MM-DD` (UTC) for day, else the model or provider id; null for calls that had none. */
      key: z.string().nullable(),
    }),
  ),
  total: usageFiguresSchema,
})
export type UsageReport = z.infer<typeof usageReportSchema>

export const usageQuerySchema = z.object({
  keyId: z.string().min(1),
  from: z.date(),
  to: z.date(),
  groupBy: usageGroupBySchema,
})
export type UsageQuery = z.infer<typeof usageQuerySchema>

/** The models most called through this site: successful calls per model over the last `days`. */
export interface PopularQuery {
  /** Days back from `now` (default 7). */
  days?: number
  /** Most models returned (default 10). */
  limit?: number
  /** The end of the window (tests); the current time when omitted. */
  now?: Date
}
export interface PopularModel {
  model: string
  requests: number
}

export interface EndpointQuery {
  /** Only this model's endpoints; every model's when omitted. */
  model?: string
  /** The end of the windows (tests); the current time when omitted. */
  now?: Date
}

export interface PruneResult {
  calls: number
  attempts: number
}
