/**
 * The audited facts of content/fact-overrides.yaml (lib/catalog/overrides.ts), written over what
 * the sources set, after every source has been applied. The report lists each one whose value the
 * run would otherwise have changed. Pure.
 */

import type { FactOverride } from '@/lib/catalog/overrides'
import {
  factOverridesSchema,
  overrideTarget,
  readField,
  sameValue,
  showValue,
  writeField,
} from '@/lib/catalog/overrides'
import type { Endpoint } from '@/lib/catalog/schema'

import { ImportInputError } from './input'
import { note } from './report'
import type { ImportState } from './state'
import { parseYaml } from './yaml'

export const OVERRIDES_FILE = 'fact-overrides.yaml'
const TOPIC = `Audited facts written over the sources (content/${OVERRIDES_FILE})`

/** The overrides file's entries; a file that is not valid stops the import, its entry and field named. */
export function parseOverrides(text: string | undefined): FactOverride[] {
  if (text === undefined) return []
  const { data, error } = parseYaml(text)
  if (error) throw new ImportInputError(`content/${OVERRIDES_FILE} is not valid YAML: ${error}`)
  const checked = factOverridesSchema.safeParse(data ?? [])
  if (!checked.success) {
    const problems = checked.error.issues.map((i) => `${i.path.map(String).join('.')}: ${i.message}`)
    throw new ImportInputError(`content/${OVERRIDES_FILE} is invalid: ${problems.join('; ')}`)
  }
  return checked.data
}

export function applyOverrides(state: ImportState, overrides: readonly FactOverride[]): void {
  for (const o of overrides) {
    const m = state.models.get(o.model)
    if (!m || m.frozen) {
      note(state.report, TOPIC, `${overrideTarget(o)}: no such model (the override does nothing)`)
      continue
    }
    if (!o.provider) {
      const cur = readField(m.data, o.field)
      if (!sameValue(cur, o.value)) {
        note(state.report, TOPIC, `${overrideTarget(o)}: the sources say ${showValue(cur)}, kept ${showValue(o.value)}`)
        m.data = writeField(m.data, o.field, o.value)
      }
      continue
    }
    const endpoints = (m.data.endpoints as Endpoint[] | undefined) ?? []
    const i = endpoints.findIndex((e) => e.provider === o.provider)
    if (i < 0) {
      note(state.report, TOPIC, `${overrideTarget(o)}: no such endpoint (the override does nothing)`)
      continue
    }
    const e = endpoints[i]!
    const field = o.field as 'contextWindow' | 'maxOutputTokens'
    if (!sameValue(e[field], o.value)) {
      note(
        state.report,
        TOPIC,
        `${overrideTarget(o)}: the sources say ${showValue(e[field])}, kept ${showValue(o.value)}`,
      )
      const list = [...endpoints]
      const { [field]: _old, ...rest } = e
      list[i] = (o.value === null ? rest : { ...e, [field]: o.value as number }) as Endpoint
      m.data.endpoints = list
    }
  }
}
