/**
 * Server configuration from the environment, validated with zod. Read on the server only; the
 * proxy reads it once per process (the environment does not change under a running server).
 */
import { z } from 'zod'

const positiveInt = (fallback: number) =>
  z
    .string()
    .optional()
    .transform((s, ctx) => {
      if (s === undefined || s.trim() === '') return fallback
      const n = Number(s)
      if (!Number.isInteger(n) || n < 0) {
        ctx.addIssue({ code: 'custom', message: `expected a whole number ≥ 0, got "${s}"` })
        return z.NEVER
      }
      return n
    })

export const DEFAULT_RATE_LIMIT = 60
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024

const envSchema = z.object({
  /** Comma-separated caller keys; unset means the proxy is not configured (503). */
  CHAT_PROXY_KEYS: z
    .string()
    .optional()
    .transform((s) =>
      s === undefined
        ? undefined
        : s
            .split(',')
            .map((k) => k.trim())
            .filter(Boolean),
    ),
  /** Requests per minute per caller key; 0 turns limiting off. */
  CHAT_PROXY_RATE_LIMIT: positiveInt(DEFAULT_RATE_LIMIT),
  /** Request body limit in bytes. */
  CHAT_PROXY_MAX_BODY_BYTES: positiveInt(DEFAULT_MAX_BODY_BYTES),
  /** Milliseconds to wait for an upstream's response headers (connect + first byte). */
  CHAT_PROXY_FIRST_BYTE_TIMEOUT_MS: positiveInt(30_000),
  /** Milliseconds a stream may stay silent between chunks. */
  CHAT_PROXY_IDLE_TIMEOUT_MS: positiveInt(60_000),
  /** Milliseconds a caller has to send the whole request body (408 after). */
  CHAT_PROXY_BODY_TIMEOUT_MS: positiveInt(30_000),
  /** Failed authentications per minute per client address before it gets 429s; 0 turns throttling off. */
  CHAT_PROXY_AUTH_FAILURES_PER_MINUTE: positiveInt(30),
  /** On SIGTERM, milliseconds calls in flight get to finish before they are ended (`server_shutting_down`). */
  CHAT_PROXY_SHUTDOWN_GRACE_MS: positiveInt(25_000),
  /** Most providers tried per model of a call (failover included); fallback models get their own. */
  CHAT_PROXY_MAX_ATTEMPTS: positiveInt(3),
  /** `redis://…`: requests and tokens per minute shared by every instance; unset: counted in this process. */
  REDIS_URL: z
    .string()
    .optional()
    .transform((s) => (s?.trim() ? s.trim() : undefined))
    .refine((s) => s === undefined || /^rediss?:\/\//.test(s), 'expected a redis:// or rediss:// URL'),
  /** Longest Retry-After (ms) the proxy will wait before retrying a rate-limited provider. */
  CHAT_PROXY_MAX_RETRY_AFTER_MS: positiveInt(2_000),
})

export type ProxyEnv = z.infer<typeof envSchema> & {
  /** `<PROVIDER>_API_KEY` for a provider id. */
  providerKey(providerId: string): string | undefined
  /** `<PROVIDER>_BASE_URL` for a provider id. */
  providerBaseUrl(providerId: string): string | undefined
}

/** `together-ai` → `TOGETHER_AI`, `x.ai` → `X_AI`. */
export function envPrefix(providerId: string): string {
  return providerId.toUpperCase().replace(/[^A-Z0-9]+/g, '_')
}

export function parseEnv(env: Record<string, string | undefined>): ProxyEnv {
  const parsed = envSchema.safeParse(env)
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
    throw new Error(`Invalid proxy configuration: ${detail}`)
  }
  const nonEmpty = (v: string | undefined) => (v?.trim() ? v.trim() : undefined)
  // Read once per provider, like the rest of the configuration: the proxy asks on every call,
  // and each read of process.env is a call into the runtime.
  const read = (suffix: string) => {
    const seen = new Map<string, string | undefined>()
    return (id: string) => {
      if (!seen.has(id)) seen.set(id, nonEmpty(env[`${envPrefix(id)}${suffix}`]))
      return seen.get(id)
    }
  }
  return { ...parsed.data, providerKey: read('_API_KEY'), providerBaseUrl: read('_BASE_URL') }
}
