/**
 * The incoming chat-completions request (OpenAI's shape plus OpenRouter's routing fields).
 * Known fields are type-checked; unknown fields pass through to the provider when the model
 * supports them (see params.ts). Loose on purpose: the OpenAI API grows faster than we do.
 */
import { z } from 'zod'

const contentPart = z.looseObject({ type: z.string() })

export const messageSchema = z.looseObject({
  role: z.enum(['system', 'developer', 'user', 'assistant', 'tool', 'function']),
  content: z.union([z.string(), z.array(contentPart), z.null()]).optional(),
  name: z.string().optional(),
  tool_call_id: z.string().optional(),
  tool_calls: z.array(z.looseObject({})).optional(),
})

/**
 * The longest model, router or provider name accepted. Names are looked up (and a missing one
 * is matched against the catalog for "did you mean"), so their length bounds that work; the
 * longest id in the catalog is well under 100 characters.
 */
export const MAX_NAME_LENGTH = 256
const name = z
  .string()
  .min(1, 'must not be empty')
  .max(MAX_NAME_LENGTH, `must be at most ${MAX_NAME_LENGTH} characters`)
const providerList = z.array(name).max(64, 'must list at most 64 providers')

export const providerPrefsSchema = z.strictObject({
  /** Provider ids to try first, in this order. */
  order: providerList.optional(),
  /** Only these providers. */
  only: providerList.optional(),
  /** Never these providers. */
  ignore: providerList.optional(),
  /** Try further providers when one fails (default true). */
  allow_fallbacks: z.boolean().optional(),
  /** Reject (400) instead of dropping parameters the model does not support. */
  require_parameters: z.boolean().optional(),
  /** How to order candidates: by price (the default), or by the latency or throughput this instance measured recently. */
  sort: z.enum(['price', 'latency', 'throughput']).optional(),
})
export type ProviderPrefs = z.infer<typeof providerPrefsSchema>

const tokenCount = z.number().int('must be a whole number').positive('must be positive')

export const chatRequestSchema = z.looseObject({
  model: z.string().min(1, 'model is required').max(MAX_NAME_LENGTH, `must be at most ${MAX_NAME_LENGTH} characters`),
  messages: z.array(messageSchema).min(1, 'messages must not be empty'),
  stream: z.boolean().optional(),
  stream_options: z.looseObject({ include_usage: z.boolean().optional() }).nullish(),
  max_tokens: tokenCount.nullish(),
  max_completion_tokens: tokenCount.nullish(),
  temperature: z.number().min(0).max(2).nullish(),
  top_p: z.number().min(0).max(1).nullish(),
  n: z.number().int().min(1).max(128).nullish(),
  presence_penalty: z.number().min(-2).max(2).nullish(),
  frequency_penalty: z.number().min(-2).max(2).nullish(),
  seed: z.number().int().nullish(),
  stop: z.union([z.string(), z.array(z.string()).max(4)]).nullish(),
  tools: z.array(z.looseObject({ type: z.string() })).nullish(),
  response_format: z.looseObject({ type: z.string() }).nullish(),
  provider: providerPrefsSchema.optional(),
  /** OpenRouter-style fallback models, tried in order after `model`. */
  models: z.array(name).max(10).optional(),
})
export type ChatRequest = z.infer<typeof chatRequestSchema>

/** Fields that are the proxy's own and never go upstream. */
export const PROXY_ONLY_FIELDS = ['provider', 'models', 'route', 'transforms'] as const
/** Fields every chat endpoint takes, whatever its parameter list says. */
export const CORE_FIELDS = ['model', 'messages', 'stream', 'stream_options', 'user'] as const

/** The usage object of a response (loose: providers add their own details). */
export const usageSchema = z.looseObject({
  prompt_tokens: z.number().int().nonnegative(),
  completion_tokens: z.number().int().nonnegative(),
  total_tokens: z.number().int().nonnegative().optional(),
  prompt_tokens_details: z.looseObject({ cached_tokens: z.number().int().nonnegative().nullish() }).nullish(),
  completion_tokens_details: z.looseObject({ reasoning_tokens: z.number().int().nonnegative().nullish() }).nullish(),
})
export type UpstreamUsage = z.infer<typeof usageSchema>

/** An upstream error body: deliberately loose (providers differ). */
export const upstreamErrorSchema = z.looseObject({
  error: z.union([
    z.string(),
    z.looseObject({
      message: z.string().optional(),
      type: z.string().nullish(),
      code: z.union([z.string(), z.number()]).nullish(),
    }),
  ]),
})

/** Zod issues → one readable sentence naming the field. */
export function describeIssue(error: z.ZodError): { message: string; param: string | null } {
  const issue = error.issues[0]
  if (!issue) return { message: 'Invalid request body', param: null }
  // Both can carry the caller's own text (an unknown key's name): bounded, never echoed whole.
  const param = issue.path.length ? clip(issue.path.join('.'), 100) : null
  const message = clip(issue.message, 300)
  return { message: param ? `Invalid value for '${param}': ${message}` : message, param }
}

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text)
