/**
 * Input formats and their validation. Loose on purpose: unknown keys pass through (the sources
 * add fields all the time), but the fields the importer reads are type-checked, so a malformed
 * file fails up front with the file name and the row, instead of producing odd content.
 */
import { z } from 'zod'

import { isFullDate } from './facts'

export type SourceKind = 'models.dev' | 'openrouter' | 'litellm'
export const SOURCE_KINDS: readonly SourceKind[] = ['models.dev', 'openrouter', 'litellm']

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
  last_updated: optStr,
  open_weights: optBool,
  modalities: z.looseObject({ input: z.array(z.string()).nullish(), output: z.array(z.string()).nullish() }).nullish(),
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
// LiteLLM: the model price map, an object keyed by model name. Prices: USD per token, as numbers.

/**
 * One entry of LiteLLM's price map. Only the fields the importer reads are typed; the map has
 * well over a hundred others (batch, priority and per-image prices, rpm, …) that pass through.
 * `litellm_provider` is optional here because the map also carries non-model entries (the
 * importer skips and counts those); where present it must be a string.
 */
export const liteLLMEntrySchema = z.looseObject({
  litellm_provider: z.string().min(1).nullish(),
  mode: optStr,
  max_input_tokens: optNum,
  max_output_tokens: optNum,
  input_cost_per_token: optNum,
  output_cost_per_token: optNum,
  cache_read_input_token_cost: optNum,
  supports_function_calling: optBool,
  supports_parallel_function_calling: optBool,
  supports_vision: optBool,
  supports_pdf_input: optBool,
  supports_prompt_caching: optBool,
  supports_response_schema: optBool,
  supports_web_search: optBool,
  supports_reasoning: optBool,
  supports_native_structured_output: optBool,
  deprecation_date: z.string().refine(isFullDate, 'expected a date as "YYYY-MM-DD"').nullish(),
})
export type LiteLLMEntry = z.infer<typeof liteLLMEntrySchema>

/** Keys of the map that document its format rather than describe a model. */
export const LITELLM_DOCUMENTATION_KEYS: ReadonlySet<string> = new Set(['sample_spec'])

// ---------------------------------------------------------------------------------------------

export type ParsedSource =
  | { kind: 'models.dev'; file: string; rows: ModelsDevRow[] }
  | { kind: 'openrouter'; file: string; models: OpenRouterModel[] }
  | {
      kind: 'litellm'
      file: string
      /** Model entries in file order. */
      entries: Array<{ key: string; entry: LiteLLMEntry }>
      /** Documentation keys (`sample_spec`), skipped. */
      documentation: string[]
    }

/** How many records a parsed source holds, for the report. */
export function sourceRecords(s: ParsedSource): number {
  if (s.kind === 'models.dev') return s.rows.length
  if (s.kind === 'openrouter') return s.models.length
  return s.entries.length + s.documentation.length
}

/**
 * How recent a source's data is, `YYYY-MM-DD`: the newest `last_updated` of a models.dev list,
 * the newest `created` of an OpenRouter list. Undefined for LiteLLM (its map carries no dates).
 * When two sources give one endpoint different values, the newer one wins.
 */
export function snapshotDate(s: ParsedSource): string | undefined {
  let newest: string | undefined
  const see = (d: string | null | undefined) => {
    if (isFullDate(d) && (newest === undefined || d > newest)) newest = d
  }
  if (s.kind === 'models.dev') for (const r of s.rows) see(r.last_updated)
  else if (s.kind === 'openrouter')
    for (const m of s.models)
      see(Number.isFinite(m.created) ? new Date(m.created * 1000).toISOString().slice(0, 10) : undefined)
  return newest
}

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
      ? [
          ['provider', o.provider],
          ['modelId', o.modelId],
        ]
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
  if (kind === 'litellm') return parseLiteLLM(file, data)
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

/**
 * LiteLLM's map: every entry but the documentation ones is validated on its own, so an error
 * names the entry's key. Throws ImportInputError naming the file, the key and the field of up to
 * five problems.
 */
function parseLiteLLM(file: string, data: unknown): ParsedSource {
  const fail = (lines: string[]) => {
    throw new ImportInputError(
      `litellm input ${file} is not valid (expected LiteLLM's model price map: a JSON object keyed by model name):\n${lines.join('\n')}`,
    )
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    fail(['  - top level: (the file itself): expected an object keyed by model name'])
  const entries: Array<{ key: string; entry: LiteLLMEntry }> = []
  const documentation: string[] = []
  const problems: string[] = []
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    if (LITELLM_DOCUMENTATION_KEYS.has(key)) {
      documentation.push(key)
      continue
    }
    const r = liteLLMEntrySchema.safeParse(value)
    if (r.success) entries.push({ key, entry: r.data })
    else
      for (const issue of r.error.issues)
        problems.push(
          `  - entry ${JSON.stringify(key)}: ${issue.path.length ? issue.path.map(String).join('.') : '(the entry itself)'}: ${issue.message}`,
        )
  }
  if (problems.length)
    fail([...problems.slice(0, 5), ...(problems.length > 5 ? [`  … and ${problems.length - 5} more problems`] : [])])
  return { kind: 'litellm', file, entries, documentation }
}
