/**
 * The chat-completions proxy: authenticate, limit, validate, route, forward with failover,
 * stream, price, log. Framework-free: a caller passes the request (a web `Request`, or the
 * small `ProxyRequest` view of one that `node-adapter.ts` builds over `node:http`) and the
 * dependencies (catalog routing table, environment, fetch, limiter, logger) and gets a
 * `Response`.
 */
import type { ProxyEnv } from '@/lib/env'

import { bearerToken, checkKey } from './auth'
import type { ProxyResult } from './errors'
import { badRequest, errorResult, jsonResult, ProxyError, toResponse } from './errors'
import { prepareBody } from './params'
import type { RateLimiter } from './rate-limit'
import type { Candidate, RoutingTable } from './routing'
import { candidates, resolveTargets } from './routing'
import type { ChatRequest } from './schema'
import { chatRequestSchema, describeIssue, upstreamErrorSchema, usageSchema } from './schema'
import { transformStream } from './stream'
import type { UpstreamCall, UpstreamResponse } from './upstream'
import { undiciUpstream } from './upstream'
import { usageCost } from './usage'

/** What the handler reads of a request; a web `Request` is one. */
export interface ProxyRequest {
  headers: { get(name: string): string | null }
  body: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array> | null
  /** Aborts when the caller goes away. */
  signal: CallerSignal
}

/** What the handler uses of an `AbortSignal` (which is one). */
export interface CallerSignal {
  readonly aborted: boolean
  readonly reason: unknown
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void
  removeEventListener(type: 'abort', listener: () => void): void
}

export interface ProxyDeps {
  table: RoutingTable
  env: ProxyEnv
  limiter: RateLimiter
  /** The HTTP client for providers (default: undici's request). */
  upstream?: UpstreamCall
  /** Receives one structured line per call. Never the prompt, never a key. */
  log?: (line: Record<string, unknown>) => void
  sleep?: (ms: number) => Promise<void>
  /** Random source for router variant picks, [0, 1). */
  random?: () => number
}

const sleepMs = (ms: number) => new Promise<void>((r) => setTimeout(r, ms))

/** Reads the body up to `limit` bytes; 413 beyond it. */
async function readBody(request: ProxyRequest, limit: number): Promise<string> {
  const tooLarge = () =>
    new ProxyError(413, `Request body is larger than ${limit} bytes`, 'invalid_request_error', 'request_too_large')
  const declared = Number(request.headers.get('content-length') ?? NaN)
  if (Number.isFinite(declared) && declared > limit) throw tooLarge()
  const source = request.body
  if (!source) return ''
  // Pulled by hand rather than with for-await: leaving the loop must not destroy a node
  // socket that still has to carry the 413 back (the node adapter closes it after).
  let next: () => Promise<IteratorResult<Uint8Array>>
  let cancel = async () => {}
  if ('getReader' in source) {
    const reader = source.getReader()
    next = () => reader.read() as Promise<IteratorResult<Uint8Array>>
    cancel = () => reader.cancel()
  } else {
    const iterator = source[Symbol.asyncIterator]()
    next = () => iterator.next()
  }
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await next()
    if (done) break
    size += value.byteLength
    if (size > limit) {
      await cancel().catch(() => {})
      throw tooLarge()
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks).toString('utf8')
}

/** Removes every occurrence of secrets from text headed back to the caller. */
const scrub = (text: string, secrets: string[]) =>
  secrets.reduce((t, s) => (s ? t.split(s).join('[redacted]') : t), text)

interface Failure {
  provider: string
  reason: string
  status?: number
  retryAfterMs?: number
  timeout?: boolean
}

