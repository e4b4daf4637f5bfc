/**
 * No two models of a vendor share a display name. A model this run would create under a name
 * that another model of the vendor already has (`xai/grok-4-0709` next to `xai/grok-4`, both
 * "Grok 4"; OpenRouter's `sao10k/l3-lunaris-8b` next to Hugging Face's `l3-8b-lunaris`) is the
 * same model under another id: it is not created; its id becomes an alias of that model and its
 * endpoints join it, except on a provider the model already covers. The report lists each merge.
 * Models that exist before the run are never merged here (see the README, "A dated snapshot and
 * its undated id"); the data check lists any two that share a name.
 */
import type { Endpoint } from '@/lib/catalog/schema'

import { note } from './report'
import type { ImportState, ModelState } from './state'

/** `Ministral 8B (latest)` = `ministral 8b`. */
export function nameKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/\(latest\)/g, '')
    .replace(/[^a-z0-9.+]+/g, ' ')
    .trim()
}

const endpointsOf = (m: ModelState) => (m.data.endpoints as Endpoint[] | undefined) ?? []

export function mergeSameName(state: ImportState): void {
  const groups = new Map<string, ModelState[]>()
  for (const m of state.models.values()) {
    if (m.frozen || typeof m.data.name !== 'string') continue
    const key = `${m.vendor}\u0000${nameKey(m.data.name)}`
    const list = groups.get(key) ?? []
    list.push(m)
    groups.set(key, list)
  }
  for (const list of groups.values()) {
    const created = list.filter((m) => m.isNew)
    if (list.length < 2 || created.length === 0) continue
    // The model that stays: one that existed before the run, else the one most providers serve, else the shortest id.
    const survivor = [...list].sort(
      (a, b) =>
        Number(a.isNew) - Number(b.isNew) ||
        endpointsOf(b).length - endpointsOf(a).length ||
        a.id.length - b.id.length ||
        a.id.localeCompare(b.id),
    )[0]!
    for (const m of created) {
      if (m === survivor) continue
      const alias = m.id.slice(m.vendor.length + 1)
      const aliases = (survivor.data.aliases as string[] | undefined) ?? []
      if (!aliases.includes(alias)) state.setField(survivor, 'aliases', [...aliases, alias])
      const label = state.sourceLabel
      for (const e of endpointsOf(m)) {
        if (endpointsOf(survivor).some((x) => x.provider === e.provider)) {
          state.sourceLabel = 'merge'
          state.skip(
            'a model with the same name already has an endpoint on this provider (one endpoint per provider)',
            `${e.provider}/${e.modelId} (kept ${survivor.id}'s)`,
          )
          state.sourceLabel = label
          continue
        }
        state.sourceLabel = m.endpointSources.get(e.provider)?.source ?? label
        state.upsertEndpoint(survivor, e)
        state.sourceLabel = label
      }
      survivor.seen = true
      state.models.delete(m.id)
      note(
        state.report,
        'Same display name as another model of the vendor: merged, the id kept as an alias',
        `${m.id} → ${survivor.id} ("${String(survivor.data.name)}")`,
      )
    }
  }
}
