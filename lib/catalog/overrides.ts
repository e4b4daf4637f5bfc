/**
 * Audited facts (content/fact-overrides.yaml): values the import sources get wrong, checked by
 * hand against the vendor's own documentation or licence, each with its reason. The importer
 * writes them over whatever the sources say (importer/overrides.ts), and the tests fail when a
 * model file disagrees with one (`checkOverrides`), so a wrong fact that was fixed cannot come
 * back through an import or a hand edit. Pure.
 *
 * A field is a model field (`releaseDate`, `openWeights`, …), one list of `modalities`
 * (`modalities.input`) or one capability flag (`capabilities.reasoning`); an endpoint (with
 * `provider`) takes only its limits.
 */
import { z } from 'zod'

import type { ModelFile } from './schema'
import { isoDate, isoMonthOrDate } from './schema'
import type { Capability } from './vocab'
import { CAPABILITY_KEYS, MODALITIES, MODES } from './vocab'

const tokenCount = z.number().int().positive()
const modalityList = z.array(z.enum(MODALITIES)).min(1, 'at least one modality')

/** Every field an override may set, with the values it takes. */
const FIELD_VALUES = {
  releaseDate: isoDate,
  knowledgeCutoff: isoMonthOrDate,
  contextWindow: tokenCount,
  maxOutputTokens: tokenCount,
  name: z.string().trim().min(1),
  family: z.string().trim().min(1),
  mode: z.enum(MODES),
  openWeights: z.boolean(),
  'modalities.input': modalityList,
  'modalities.output': modalityList,
  ...(Object.fromEntries(CAPABILITY_KEYS.map((k) => [`capabilities.${k}`, z.boolean()])) as Record<
    `capabilities.${Capability}`,
    z.ZodBoolean
  >),
} satisfies Record<string, z.ZodType>
export type OverrideField = keyof typeof FIELD_VALUES
/**
 * Optional fields: `value: null` says no source knows the fact and leaves the field out (a
 * placeholder release date becomes "Unknown" on the page; an embedding model has no reply limit).
 */
const CLEARABLE: ReadonlySet<OverrideField> = new Set(['releaseDate', 'knowledgeCutoff', 'maxOutputTokens', 'family'])
const FIELDS = Object.keys(FIELD_VALUES) as [OverrideField, ...OverrideField[]]
const ENDPOINT_FIELDS = ['contextWindow', 'maxOutputTokens'] as const

export const factOverrideSchema = z
  .strictObject({
    /** `<vendor>/<model>`. */
    model: z.string().regex(/^[^/]+\/[^/]+$/, 'a model id, vendor/model'),
    /** Set for an endpoint's fact: the provider id of the model's endpoint. */
    provider: z.string().min(1).optional(),
    field: z.enum(FIELDS),
    /** `null`: leave the (optional) field out. */
    value: z.union([z.string().min(1), z.number(), z.boolean(), z.array(z.string()), z.null()]),
    /** What is wrong in the sources and where the right value comes from, in a sentence. */
    reason: z.string().trim().min(20, 'say what the sources get wrong and where the value comes from'),
  })
  .superRefine((o, ctx) => {
    if (o.value === null) {
      if (!CLEARABLE.has(o.field))
        ctx.addIssue({ code: 'custom', path: ['value'], message: `${o.field} cannot be left out` })
    } else {
      const checked = FIELD_VALUES[o.field].safeParse(o.value)
      if (!checked.success)
        ctx.addIssue({
          code: 'custom',
          path: ['value'],
          message: `not a value for ${o.field}: ${checked.error.issues[0]?.message ?? 'invalid'}`,
        })
    }
    if (o.provider && !(ENDPOINT_FIELDS as readonly string[]).includes(o.field))
      ctx.addIssue({ code: 'custom', path: ['field'], message: `an endpoint has no ${o.field}` })
  })
export const factOverridesSchema = z.array(factOverrideSchema)
export type FactOverride = z.infer<typeof factOverrideSchema>

/** Where an override applies, for messages: `openai/gpt-5-chat @ openai: contextWindow`. */
export const overrideTarget = (o: FactOverride) => `${o.model}${o.provider ? ` @ ${o.provider}` : ''}: ${o.field}`

/** A value as messages show it: lists joined with `+`, a left-out field as `none`. */
export const showValue = (v: unknown) => (Array.isArray(v) ? v.join('+') : v == null ? 'none' : String(v))

/** Whether two override values are the same (lists compare in order; null and absent are the same). */
export const sameValue = (a: unknown, b: unknown) =>
  Array.isArray(a) && Array.isArray(b)
    ? a.length === b.length && a.every((x, i) => x === b[i])
    : (a ?? null) === (b ?? null)

/** The value of a (possibly dotted) model field in a model's data, e.g. `capabilities.reasoning`. */
export function readField(data: Readonly<Record<string, unknown>>, field: OverrideField): unknown {
  const [head, key] = field.split('.') as [string, string | undefined]
  const v = data[head]
  if (key === undefined) return v
  return v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined
}

/**
 * The model's data with the (possibly dotted) field set, or left out for `null`; the other keys
 * of a nested object keep their order.
 */
export function writeField<D extends Record<string, unknown>>(data: D, field: OverrideField, value: unknown): D {
  const [head, key] = field.split('.') as [string, string | undefined]
  if (key === undefined) {
    if (value !== null) return { ...data, [head]: value }
    const { [head]: _gone, ...rest } = data
    return rest as D
  }
  const cur = data[head]
  return { ...data, [head]: { ...(cur && typeof cur === 'object' ? cur : {}), [key]: value } }
}

/** The value the model file holds where the override applies (`missing` when there is no such model or endpoint). */
export function currentValue(file: ModelFile | undefined, o: FactOverride): unknown {
  if (!file) return 'missing'
  if (!o.provider) return readField(file, o.field)
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
    else if (!sameValue(cur, o.value))
      out.push(`${overrideTarget(o)}: the file says ${showValue(cur)}, the audited value is ${showValue(o.value)}`)
  }
  return out
}
