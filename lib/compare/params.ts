/**
 * The comparison's URL: which models, in which order, the workload, and the differences-only
 * switch. `/compare?models=openai/gpt-4o-mini,anthropic/claude-haiku-4-5&in=2000&out=400&cached=50&rpd=10000&diff=1`.
 * Zod-checked; malformed values fall back to the defaults instead of failing.
 */
import { z } from 'zod'

import type { CompareParams } from './url'
import type { Workload } from './workload'
import { DEFAULT_WORKLOAD, WORKLOAD_LIMITS } from './workload'

export type { CompareParams } from './url'
export { compareHref, compareQuery, MAX_MODELS, MIN_MODELS } from './url'
export { DAYS_PER_MONTH, DEFAULT_WORKLOAD, WORKLOAD_LIMITS } from './workload'
export type { Workload }

type ParamsInput = URLSearchParams | Record<string, string | string[] | undefined>

const raw = (p: ParamsInput, key: string): string[] =>
  p instanceof URLSearchParams ? p.getAll(key) : [p[key] ?? []].flat()

const count = (key: keyof Workload) =>
  z.coerce.number().finite().min(WORKLOAD_LIMITS[key].min).max(WORKLOAD_LIMITS[key].max)

/** Reads a number from the URL: "2k" and "1.5m" allowed for token counts and requests; `undefined` when it cannot be used. */
function read(p: ParamsInput, param: string, key: keyof Workload): number | undefined {
  const s = raw(p, param)[0]?.trim().toLowerCase()
  if (!s) return undefined
  const m = s.match(/^(\d+(?:\.\d+)?)([km]?)$/)
  const n = m ? Number(m[1]) * (m[2] === 'k' ? 1e3 : m[2] === 'm' ? 1e6 : 1) : Number.NaN
  const r = count(key).safeParse(key === 'cachedPercent' ? n : Math.round(n))
  return r.success ? r.data : undefined
}

const number = (p: ParamsInput, param: string, key: keyof Workload): number =>
  read(p, param, key) ?? DEFAULT_WORKLOAD[key]

const WORKLOAD_PARAMS = [
  ['in', 'inputTokens'],
  ['out', 'outputTokens'],
  ['cached', 'cachedPercent'],
  ['rpd', 'requestsPerDay'],
] as const

/**
 * The workload numbers a URL gives that cannot be used (negative, not a number, out of range,
 * empty), as `param=value`, so the page can say that it used the default instead of silently
 * pricing another workload. The calculator's fields catch these as they are typed; a link can
 * still carry them.
 */
export function unusableWorkloadParams(p: ParamsInput): string[] {
  const out: string[] = []
  for (const [param, key] of WORKLOAD_PARAMS) {
    const given = raw(p, param)[0]
    if (given !== undefined && read(p, param, key) === undefined) out.push(`${param}=${given.slice(0, 40)}`)
  }
  return out
}

/**
 * The ids (comma lists and repeated `models` keys both work; `add` appends, which is what the
 * picker's no-JavaScript form submits) and the workload.
 */
export function parseCompareParams(p: ParamsInput): CompareParams {
  const ids: string[] = []
  for (const v of [...raw(p, 'models'), ...raw(p, 'add')].flatMap((s) => s.split(','))) {
    const id = v.trim()
    if (id && id.length <= 200 && !ids.includes(id)) ids.push(id)
  }
  return {
    ids,
    workload: {
      inputTokens: number(p, 'in', 'inputTokens'),
      outputTokens: number(p, 'out', 'outputTokens'),
      cachedPercent: number(p, 'cached', 'cachedPercent'),
      requestsPerDay: number(p, 'rpd', 'requestsPerDay'),
    },
    differencesOnly: ['1', 'true', 'on'].includes(raw(p, 'diff')[0] ?? ''),
  }
}
