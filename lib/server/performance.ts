/**
 * What this site measured of a model, for its page: read from the usage store `npm start` opened
 * (lib/server/store.ts). During `next build` and under `next dev` there is no store, and the page
 * says there was no traffic; the built pages are regenerated at most a minute after a visit.
 */
import 'server-only'

import { processStore } from '@/lib/proxy/deps'
import type { ModelPerformance } from '@/lib/store/performance'
import { modelPerformance } from '@/lib/store/performance'
import type { PopularModel } from '@/lib/store/types'

export type PerformanceReading =
  | { state: 'measured'; performance: ModelPerformance }
  /** The operator set `USAGE_STORE=off`. */
  | { state: 'off' }
  /** The store did not answer (the page is regenerated again a minute later). */
  | { state: 'unavailable' }

export async function readPerformance(
  model: string,
  endpoints: ReadonlyArray<{ provider: string; providerName: string }>,
): Promise<PerformanceReading> {
  const store = processStore()
  const now = new Date()
  if (!store) return { state: 'measured', performance: modelPerformance(model, endpoints, [], [], now) }
  if (store.mode === 'off') return { state: 'off' }
  try {
    const [stats, series] = await Promise.all([
      store.endpointStats({ model, now }),
      store.endpointSeries({ model, now }),
    ])
    return { state: 'measured', performance: modelPerformance(model, endpoints, stats, series, now) }
  } catch {
    return { state: 'unavailable' }
  }
}

/**
 * The catalog models most called through this site over the last 7 days, most first (empty
 * during the build, under `next dev`, with `USAGE_STORE=off`, or when the store does not answer).
 */
export async function readPopularModels(limit: number): Promise<PopularModel[]> {
  const store = processStore()
  if (!store || store.mode === 'off') return []
  try {
    return await store.popularModels({ days: 7, limit })
  } catch {
    return []
  }
}
