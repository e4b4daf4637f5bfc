/**
 * Forwarding one validated call to its providers, in order, with failover: the first provider
 * that answers in time serves it. Every wait is bounded: the first byte by
 * CHAT_PROXY_FIRST_BYTE_TIMEOUT_MS, a body (streamed or not) by CHAT_PROXY_IDLE_TIMEOUT_MS of
 * silence, the number of providers by CHAT_PROXY_MAX_ATTEMPTS per model.
 */
import type { ProxyEnv } from '@/lib/env'
import type { AttemptRecord } from '@/lib/store/types'

import type { ProxyResult } from './errors'
import { errorResult, jsonResult, ProxyError } from './errors'
import type { HealthTracker } from './health'
import { prepareBody } from './params'
import type { Candidate } from './routing'
import type { ChatRequest, UpstreamUsage } from './schema'
import { upstreamErrorSchema, usageSchema } from './schema'
import type { CallerSignal } from './signal'
import { transformStream } from './stream'
import type { UpstreamCall, UpstreamResponse } from './upstream'
import { readText, UpstreamReadError } from './upstream'
import { usageCost } from './usage'

/** The largest upstream JSON answer read (a chat completion is a few KB; this is a bound, not a tuning). */
const MAX_UPSTREAM_BODY_BYTES = 16 * 1024 * 1024
/** The most of an upstream error body read to find its message. */
const MAX_UPSTREAM_ERROR_BYTES = 64 * 1024

export interface ForwardContext {
  env: ProxyEnv
  call: UpstreamCall
  /** The caller going away. */
  signal: CallerSignal
  /** The server shutting down: calls still running are ended with `server_shutting_down`. */
  closing?: CallerSignal
  /** Receives each attempt's outcome (for measured routing and cool-downs). */
  health?: HealthTracker
  sleep: (ms: number) => Promise<void>
  /** The call's id (`gen-…`): the `id` of the completion the caller receives. */
  generationId: string
  /** Each upstream attempt of the call is added here, for the usage store. */
  attempts: AttemptRecord[]
  logLine: Record<string, unknown>
  finishLog: (status: number, extra?: Record<string, unknown>) => void
  started: number
}

interface Failure {
  provider: string
  reason: string
  /** What went wrong, for the usage store (when the provider answered, its status says it). */
  kind?: 'timeout' | 'connection' | 'invalid_response' | 'too_large'
  status?: number
  retryAfterMs?: number
  timeout?: boolean
}

export const shuttingDown = () =>
  new ProxyError(503, 'The server is shutting down; retry the request.', 'api_error', 'server_shutting_down', null, {
    'retry-after': '1',
  })

function parseRetryAfter(value: string | undefined): number | undefined {
  if (!value) return undefined
  const seconds = Number(value)
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000)
  const date = Date.parse(value)
  return Number.isFinite(date) ? Math.max(0, date - Date.now()) : undefined
}

/**
 * Statuses after which another provider may do better: rate limits, server errors,
 * provider-side auth/config, and redirects (never followed: upstream URLs come only from
 * content and the environment).
 */
const FAILOVER_STATUSES = new Set([401, 402, 403, 404, 408, 409, 425, 429])
const shouldFailover = (status: number) =>
  status >= 500 || (status >= 300 && status < 400) || FAILOVER_STATUSES.has(status)

/** Removes every occurrence of secrets from text headed back to the caller. */
const scrub = (text: string, secrets: string[]) =>
  secrets.reduce((t, s) => (s ? t.split(s).join('[redacted]') : t), text)

