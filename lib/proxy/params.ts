/**
 * The upstream request body for one endpoint: the provider's own model id, parameters the
 * model does not support dropped (or rejected under `provider.require_parameters`), and
 * `max_tokens` above the endpoint's limit clamped (or rejected).
 *
 * Policy, documented in the README: unsupported parameters are dropped and listed in the
 * `x-dropped-params` header; with `require_parameters: true` they are a 400 instead. A
 * `max_tokens`/`max_completion_tokens` above the endpoint's max output is clamped to it and
 * listed in `x-clamped-params`; with `require_parameters: true` it is a 400. A model with no
 * parameter list in the catalog passes every parameter through (we do not know better).
 */

import { badRequest } from './errors'
import type { Candidate } from './routing'
import type { ChatRequest } from './schema'
import { CORE_FIELDS, PROXY_ONLY_FIELDS } from './schema'

export interface PreparedBody {
  body: Record<string, unknown>
  dropped: string[]
  clamped: string[]
}

/** Parameters implied by others: a model listing `max_tokens` also takes `max_completion_tokens`. */
const EQUIVALENT: Record<string, string[]> = {
  max_tokens: ['max_completion_tokens'],
  max_completion_tokens: ['max_tokens'],
  logprobs: ['top_logprobs'],
  tools: ['parallel_tool_calls'],
  // OpenRouter lists `reasoning` (its object); OpenAI-compatible APIs take `reasoning_effort`.
  reasoning: ['reasoning_effort'],
  reasoning_effort: ['reasoning'],
}

export function prepareBody(
  request: ChatRequest,
  candidate: Candidate,
  { wantUsage }: { wantUsage: boolean },
): PreparedBody {
  const strict = request.provider?.require_parameters === true
  const supported = new Set(candidate.model.parameters.map((p) => p.name))
  for (const name of [...supported]) for (const eq of EQUIVALENT[name] ?? []) supported.add(eq)
  const checkParams = supported.size > 0

  const body: Record<string, unknown> = {}
  const dropped: string[] = []
  const clamped: string[] = []
  for (const [key, value] of Object.entries(request)) {
    if ((PROXY_ONLY_FIELDS as readonly string[]).includes(key)) continue
    if (value === undefined) continue
    if (checkParams && !(CORE_FIELDS as readonly string[]).includes(key) && !supported.has(key)) {
      if (strict)
        throw badRequest(
          `Parameter '${key}' is not supported by ${candidate.model.id} (provider.require_parameters is set)`,
          key,
          'unsupported_parameter',
        )
      dropped.push(key)
      continue
    }
    body[key] = value
  }
  body.model = candidate.endpoint.modelId
  // A router variant's defaults fill in what the caller left unset.
  for (const [key, value] of Object.entries(candidate.target?.defaults ?? {})) {
    if (body[key] === undefined && value !== undefined) body[key] = value
  }

  const limit = candidate.endpoint.maxOutputTokens ?? candidate.model.maxOutputTokens
  for (const key of ['max_tokens', 'max_completion_tokens'] as const) {
    const v = body[key]
    if (typeof v === 'number' && limit !== undefined && v > limit) {
      if (strict)
        throw badRequest(
          `'${key}' is ${v}, above ${candidate.model.id}'s maximum output of ${limit} tokens`,
          key,
          'max_tokens_too_large',
        )
      body[key] = limit
      clamped.push(`${key}=${limit}`)
    }
  }

  // Streams always ask for usage so every call can be priced; the stream strips it again
  // when the caller did not ask for it.
  if (body.stream === true && wantUsage) {
    const opts = (body.stream_options ?? {}) as Record<string, unknown>
    body.stream_options = { ...opts, include_usage: true }
  }
  return { body, dropped, clamped }
}
