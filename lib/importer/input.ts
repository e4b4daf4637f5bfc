/**
 * Input formats and their validation. Loose on purpose: unknown keys pass through (the sources
 * add fields all the time), but the fields the importer reads are type-checked, so a malformed
 * file fails up front with the file name and the row, instead of producing odd content.
 */
import { z } from 'zod'

export type SourceKind = 'models.dev' | 'openrouter'
export const SOURCE_KINDS: readonly SourceKind[] = ['models.dev', 'openrouter']

/** Thrown for any unusable input file; the message names the file and the bad row. */
export class ImportInputError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ImportInputError'
  }
}

const num = z.number().finite()
const optNum = num.nullish()
const optStr = z.string().nullish()
const optBool = z.boolean().nullish()

// ---------------------------------------------------------------------------------------------
// models.dev: the flattened offers list, one row per (provider, model). Prices: USD per 1M tokens.

const modelsDevTier = z.looseObject({
  tier: z.looseObject({ type: z.string(), size: num }),
  input: optNum,
  output: optNum,
  cache_read: optNum,
  cache_write: optNum,
})

const modelsDevCostPart = z.looseObject({
  input: optNum,
  output: optNum,
  cache_read: optNum,
  cache_write: optNum,
})

export const modelsDevRowSchema = z.looseObject({
  provider: z.string().min(1),
  providerName: optStr,
  providerApi: optStr,
  providerDoc: optStr,
  modelId: z.string().min(1),
  canonicalModelId: optStr,
  name: optStr,
  family: optStr,
  status: optStr,
  attachment: optBool,
  reasoning: optBool,
  tool_call: optBool,
  structured_output: optBool,
  knowledge: optStr,
  release_date: optStr,
  open_weights: optBool,
  modalities: z
    .looseObject({ input: z.array(z.string()).nullish(), output: z.array(z.string()).nullish() })
    .nullish(),
  cost: z
    .looseObject({
      input: optNum,
      output: optNum,
      cache_read: optNum,
      cache_write: optNum,
      reasoning: optNum,
      tiers: z.array(modelsDevTier).nullish(),
      context_over_200k: modelsDevCostPart.nullish(),
    })
    .nullish(),
  limit: z.looseObject({ context: optNum, output: optNum, input: optNum }).nullish(),
})
export type ModelsDevRow = z.infer<typeof modelsDevRowSchema>
export const modelsDevFileSchema = z.array(modelsDevRowSchema)

// ---------------------------------------------------------------------------------------------
// OpenRouter: the `GET /api/v1/models` response. Prices: USD per token, as decimal strings.

const decimalString = z
  .string()
  .regex(/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/, 'expected a decimal number as a string')

export const openRouterModelSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string().min(1),
  created: num,
  hugging_face_id: optStr,
  context_length: optNum,
  architecture: z.looseObject({
    input_modalities: z.array(z.string()).nullish(),
    output_modalities: z.array(z.string()).nullish(),
    tokenizer: optStr,
  }),
  pricing: z.looseObject({
    prompt: decimalString,
    completion: decimalString,
    request: decimalString.nullish(),
    image: decimalString.nullish(),
    web_search: decimalString.nullish(),
    internal_reasoning: decimalString.nullish(),
    input_cache_read: decimalString.nullish(),
    input_cache_write: decimalString.nullish(),
  }),
  top_provider: z
    .looseObject({ context_length: optNum, max_completion_tokens: optNum, is_moderated: optBool })
    .nullish(),
  supported_parameters: z.array(z.string()).nullish(),
  default_parameters: z.record(z.string(), z.unknown()).nullish(),
  knowledge_cutoff: optStr,
  expiration_date: optStr,
})
export type OpenRouterModel = z.infer<typeof openRouterModelSchema>
export const openRouterFileSchema = z.looseObject({ data: z.array(openRouterModelSchema) })

// ---------------------------------------------------------------------------------------------

export type ParsedSource =
  | { kind: 'models.dev'; file: string; rows: ModelsDevRow[] }
  | { kind: 'openrouter'; file: string; models: OpenRouterModel[] }

/** Describe the row an issue path points into, e.g. `row 12 (provider "azure", modelId "gpt-4o")`. */
function describeRow(kind: SourceKind, data: unknown, path: PropertyKey[]): { row: string; rest: PropertyKey[] } {
  const [first, second] = path
  let index: number | undefined
  let rest = path
  let item: unknown
  if (kind === 'models.dev' && typeof first === 'number') {
    index = first
    rest = path.slice(1)
    item = Array.isArray(data) ? data[first] : undefined
  } else if (kind === 'openrouter' && first === 'data' && typeof second === 'number') {
    index = second
    rest = path.slice(2)
    const list = (data as { data?: unknown })?.data
    item = Array.isArray(list) ? list[second] : undefined
  }
  if (index === undefined) return { row: 'top level', rest: path }
  const o = (item ?? {}) as Record<string, unknown>
  const ids =
    kind === 'models.dev'
      ? [['provider', o.provider], ['modelId', o.modelId]]
      : [['id', o.id]]
  const named = ids
    .filter(([, v]) => typeof v === 'string')
    .map(([k, v]) => `${String(k)} ${JSON.stringify(v)}`)
    .join(', ')
  return { row: `row ${index}${named ? ` (${named})` : ''}`, rest }
}

/**
 * Validate one input file's parsed JSON. Throws ImportInputError naming the file, the row and
 * the field path of up to five problems.
 */
export function parseSource(kind: SourceKind, file: string, data: unknown): ParsedSource {
  const schema = kind === 'models.dev' ? modelsDevFileSchema : openRouterFileSchema
  const result = schema.safeParse(data)
  if (!result.success) {
    const issues = result.error.issues
    const lines = issues.slice(0, 5).map((issue) => {
      const { row, rest } = describeRow(kind, data, issue.path)
      const field = rest.length ? rest.map(String).join('.') : '(the row itself)'
      return `  - ${row}: ${field}: ${issue.message}`
    })
    if (issues.length > 5) lines.push(`  … and ${issues.length - 5} more problems`)
    const expected =
      kind === 'models.dev'
        ? 'a JSON array of models.dev offer rows'
        : "OpenRouter's /api/v1/models response ({ data: [...] })"
    throw new ImportInputError(`${kind} input ${file} is not valid (expected ${expected}):\n${lines.join('\n')}`)
  }
  return kind === 'models.dev'
    ? { kind, file, rows: result.data as ModelsDevRow[] }
    : { kind, file, models: (result.data as { data: OpenRouterModel[] }).data }
}
