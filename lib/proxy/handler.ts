/**
 * The chat-completions proxy: authenticate, limit, validate, route, forward with failover,
 * stream, price, log. Framework-free: a caller passes the request (a web `Request`, or the
 * small `ProxyRequest` view of one that `node-adapter.ts` builds over `node:http`) and the
 * dependencies (catalog routing table, environment, HTTP client, limiters, logger) and gets a
 * `ProxyResult` (web.ts turns it into a `Response`).
 */
import { randomBytes } from 'node:crypto'

import type { ProxyEnv } from '@/lib/env'
import type { AttemptRecord, CallRecord } from '@/lib/store/types'

import { bearerToken, checkKey } from './auth'
import type { BodySource } from './body'
import { MAX_JSON_DEPTH, nestsDeeperThan, readBody } from './body'
import type { ProxyResult } from './errors'
import { badRequest, errorResult, ProxyError } from './errors'
import { forward } from './forward'
import type { HealthTracker } from './health'
import type { RateLimiter } from './rate-limit'
import type { Candidate, RoutingTable } from './routing'
import { candidates, resolveTargets } from './routing'
import { chatRequestSchema, describeIssue } from './schema'
import type { CallerSignal } from './signal'
import type { UpstreamCall } from './upstream'
import { undiciUpstream } from './upstream'

export type { CallerSignal } from './signal'

/** What the handler reads of a request; a web `Request` is one. */
export interface ProxyRequest {
  headers: { get(name: string): string | null }
  body: BodySource
  /** Aborts when the caller goes away. */
  signal: CallerSignal
  /** The caller's network address, for throttling failed authentication (unknown: one shared bucket). */
  clientAddress?: string
}

export interface ProxyDeps {
  table: RoutingTable
  env: ProxyEnv
  /** Requests per minute per caller key. */
  limiter: RateLimiter
  /** Failed authentications per minute per client address (none: not throttled). */
  authFailures?: RateLimiter
  /** What this instance measured of each endpoint: orders providers and cools failing ones down. */
  health?: HealthTracker
  /** Aborts when the server stops: calls still running end with `server_shutting_down`. */
  closing?: CallerSignal
  /** The HTTP client for providers (default: undici's request). */
  upstream?: UpstreamCall
  /** Remembers each authenticated call (the usage store); `record` never waits or throws. */
  store?: { record(call: CallRecord): void }
  /** Receives one structured line per call. Never the prompt, never a key. */
  log?: (line: Record<string, unknown>) => void
  sleep?: (ms: number) => Promise<void>
  /** Random source for router variant picks, [0, 1). */
  random?: () => number
}

const sleepMs = (ms: number) => new Promise<void>((r) => setTimeout(r, ms))

/**
 * Authenticates the caller and returns its key id. Failed attempts are counted per client
 * address; an address over its budget is refused before its key is even checked, so guessing
 * keys is throttled whatever the guesses are.
 */
export async function authenticate(
  request: Pick<ProxyRequest, 'headers' | 'clientAddress'>,
  deps: ProxyDeps,
  keys: readonly string[],
): Promise<string> {
  const address = request.clientAddress ?? 'unknown'
  const throttle = deps.authFailures
  if (throttle) {
    const state = await throttle.peek(address)
    if (!state.ok)
      throw new ProxyError(
        429,
        `Too many failed authentications from this address. Retry in ${state.retryAfterSeconds} s.`,
        'rate_limit_error',
        'too_many_auth_failures',
        null,
        { 'retry-after': String(state.retryAfterSeconds) },
      )
  }
  const key = bearerToken(request.headers.get('authorization'))
  const id = key === undefined ? undefined : checkKey(key, keys)
  if (id) return id
  await throttle?.take(address)
  throw key === undefined
    ? new ProxyError(
        401,
        'Missing API key: send it as "Authorization: Bearer <key>".',
        'authentication_error',
        'missing_api_key',
      )
    : new ProxyError(401, 'Invalid API key.', 'authentication_error', 'invalid_api_key')
}

/** The chat proxy: a request in, a `ProxyResult` out (written to `node:http`, or made a web `Response`). */
export async function serveChat(request: ProxyRequest, deps: ProxyDeps): Promise<ProxyResult> {
  const started = Date.now()
  const { env } = deps
  const log = deps.log ?? ((line) => console.log(JSON.stringify(line)))
  const generationId = `gen-${randomBytes(15).toString('base64url')}`
  const logLine: Record<string, unknown> = { time: new Date(started).toISOString(), id: generationId }
  const attempts: AttemptRecord[] = []
  let streamed = false
  const finishLog = (status: number, extra: Record<string, unknown> = {}) => {
    const totalMs = Date.now() - started
    const line: Record<string, unknown> = { ...logLine, status, totalMs, ...extra }
    log(line)
    // Calls with a valid key only: the store answers for keys (usage, generations) and providers.
    if (deps.store && typeof line.keyId === 'string') deps.store.record(callRecord(line, streamed, attempts, started))
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
    const id = await authenticate(request, deps, env.CHAT_PROXY_KEYS)
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

    const raw = await readBody(request.body, request.headers.get('content-length'), request.signal, {
      maxBytes: env.CHAT_PROXY_MAX_BODY_BYTES,
      timeoutMs: env.CHAT_PROXY_BODY_TIMEOUT_MS,
    })
    if (nestsDeeperThan(raw, MAX_JSON_DEPTH))
      throw badRequest(`Request body nests JSON deeper than ${MAX_JSON_DEPTH} levels.`, null, 'invalid_json')
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
    streamed = body.stream === true

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
        const all = candidates(target.model, deps.table, env, body.provider)
        const list = (deps.health?.arrange(all, body.provider) ?? all).slice(
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
    return await forward(body, queue, {
      env,
      call: deps.upstream ?? undiciUpstream,
      signal: request.signal,
      closing: deps.closing,
      health: deps.health,
      generationId,
      attempts,
      sleep: deps.sleep ?? sleepMs,
      logLine,
      finishLog,
      started,
    })
  } catch (e) {
    const err =
      e instanceof ProxyError ? e : new ProxyError(500, 'Internal error in the proxy.', 'api_error', 'internal_error')
    if (!(e instanceof ProxyError)) console.error('proxy: unexpected error', e instanceof Error ? e.message : e)
    finishLog(err.status, { error: err.code, ...(err.operatorHint ? { hint: err.operatorHint } : {}) })
    return err.status === 499 ? { status: 499, headers: {}, body: null } : errorResult(err)
  }
}

const str = (v: unknown) => (typeof v === 'string' ? v : undefined)
const int = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : undefined)

/** The usage store's record of a call, from its log line (the two say the same things). */
function callRecord(
  line: Record<string, unknown>,
  streamed: boolean,
  attempts: AttemptRecord[],
  started: number,
): CallRecord {
  return {
    id: String(line.id),
    time: started,
    keyId: str(line.keyId) ?? null,
    model: str(line.model) ?? str(line.requestedModel),
    router: str(line.router),
    variant: str(line.variant),
    provider: str(line.provider),
    providerModel: str(line.providerModel),
    streamed,
    status: Number(line.status),
    errorCode: str(line.error),
    ttfbMs: int(line.ttfbMs),
    totalMs: int(line.totalMs) ?? 0,
    promptTokens: int(line.promptTokens),
    completionTokens: int(line.completionTokens),
    cachedTokens: int(line.cachedTokens),
    reasoningTokens: int(line.reasoningTokens),
    cost: typeof line.cost === 'number' ? line.cost : undefined,
    finishReason: str(line.finishReason),
    attempts,
  }
}
