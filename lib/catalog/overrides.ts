/**
 * Audited facts (content/fact-overrides.yaml): values the import sources get wrong, checked by
 * hand against the vendor's own documentation, each with its reason. The importer writes them
 * over whatever the sources say (importer/overrides.ts), and the tests fail when a model file
 * disagrees with one (`checkOverrides`), so a wrong fact that was fixed cannot come back through
 * an import or a hand edit. Pure.
 */
import { z } from 'zod'

import type { ModelFile } from './schema'

const MODEL_FIELDS = ['releaseDate', 'knowledgeCutoff', 'contextWindow', 'maxOutputTokens'] as const
const ENDPOINT_FIELDS = ['contextWindow', 'maxOutputTokens'] as const

export const factOverrideSchema = z
  .strictObject({
    /** `<vendor>/<model>`. */
    model: z.string().regex(/^[^/]+\/[^/]+$/, 'a model id, vendor/model'),
    /** Set for an endpoint's fact: the provider id of the model's endpoint. */
    provider: z.string().min(1).optional(),
    field: z.enum(MODEL_FIELDS),
    value: z.union([z.string().min(1), z.number().int().positive()]),
    /** What is wrong in the sources and where the right value comes from, in a sentence. */
    reason: z.string().trim().min(20, 'say what the sources get wrong and where the value comes from'),
  })
  .superRefine((o, ctx) => {
    const tokens = o.field === 'contextWindow' || o.field === 'maxOutputTokens'
    if (tokens !== (typeof o.value === 'number'))
      ctx.addIssue({ code: 'custom', path: ['value'], message: tokens ? 'a token count' : 'a date string' })
    if (o.provider && !(ENDPOINT_FIELDS as readonly string[]).includes(o.field))
      ctx.addIssue({ code: 'custom', path: ['field'], message: `an endpoint has no ${o.field}` })
  })
export const factOverridesSchema = z.array(factOverrideSchema)
export type FactOverride = z.infer<typeof factOverrideSchema>

/** Where an override applies, for messages: `openai/gpt-5-chat @ openai: contextWindow`. */
export const overrideTarget = (o: FactOverride) => `${o.model}${o.provider ? ` @ ${o.provider}` : ''}: ${o.field}`

/** The value the model file holds where the override applies (`missing` when there is no such model or endpoint). */
export function currentValue(file: ModelFile | undefined, o: FactOverride): unknown {
  if (!file) return 'missing'
  if (!o.provider) return file[o.field]
  const e = file.endpoints.find((x) => x.provider === o.provider)
  return e ? e[o.field as (typeof ENDPOINT_FIELDS)[number]] : 'missing'
}

/** One line per override the model files disagree with (or that names no model or endpoint). */
export function checkOverrides(models: ReadonlyMap<string, ModelFile>, overrides: readonly FactOverride[]): string[] {
  const out: string[] = []
  for (const o of overrides) {
    const file = models.get(o.model)
    const cur = currentValue(file, o)
    if (cur === 'missing')
      out.push(`${overrideTarget(o)}: no such ${o.provider && file ? 'endpoint' : 'model'} (remove the override)`)
    else if (cur !== o.value)
      out.push(`${overrideTarget(o)}: the file says ${String(cur)}, the audited value is ${o.value}`)
  }
  return out
}
