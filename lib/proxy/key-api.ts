/**
 * `GET /api/v1/key`: the caller's key: its name, limits, budgets and what is left of each (the
 * same question OpenRouter's endpoint of that name answers). Taking nothing from any limit.
 */
import type { ProxyResult } from './errors'
import { errorResult, jsonResult, ProxyError } from './errors'
import type { ProxyDeps, ProxyRequest } from './handler'
import { authenticate, keyRegistry } from './handler'
import type { BudgetStatus, CallerKey } from './keys'

/** USD figures as JSON numbers, rounded to 10 decimals (sums of floats drift in the last digits). */
const money = (n: number) => Number(n.toFixed(10))

/** A key's budgets as the APIs give them: `{ day, month }`, each null without that budget. */
export function budgetsBody(budgets: readonly BudgetStatus[]) {
  const one = (period: 'day' | 'month') => {
    const b = budgets.find((x) => x.period === period)
    return b
      ? {
          limit_usd: money(b.limit),
          spent_usd: money(b.spent),
          remaining_usd: money(b.remaining),
          resets_at: b.resetsAt.toISOString(),
        }
      : null
  }
  return { day: one('day'), month: one('month') }
}

export async function keyBody(key: CallerKey, deps: ProxyDeps) {
  const [requests, tokens] = await Promise.all([
    deps.limiter.status(key.id, key.rpm, 'rpm'),
    deps.limiter.status(key.id, key.tpm, 'tpm'),
  ])
  const limit = (s: typeof requests) =>
    s ? { limit: s.limit, remaining: s.remaining, resets_in_seconds: s.resetSeconds } : null
  return {
    name: key.name,
    key_id: key.id,
    source: key.source,
    expires_at: key.expiresAt?.toISOString() ?? null,
    allowed_models: key.allowedModels,
    rate_limit: { requests_per_minute: limit(requests), tokens_per_minute: limit(tokens) },
    budgets: budgetsBody(keyRegistry(deps).budgets(key)),
  }
}

export async function serveKey(
  request: Pick<ProxyRequest, 'headers' | 'clientAddress'>,
  deps: ProxyDeps,
): Promise<ProxyResult> {
  try {
    const key = await authenticate(request, deps)
    return jsonResult(200, { data: await keyBody(key, deps) }, { 'cache-control': 'private, no-store' })
  } catch (e) {
    if (e instanceof ProxyError) return errorResult(e)
    console.error('key api: unexpected error', e instanceof Error ? e.message : e)
    return errorResult(new ProxyError(500, 'Internal error.', 'api_error', 'internal_error'))
  }
}
