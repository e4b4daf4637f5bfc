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

import { bearerToken } from './auth'
import type { BodySource } from './body'
import { MAX_JSON_DEPTH, nestsDeeperThan, readBody } from './body'
import type { ProxyResult } from './errors'
import { badRequest, errorResult, ProxyError } from './errors'
import { forward } from './forward'
import type { HealthTracker } from './health'
import type { KeyLimiter } from './key-limits'
import type { BudgetStatus, CallerKey } from './keys'
import { KeyRegistry, modelAllowed } from './keys'
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
  /** Requests and tokens per minute per caller key (in memory, or shared in Redis). */
  limiter: KeyLimiter
  /**
   * The accepted caller keys: `CHAT_PROXY_KEYS` and those in the usage store. Default: the
   * `CHAT_PROXY_KEYS` keys alone.
   */
  keys?: KeyRegistry
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

/** Registries of `CHAT_PROXY_KEYS` alone, for deps without one (tests, `next dev` before the server sets one). */
const envRegistries = new WeakMap<ProxyEnv, KeyRegistry>()

/** The caller keys the deps accept. */
export function keyRegistry(deps: Pick<ProxyDeps, 'keys' | 'env'>): KeyRegistry {
  if (deps.keys) return deps.keys
  let r = envRegistries.get(deps.env)
  if (!r) {
    r = new KeyRegistry(deps.env.CHAT_PROXY_KEYS ?? [], { defaultRpm: deps.env.CHAT_PROXY_RATE_LIMIT })
    envRegistries.set(deps.env, r)
  }
  return r
}

/** 503 while no key at all is configured. */
export function notConfigured(): ProxyError {
  return new ProxyError(
    503,
    'The chat proxy is not configured: set CHAT_PROXY_KEYS to a comma-separated list of caller keys, or create one with `npm run keys -- create --name NAME`.',
    'api_error',
    'proxy_not_configured',
  )
}

/**
 * Authenticates the caller and returns its key. Failed attempts are counted per client
 * address; an address over its budget is refused before its key is even checked, so guessing
 * keys is throttled whatever the guesses are. A revoked or expired key is a 401 saying so.
 */
export async function authenticate(
  request: Pick<ProxyRequest, 'headers' | 'clientAddress'>,
  deps: ProxyDeps,
): Promise<CallerKey> {
  const registry = keyRegistry(deps)
  if (!registry.configured) throw notConfigured()
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
  const token = bearerToken(request.headers.get('authorization'))
  const key = token === undefined ? undefined : registry.lookup(token)
  if (key && !key.revokedAt && !(key.expiresAt && key.expiresAt.getTime() <= Date.now())) return key
  await throttle?.take(address)
  if (key?.revokedAt) throw new ProxyError(401, 'This API key was revoked.', 'authentication_error', 'key_revoked')
  if (key?.expiresAt)
    throw new ProxyError(
      401,
      `This API key expired at ${key.expiresAt.toISOString()}.`,
      'authentication_error',
      'key_expired',
    )
  throw token === undefined
    ? new ProxyError(
        401,
        'Missing API key: send it as "Authorization: Bearer <key>".',
        'authentication_error',
        'missing_api_key',
      )
    : new ProxyError(401, 'Invalid API key.', 'authentication_error', 'invalid_api_key')
}

const usd = (n: number) => `$${Number(n.toPrecision(12))}`

/** 402 when a budget of the key is spent: no new call until it resets. */
export function checkBudgets(budgets: readonly BudgetStatus[]): void {
  const over = budgets.find((b) => b.spent >= b.limit)
  if (!over) return
  const name = over.period === 'day' ? 'daily' : 'monthly'
  throw new ProxyError(
    402,
    `This key's ${name} budget of ${usd(over.limit)} is spent (${usd(over.spent)} so far); it resets at ${over.resetsAt.toISOString()}.`,
    'insufficient_quota',
    over.period === 'day' ? 'daily_budget_exceeded' : 'monthly_budget_exceeded',
    null,
    { 'x-budget-resets-at': over.resetsAt.toISOString() },
  )
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
  let callerKey: CallerKey | undefined
  const finishLog = (status: number, extra: Record<string, unknown> = {}) => {
    const totalMs = Date.now() - started
    const line: Record<string, unknown> = { ...logLine, status, totalMs, ...extra }
    log(line)
    // Budgets and token limits count what the finished call cost and used.
    if (callerKey) {
      const budgeted = callerKey.budgetDay !== null || callerKey.budgetMonth !== null
      if (budgeted && typeof line.cost === 'number') keyRegistry(deps).addSpend(callerKey.id, line.cost, generationId)
      const tokens = (int(line.promptTokens) ?? 0) + (int(line.completionTokens) ?? 0)
      if (callerKey.tpm !== null && tokens > 0) deps.limiter.addTokens(callerKey.id, callerKey.tpm, tokens)
    }
    // Calls with a valid key only: the store answers for keys (usage, generations) and providers.
    if (deps.store && typeof line.keyId === 'string') deps.store.record(callRecord(line, streamed, attempts, started))
  }

  try {
    const key = await authenticate(request, deps)
    logLine.keyId = key.id
    callerKey = key
    checkBudgets(keyRegistry(deps).budgets(key))

    const limit = await deps.limiter.takeRequest(key.id, key.rpm)
    if (!limit.ok) {
      throw new ProxyError(
        429,
        `Rate limit exceeded: ${key.rpm} requests per minute. Retry in ${limit.retryAfterSeconds} s.`,
        'rate_limit_error',
        'rate_limit_exceeded',
        null,
        { 'retry-after': String(limit.retryAfterSeconds) },
      )
    }
    if (key.tpm !== null) {
      const tokens = await deps.limiter.checkTokens(key.id, key.tpm)
      if (!tokens.ok)
        throw new ProxyError(
          429,
          `Token rate limit exceeded: ${key.tpm} tokens per minute. Retry in ${tokens.retryAfterSeconds} s.`,
          'rate_limit_error',
          'token_rate_limit_exceeded',
          null,
          { 'retry-after': String(tokens.retryAfterSeconds) },
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
    const refused = targets.find((t) => !modelAllowed(key, t.model.id, t.router?.id))
    if (refused)
      throw new ProxyError(
        403,
        `This key may not call '${refused.router?.id ?? refused.model.id}'. It may call: ${key.allowedModels?.join(', ')}.`,
        'permission_error',
        'model_not_allowed',
        'model',
      )
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