function parseRetryAfter(value: string | null): number | undefined {
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

/** The chat proxy as a web handler: a `Request` (or its `ProxyRequest` view) in, a `Response` out. */
export async function handleChat(request: ProxyRequest, deps: ProxyDeps): Promise<Response> {
  return toResponse(await serveChat(request, deps))
}

/** The chat proxy: the same, answering with a `ProxyResult` for servers that write it out themselves. */
export async function serveChat(request: ProxyRequest, deps: ProxyDeps): Promise<ProxyResult> {
  const started = Date.now()
  const { env } = deps
  const call = deps.upstream ?? undiciUpstream
  const log = deps.log ?? ((line) => console.log(JSON.stringify(line)))
  const logLine: Record<string, unknown> = { time: new Date(started).toISOString() }
  const finishLog = (status: number, extra: Record<string, unknown> = {}) => {
    log({ ...logLine, status, totalMs: Date.now() - started, ...extra })
  }

  try {
    if (!env.CHAT_PROXY_KEYS || env.CHAT_PROXY_KEYS.length === 0) {
      throw new ProxyError(
        503,
        'The chat proxy is not configured: set CHAT_PROXY_KEYS to a comma-separated list of caller keys.',
        'api_error',
        'proxy_not_configured',
      )
    }
    const key = bearerToken(request.headers.get('authorization'))
    if (!key)
      throw new ProxyError(
        401,
        'Missing API key: send it as "Authorization: Bearer <key>".',
        'authentication_error',
        'missing_api_key',
      )
    const id = checkKey(key, env.CHAT_PROXY_KEYS)
    if (!id) throw new ProxyError(401, 'Invalid API key.', 'authentication_error', 'invalid_api_key')
    logLine.keyId = id

    const limit = await deps.limiter.take(id)
    if (!limit.ok) {
      throw new ProxyError(
        429,
        `Rate limit exceeded: ${env.CHAT_PROXY_RATE_LIMIT} requests per minute. Retry in ${limit.retryAfterSeconds} s.`,
        'rate_limit_error',
        'rate_limit_exceeded',
        null,
        { 'retry-after': String(limit.retryAfterSeconds) },
      )
    }

    const raw = await readBody(request, env.CHAT_PROXY_MAX_BODY_BYTES)
    let json: unknown
    try {
      json = JSON.parse(raw)
    } catch {
      throw badRequest('Request body is not valid JSON.', null, 'invalid_json')
    }
    const parsed = chatRequestSchema.safeParse(json)
    if (!parsed.success) {
      const { message, param } = describeIssue(parsed.error)
      throw badRequest(message, param)
    }
    const body = parsed.data
    logLine.requestedModel = body.model

    // The requested model (or router), then OpenRouter-style fallback `models`, in order.
    const names = [body.model, ...(body.models ?? []).filter((m) => m !== body.model)]
    const targets = names.flatMap((n) => resolveTargets(n, deps.table, deps.random))
    const seen = new Set<string>()
    let lastNoProvider: ProxyError | undefined
    const queue: Candidate[] = []
    for (const target of targets) {
      if (seen.has(target.model.id)) continue
      seen.add(target.model.id)
      try {
        // At most CHAT_PROXY_MAX_ATTEMPTS providers per model, so a fallback model is reached.
        const list = candidates(target.model, deps.table, env, body.provider).slice(
          0,
          Math.max(1, env.CHAT_PROXY_MAX_ATTEMPTS),
        )
        queue.push(...list.map((c) => ({ ...c, target })))
      } catch (e) {
        if (e instanceof ProxyError && e.code === 'no_provider_available') lastNoProvider ??= e
        else throw e
      }
    }
    if (queue.length === 0)
      throw lastNoProvider ?? new ProxyError(503, 'No provider available.', 'api_error', 'no_provider_available')
    return await forward(request, body, queue, deps, { call, logLine, finishLog, started })
  } catch (e) {
    const err =
      e instanceof ProxyError ? e : new ProxyError(500, 'Internal error in the proxy.', 'api_error', 'internal_error')
    if (!(e instanceof ProxyError)) console.error('proxy: unexpected error', e instanceof Error ? e.message : e)
    finishLog(err.status, { error: err.code })
    return errorResult(err)
  }
}

async function forward(
  request: ProxyRequest,
  body: ChatRequest,
  queue: Candidate[],
  deps: ProxyDeps,
  ctx: {
    call: UpstreamCall
    logLine: Record<string, unknown>
    finishLog: (status: number, extra?: Record<string, unknown>) => void
    started: number
  },
): Promise<ProxyResult> {
  const { env } = deps
  const sleep = deps.sleep ?? sleepMs
  const wantsStream = body.stream === true
  const callerWantsUsage = body.stream_options?.include_usage === true
  const failures: Failure[] = []
  const retried = new Set<Candidate>()
  let attempts = 0

  // Bounded: the queue holds at most CHAT_PROXY_MAX_ATTEMPTS providers per model, and each
  // provider is retried at most once (after a short Retry-After).
  while (queue.length > 0) {
    const candidate = queue.shift()!
    attempts++
    const { body: upstreamBody, dropped, clamped } = prepareBody(body, candidate, { wantUsage: true })
    const secrets = [candidate.apiKey]

    // One controller for the whole upstream exchange: the caller leaving or the first-byte
    // timeout aborts it. Cleared timers leave the body stream linked to the caller only.
    const abort = new AbortController()
    const onCallerAbort = () => abort.abort(request.signal.reason)
    if (request.signal.aborted)
      throw new ProxyError(499, 'The caller closed the request.', 'api_error', 'client_closed_request')
    request.signal.addEventListener('abort', onCallerAbort, { once: true })
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
        body: JSON.stringify(upstreamBody),
        signal: abort.signal,
      })
    } catch {
      clearTimeout(timer)
      request.signal.removeEventListener('abort', onCallerAbort)
      if (request.signal.aborted) {
        ctx.finishLog(499, { provider: candidate.endpoint.provider, error: 'client_closed_request' })
        return { status: 499, headers: {}, body: null }
      }
      failures.push({
        provider: candidate.endpoint.provider,
        reason: timedOut ? 'timed out before the first byte' : 'connection failed',
        timeout: timedOut,
      })
      continue
    }
    clearTimeout(timer)
    const ttfbMs = Date.now() - ctx.started

    if (upstream.status < 200 || upstream.status > 299) {
      request.signal.removeEventListener('abort', onCallerAbort)
      const text = await upstream.text().catch(() => '')
      if (shouldFailover(upstream.status)) {
        const retryAfterMs = parseRetryAfter(upstream.header('retry-after') ?? null)
        failures.push({
          provider: candidate.endpoint.provider,
          reason: `answered ${upstream.status}`,
          status: upstream.status,
          retryAfterMs,
        })
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
          await sleep(retryAfterMs)
          queue.push(candidate)
        }
        continue
      }
      // The provider rejected the request itself (400, 413, 422, ...): the caller's to fix; no failover.
      const err = mapUpstreamError(upstream.status, text, candidate, secrets)
      ctx.finishLog(err.status, {
        provider: candidate.endpoint.provider,
        model: candidate.model.id,
        ttfbMs,
        attempts,
        error: err.code,
      })
      return errorResult(err, routeHeaders(candidate, dropped, clamped))
    }

    const headers = routeHeaders(candidate, dropped, clamped)
    ctx.logLine.model = candidate.model.id
    ctx.logLine.provider = candidate.endpoint.provider
    if (candidate.target?.router) ctx.logLine.router = candidate.target.router.id
    if (wantsStream) {
      const stream = transformStream(upstream, {
        pricing: candidate.endpoint.pricing,
        callerWantsUsage,
        idleTimeoutMs: env.CHAT_PROXY_IDLE_TIMEOUT_MS,
        signal: request.signal,
        onEnd: ({ usage, error }) => {
          request.signal.removeEventListener('abort', onCallerAbort)
          ctx.finishLog(error === 'client_closed_request' ? 499 : 200, {
            ttfbMs,
            attempts,
            stream: true,
            promptTokens: usage?.prompt_tokens,
            completionTokens: usage?.completion_tokens,
            cost: usage?.cost,
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
      text = await upstream.text()
    } catch {
      request.signal.removeEventListener('abort', onCallerAbort)
      failures.push({ provider: candidate.endpoint.provider, reason: 'connection failed while reading the response' })
      continue
    }
    request.signal.removeEventListener('abort', onCallerAbort)
    let result: Record<string, unknown>
    try {
      result = JSON.parse(text) as Record<string, unknown>
    } catch {
      failures.push({ provider: candidate.endpoint.provider, reason: 'answered with invalid JSON' })
      continue
    }
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
      promptTokens: usage.data?.prompt_tokens,
      completionTokens: usage.data?.completion_tokens,
      cost,
    })
    return jsonResult(200, result, headers)
  }

  throw allFailed(failures)
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
