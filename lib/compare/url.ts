/**
 * The comparison's URL, written (the server parses it in params.ts). No zod here: this module is
 * in the comparison's client bundle.
 */
import type { Workload } from './workload'
import { DEFAULT_WORKLOAD } from './workload'

/** Comparison takes 2 to 6 models (limits.ts). */
export { MAX_MODELS, MIN_MODELS } from './limits'

export interface CompareParams {
  /** Ids in the reader's order, as written (unresolved), without duplicates. */
  ids: string[]
  workload: Workload
  differencesOnly: boolean
}

const enc = (s: string) => encodeURIComponent(s).replace(/%2F/gi, '/').replace(/%2C/gi, ',')

/** The query string (no `?`) for a comparison; the default workload is left out. */
export function compareQuery({ ids, workload, differencesOnly }: CompareParams): string {
  const parts: string[] = []
  if (ids.length) parts.push(`models=${ids.map(enc).join(',')}`)
  if (workload.inputTokens !== DEFAULT_WORKLOAD.inputTokens) parts.push(`in=${workload.inputTokens}`)
  if (workload.outputTokens !== DEFAULT_WORKLOAD.outputTokens) parts.push(`out=${workload.outputTokens}`)
  if (workload.cachedPercent !== DEFAULT_WORKLOAD.cachedPercent) parts.push(`cached=${workload.cachedPercent}`)
  if (workload.requestsPerDay !== DEFAULT_WORKLOAD.requestsPerDay) parts.push(`rpd=${workload.requestsPerDay}`)
  if (differencesOnly) parts.push('diff=1')
  return parts.join('&')
}

export const compareHref = (params: CompareParams) => {
  const q = compareQuery(params)
  return q ? `/compare?${q}` : '/compare'
}