export async function forward(body: ChatRequest, queue: Candidate[], ctx: ForwardContext): Promise<ProxyResult> {
  const { env, signal, closing } = ctx
  const wantsStream = body.stream === true
  const callerWantsUsage = body.stream_options?.include_usage === true
  const failures: Failure[] = []
  let current: Candidate | undefined
  let attemptStarted = 0
  let headersMs: number | undefined
  /** The current attempt, as the usage store keeps it. */
  const attempt = (providerFailure: boolean, status: number | undefined, errorClass?: string) => {
    if (!current) return
    ctx.attempts.push({
      provider: current.endpoint.provider,
      model: current.model.id,
      time: attemptStarted,
      status: status ?? null,
      errorClass: errorClass ?? null,
      headersMs: headersMs ?? null,
      providerFailure,
    })
  }
  /** A provider-side failure: remembered for the summary, the provider's health and the usage store. */
  const fail = (f: Failure) => {
    failures.push(f)
    attempt(true, f.status, f.kind)
    if (current) ctx.health?.record({ model: current.model.id, provider: current.endpoint.provider, ok: false })
  }
  const retried = new Set<Candidate>()
  let attempts = 0

  // Bounded: the queue holds at most CHAT_PROXY_MAX_ATTEMPTS providers per model, and each
  // provider is retried at most once (after a short Retry-After).
  while (queue.length > 0) {
    const candidate = queue.shift()!
    current = candidate
    attempts++
    attemptStarted = Date.now()
    headersMs = undefined
    const provider = candidate.endpoint.provider
    const { body: upstreamBody, dropped, clamped } = prepareBody(body, candidate, { wantUsage: true })
    const payload = JSON.stringify(upstreamBody)
    const secrets = [candidate.apiKey]

    // One controller for the whole upstream exchange: the caller leaving, the server shutting
    // down or the first-byte timeout aborts it.
    const abort = new AbortController()
    const onStop = () => abort.abort(signal.aborted ? signal.reason : new Error('shutting down'))
    if (signal.aborted)
      throw new ProxyError(499, 'The caller closed the request.', 'api_error', 'client_closed_request')
    if (closing?.aborted) throw shuttingDown()
    signal.addEventListener('abort', onStop, { once: true })
    closing?.addEventListener('abort', onStop, { once: true })
    const unlisten = () => {
      signal.removeEventListener('abort', onStop)
      closing?.removeEventListener('abort', onStop)
    }
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      abort.abort(new Error('first byte timeout'))
    }, env.CHAT_PROXY_FIRST_BYTE_TIMEOUT_MS)

    let upstream: UpstreamResponse
    try {
      upstream = await ctx.call(`${candidate.baseUrl}/chat/completions`, {
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${candidate.apiKey}`,
          accept: wantsStream ? 'text/event-stream' : 'application/json',
        },
        body: payload,
        signal: abort.signal,
      })
    } catch {
      clearTimeout(timer)
      unlisten()
      if (signal.aborted) {
        ctx.finishLog(499, { provider, error: 'client_closed_request' })
        return { status: 499, headers: {}, body: null }
      }
      if (closing?.aborted) throw shuttingDown()
      fail({
        provider,
        reason: timedOut ? 'timed out before the first byte' : 'connection failed',
        kind: timedOut ? 'timeout' : 'connection',
        timeout: timedOut,
      })
      continue
    }
    clearTimeout(timer)
    // One clock reading for both, so the usage store can keep a lone attempt in its call's row.
    const headersAt = Date.now()
    const ttfbMs = headersAt - ctx.started
    headersMs = headersAt - attemptStarted
    const bounds = { idleMs: env.CHAT_PROXY_IDLE_TIMEOUT_MS, maxBytes: MAX_UPSTREAM_BODY_BYTES }

    if (upstream.status < 200 || upstream.status > 299) {
      const text = await readText(upstream, { ...bounds, maxBytes: MAX_UPSTREAM_ERROR_BYTES }).catch(() => '')
      unlisten()
      if (signal.aborted) {
        ctx.finishLog(499, { provider, error: 'client_closed_request' })
        return { status: 499, headers: {}, body: null }
      }
      if (shouldFailover(upstream.status)) {
        const retryAfterMs = parseRetryAfter(upstream.header('retry-after'))
        fail({ provider, reason: `answered ${upstream.status}`, status: upstream.status, retryAfterMs })
        // A rate-limited provider is retried once, after its Retry-After, when that is short
        // and nothing else is left to try.
        if (
          upstream.status === 429 &&
          retryAfterMs !== undefined &&
          retryAfterMs <= env.CHAT_PROXY_MAX_RETRY_AFTER_MS &&
          queue.length === 0 &&
          !retried.has(candidate) &&
          body.provider?.allow_fallbacks !== false
        ) {
          retried.add(candidate)
          await ctx.sleep(retryAfterMs)
          queue.push(candidate)
        }
        continue
      }
      // The provider rejected the request itself (400, 413, 422, ...): the caller's to fix; no failover.
      ctx.health?.record({ model: candidate.model.id, provider, ok: true })
      attempt(false, upstream.status)
      const err = mapUpstreamError(upstream.status, text, candidate, secrets)
      ctx.finishLog(err.status, { provider, model: candidate.model.id, ttfbMs, attempts, error: err.code })
      return errorResult(err, routeHeaders(candidate, dropped, clamped))
    }

    const headers = routeHeaders(candidate, dropped, clamped)
    ctx.logLine.model = candidate.model.id
    ctx.logLine.provider = provider
    ctx.logLine.providerModel = candidate.endpoint.modelId
    if (candidate.target?.router) {
      ctx.logLine.router = candidate.target.router.id
      ctx.logLine.variant = candidate.target.router.variant
    }
    if (wantsStream) {
      attempt(false, upstream.status)
      const served = ctx.attempts.at(-1)
      const stream = transformStream(upstream, {
        pricing: candidate.endpoint.pricing,
        callerWantsUsage,
        idleTimeoutMs: env.CHAT_PROXY_IDLE_TIMEOUT_MS,
        signal,
        closing,
        generationId: ctx.generationId,
        onEnd: ({ usage, error, firstChunkAt, finishReason }) => {
          unlisten()
          const providerFailed = error?.startsWith('upstream_') === true
          // A stream that broke after its headers was the provider's failure after all.
          if (served && providerFailed) {
            served.providerFailure = true
            served.errorClass = error
          }
          // A reply that arrived in one piece took under a millisecond after its first token.
          const seconds = firstChunkAt === undefined ? 0 : Math.max(1, Date.now() - firstChunkAt) / 1000
          ctx.health?.record({
            model: candidate.model.id,
            provider,
            ok: !providerFailed,
            ttfbMs,
            tokensPerSecond: usage && seconds > 0 ? usage.completion_tokens / seconds : undefined,
          })
          ctx.finishLog(error === 'client_closed_request' ? 499 : 200, {
            ttfbMs,
            attempts,
            stream: true,
            ...usageFields(usage),
            cost: usage?.cost,
            finishReason,
            ...(error ? { error } : {}),
          })
        },
      })
      return {
        status: 200,
        headers: {
          ...headers,
          'content-type': 'text/event-stream; charset=utf-8',
          'cache-control': 'no-cache, no-transform',
          'x-accel-buffering': 'no',
        },
        body: stream,
      }
    }

    // Non-streaming: the whole JSON, priced.
    let text: string
    try {
      text = await readText(upstream, bounds)
    } catch (e) {
      unlisten()
      if (signal.aborted) {
        ctx.finishLog(499, { provider, error: 'client_closed_request' })
        return { status: 499, headers: {}, body: null }
      }
      if (closing?.aborted) throw shuttingDown()
      const reason = e instanceof UpstreamReadError ? e.reason : 'connection'
      fail({
        provider,
        kind: reason === 'connection' ? 'connection' : reason,
        reason:
          reason === 'timeout'
            ? `sent nothing for ${env.CHAT_PROXY_IDLE_TIMEOUT_MS} ms while sending its response`
            : reason === 'too_large'
              ? 'answered with a response over the size limit'
              : 'connection failed while sending its response',
        timeout: reason === 'timeout',
      })
      continue
    }
    unlisten()
    let result: Record<string, unknown>
    try {
      result = JSON.parse(text) as Record<string, unknown>
    } catch {
      fail({ provider, reason: 'answered with invalid JSON', kind: 'invalid_response' })
      continue
    }
    ctx.health?.record({ model: candidate.model.id, provider, ok: true, ttfbMs })
    attempt(false, upstream.status)
    result.id = ctx.generationId
    const usage = usageSchema.safeParse(result.usage)
    let cost: number | undefined
    if (usage.success) {
      cost = usageCost(candidate.endpoint.pricing, usage.data)
      result.usage = { ...(result.usage as object), cost }
    }
    ctx.finishLog(200, {
      ttfbMs,
      attempts,
      stream: false,
      ...usageFields(usage.data),
      cost,
      finishReason: finishReasonOf(result),
    })
    return jsonResult(200, result, headers)
  }

  throw allFailed(failures)
}
/** The token counts of a usage object, as the log and the usage store name them. */
const usageFields = (usage: UpstreamUsage | undefined) => ({
  promptTokens: usage?.prompt_tokens,
  completionTokens: usage?.completion_tokens,
  cachedTokens: usage?.prompt_tokens_details?.cached_tokens ?? undefined,
  reasoningTokens: usage?.completion_tokens_details?.reasoning_tokens ?? undefined,
})

/** The first choice's finish reason of a completion. */
function finishReasonOf(result: Record<string, unknown>): string | undefined {
  const choice = Array.isArray(result.choices) ? (result.choices[0] as { finish_reason?: unknown }) : undefined
  return typeof choice?.finish_reason === 'string' ? choice.finish_reason : undefined
}

function routeHeaders(c: Candidate, dropped: string[], clamped: string[]): Record<string, string> {
  const h: Record<string, string> = {
    'x-provider': c.endpoint.provider,
    'x-model': c.model.id,
    'x-provider-model': c.endpoint.modelId,
  }
  if (c.target?.router) {
    h['x-router'] = c.target.router.id
    h['x-router-variant'] = c.target.router.variant
  }
  if (dropped.length) h['x-dropped-params'] = dropped.join(', ')
  if (clamped.length) h['x-clamped-params'] = clamped.join(', ')
  return h
}

function mapUpstreamError(status: number, text: string, c: Candidate, secrets: string[]): ProxyError {
  let message = `The provider rejected the request (${status}).`
  let param: string | null = null
  try {
    const parsed = upstreamErrorSchema.safeParse(JSON.parse(text))
    if (parsed.success) {
      const e = parsed.data.error
      const m = typeof e === 'string' ? e : e.message
      if (m) message = `${c.endpoint.provider}: ${m.slice(0, 500)}`
      if (typeof e !== 'string' && typeof (e as { param?: unknown }).param === 'string')
        param = (e as { param: string }).param
    }
  } catch {
    // Not JSON: keep the generic message rather than echo an upstream page.
  }
  return new ProxyError(
    status >= 400 && status < 500 ? status : 502,
    scrub(message, secrets),
    status === 400 || status === 422 ? 'invalid_request_error' : 'api_error',
    'upstream_rejected',
    param,
  )
}

function allFailed(failures: Failure[]): ProxyError {
  const summary = failures.map((f) => `${f.provider} ${f.reason}`).join('; ')
  const last = failures[failures.length - 1]
  if (failures.length > 0 && failures.every((f) => f.timeout)) {
    return new ProxyError(504, `No provider answered in time (${summary}).`, 'api_error', 'upstream_timeout')
  }
  if (last?.status === 429) {
    const retry = Math.max(1, Math.ceil((last.retryAfterMs ?? 1000) / 1000))
    return new ProxyError(
      429,
      `Every provider is rate limited right now (${summary}).`,
      'rate_limit_error',
      'upstream_rate_limited',
      null,
      { 'retry-after': String(retry) },
    )
  }
  return new ProxyError(502, `Every provider failed (${summary}).`, 'api_error', 'upstream_error')
}
