/**
 * The caller's own records, from the usage store: `GET /api/v1/generation?id=` (one call, by the
 * `id` of its completion) and `GET /api/v1/usage?from=&to=&group_by=` (requests, tokens and
 * exact cost over a range). Both need the caller's key and show only that key's calls.
 * Framework-free, like the chat handler: a request in, a `ProxyResult` out.
 */
import { z } from 'zod'

import type { Generation, UsageFigures, UsageStore } from '@/lib/store'

import type { ProxyResult } from './errors'
import { badRequest, errorResult, jsonResult, ProxyError } from './errors'
import type { ProxyDeps, ProxyRequest } from './handler'
import { authenticate, keyRegistry } from './handler'
import { budgetsBody } from './key-api'
import { describeIssue } from './schema'

type ApiRequest = Pick<ProxyRequest, 'headers' | 'clientAddress'>

/** Answers with the error a thrown `ProxyError` describes. */
async function answer(run: () => Promise<ProxyResult>): Promise<ProxyResult> {
  try {
    return await run()
  } catch (e) {
    if (e instanceof ProxyError) return errorResult(e)
    console.error('usage api: unexpected error', e instanceof Error ? e.message : e)
    return errorResult(new ProxyError(500, 'Internal error.', 'api_error', 'internal_error'))
  }
}

async function keyId(request: ApiRequest, deps: ProxyDeps): Promise<string> {
  return (await authenticate(request, deps)).id
}

const storeUnavailable = () =>
  new ProxyError(503, 'The usage store is not available on this server.', 'api_error', 'usage_store_unavailable')

/** A decimal string as a JSON number that prints as the same decimal (as `usage.cost` does). */
const money = (decimal: string | null) => (decimal === null ? null : Number(decimal))

function generationBody(g: Generation) {
  return {
    id: g.id,
    created_at: g.time.toISOString(),
    model: g.model,
    router: g.router,
    variant: g.variant,
    provider: g.provider,
    provider_model: g.providerModel,
    streamed: g.streamed,
    status: g.status,
    error_code: g.errorCode,
    finish_reason: g.finishReason,
    tokens_prompt: g.promptTokens,
    tokens_completion: g.completionTokens,
    tokens_cached: g.cachedTokens,
    tokens_reasoning: g.reasoningTokens,
    total_cost: money(g.cost),
    /** ms from the call's arrival to its end. */
    latency: g.totalMs,
    /** ms from the call's arrival to the serving provider's response headers. */
    time_to_first_byte: g.ttfbMs,
    attempts: g.attempts.map((a) => ({
      provider: a.provider,
      model: a.model,
      created_at: a.time.toISOString(),
      status: a.status,
      error_class: a.errorClass,
      headers_ms: a.headersMs,
      provider_failure: a.providerFailure,
    })),
  }
}

export function serveGeneration(
  request: ApiRequest,
  deps: ProxyDeps,
  store: UsageStore | undefined,
  params: URLSearchParams,
): Promise<ProxyResult> {
  return answer(async () => {
    const key = await keyId(request, deps)
    const id = params.get('id')
    if (!id) throw badRequest("Give the generation's id: ?id=gen-…", 'id')
    if (id.length > 200) throw badRequest('id must be at most 200 characters.', 'id')
    if (!store) throw storeUnavailable()
    const found = store.mode === 'off' ? null : await store.generation(id, key)
    if (!found)
      throw new ProxyError(
        404,
        store.mode === 'off'
          ? 'This server keeps no call records (USAGE_STORE=off).'
          : 'No call of this key has that id.',
        'invalid_request_error',
        'not_found',
        'id',
      )
    return jsonResult(200, { data: generationBody(found) })
  })
}

const DAY_MS = 86_400_000
const date = z.iso
  .datetime({ offset: true })
  .or(z.iso.date())
  .transform((s) => new Date(s))
const usageParams = z
  .object({
    from: date.optional(),
    to: date.optional(),
    group_by: z.enum(['day', 'model', 'provider']).default('day'),
  })
  .transform((p) => {
    const to = p.to ?? new Date()
    return { ...p, to, from: p.from ?? new Date(to.getTime() - 30 * DAY_MS) }
  })
  .refine((p) => p.from < p.to, { message: 'from must be before to', path: ['from'] })
  .refine((p) => p.to.getTime() - p.from.getTime() <= 366 * DAY_MS, {
    message: 'the range may span at most 366 days',
    path: ['from'],
  })

const figures = (f: UsageFigures) => ({
  requests: f.requests,
  prompt_tokens: f.promptTokens,
  completion_tokens: f.completionTokens,
  cached_tokens: f.cachedTokens,
  reasoning_tokens: f.reasoningTokens,
  cost: money(f.cost),
})

export function serveUsage(
  request: ApiRequest,
  deps: ProxyDeps,
  store: UsageStore | undefined,
  params: URLSearchParams,
): Promise<ProxyResult> {
  return answer(async () => {
    const caller = await authenticate(request, deps)
    const key = caller.id
    const parsed = usageParams.safeParse(Object.fromEntries(params))
    if (!parsed.success) {
      const { message, param } = describeIssue(parsed.error)
      throw badRequest(message, param)
    }
    const { from, to, group_by } = parsed.data
    if (!store) throw storeUnavailable()
    const report = await store.usage({ keyId: key, from, to, groupBy: group_by })
    return jsonResult(200, {
      data: {
        from: from.toISOString(),
        to: to.toISOString(),
        group_by,
        recorded: store.mode !== 'off',
        total: figures(report.total),
        // Spend against each of the key's budgets now (today, this month), whatever the range.
        budgets: budgetsBody(keyRegistry(deps).budgets(caller)),
        rows: report.rows.map((r) => ({ key: r.key, ...figures(r) })),
      },
    })
  })
}
