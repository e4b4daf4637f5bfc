/**
 * Facts that contradict each other are not written (the data check in lib/catalog/data-check.ts
 * would fail on them). After the sources are applied, for every model the import may change:
 * - an endpoint's or the model's maxOutputTokens above its contextWindow is dropped (a source
 *   error: one of the two is wrong, and the window is the fact pages rely on);
 * - a cacheRead price above the endpoint's input price is dropped (the history has such
 *   published errors, e.g. gpt-3.5-turbo's 1.25 vs 0.5);
 * - a knowledgeCutoff after the releaseDate is dropped (dates of a later version on an older id);
 * - a model whose every endpoint is deprecated becomes `deprecated`.
 * Locked fields are left alone. Each change is listed in the report. Pure.
 */
import type { Endpoint } from '@/lib/catalog/schema'

import { note } from './report'
import type { ImportState } from './state'

export function sanitize(state: ImportState): void {
  for (const m of state.models.values()) {
    if (m.frozen || !m.data.name) continue
    const d = m.data
    const topic = 'Contradictory source facts dropped (lock the field after fixing by hand)'
    if (!m.locked.has('endpoints') && Array.isArray(d.endpoints)) {
      let changed = false
      const endpoints = (d.endpoints as Endpoint[]).map((e) => {
        let out = e
        if (out.maxOutputTokens !== undefined && out.maxOutputTokens > out.contextWindow) {
          note(
            state.report,
            topic,
            `${m.id} @ ${e.provider}: maxOutputTokens ${out.maxOutputTokens} > contextWindow ${out.contextWindow}`,
          )
          const { maxOutputTokens: _drop, ...rest } = out
          out = rest
        }
        if (out.pricing.cacheRead !== undefined && out.pricing.cacheRead > out.pricing.input) {
          note(
            state.report,
            topic,
            `${m.id} @ ${e.provider}: cacheRead ${out.pricing.cacheRead} > input ${out.pricing.input}`,
          )
          const { cacheRead: _drop, ...pricing } = out.pricing
          out = { ...out, pricing }
        }
        if (out !== e) changed = true
        return out
      })
      if (changed) d.endpoints = endpoints
    }
    const window = d.contextWindow as number | undefined
    if (!m.locked.has('maxOutputTokens') && window !== undefined && (d.maxOutputTokens as number) > window) {
      note(state.report, topic, `${m.id}: maxOutputTokens ${d.maxOutputTokens} > contextWindow ${window}`)
      delete d.maxOutputTokens
    }
    const cutoff = d.knowledgeCutoff as string | undefined
    const released = d.releaseDate as string | undefined
    if (!m.locked.has('knowledgeCutoff') && cutoff && released && cutoff.slice(0, 7) > released.slice(0, 7)) {
      note(state.report, topic, `${m.id}: knowledgeCutoff ${cutoff} after releaseDate ${released}`)
      delete d.knowledgeCutoff
    }
    const endpoints = (d.endpoints as Endpoint[] | undefined) ?? []
    if (
      !m.locked.has('status') &&
      endpoints.length > 0 &&
      endpoints.every((e) => e.status === 'deprecated') &&
      d.status !== 'deprecated'
    ) {
      note(state.report, 'Every endpoint is deprecated: the model is deprecated too', m.id)
      d.status = 'deprecated'
    }
  }
}
