/**
 * What a snippet may show for one model, judged from its catalog entry: its supported request
 * parameters (the catalog's `parameters`, OpenRouter's `supported_parameters` names) and its
 * capability flags. Client-safe.
 */

/** The part of a catalog model the generator reads. */
export interface SnippetModel {
  /** The catalog id, e.g. `openai/gpt-4o-mini` (what the site's proxy takes). */
  id: string
  capabilities: { tools: boolean; vision: boolean; reasoning: boolean; structuredOutputs: boolean; streaming: boolean }
  /** Supported request parameters; empty when the catalog does not know them. */
  parameters: ReadonlyArray<{ name: string; default?: number | string | boolean }>
  /** Tokens. */
  maxOutputTokens?: number
}

export interface SnippetFeatures {
  stream: boolean
  temperature: boolean
  /** The parameter name for the output limit, or null when the model takes neither. */
  maxTokens: 'max_tokens' | 'max_completion_tokens' | null
  topP: boolean
  stop: boolean
  seed: boolean
  /** `reasoning_effort` */
  reasoning: boolean
  /** `response_format` with a JSON schema */
  jsonSchema: boolean
  tools: boolean
  /** Whether `tool_choice` goes with the tools example. */
  toolChoice: boolean
  /** An image in the user message. */
  image: boolean
}

/**
 * The options a model supports.
 *
 * - A listed parameter is supported. A model with no parameter list is not known to take the
 *   sampling parameters (reasoning models often reject `temperature`), so it gets only
 *   `max_tokens`, which every OpenAI-compatible API accepts, and the capability-driven examples.
 * - `max_completion_tokens` is used when the model lists it but not `max_tokens` (OpenAI's
 *   reasoning models reject `max_tokens`).
 * - Tools, structured output, images and reasoning effort follow the capability flags; where the
 *   model has a parameter list, tools and structured output also need `tools` / `response_format`
 *   in it (the site's proxy drops unlisted parameters). Reasoning effort is sent as OpenAI's
 *   `reasoning_effort`, which OpenAI-compatible providers and OpenRouter take (OpenRouter's own
 *   `reasoning` object is typed in neither SDK); it shows for models listing either name.
 */
export function snippetFeatures(model: SnippetModel): SnippetFeatures {
  const names = new Set(model.parameters.map((p) => p.name))
  const known = names.size > 0
  const has = (name: string) => names.has(name)
  const { capabilities: c } = model
  return {
    stream: c.streaming,
    temperature: has('temperature'),
    maxTokens:
      !known || has('max_tokens') ? 'max_tokens' : has('max_completion_tokens') ? 'max_completion_tokens' : null,
    topP: has('top_p'),
    stop: has('stop'),
    seed: has('seed'),
    reasoning: c.reasoning && (!known || has('reasoning_effort') || has('reasoning')),
    jsonSchema: c.structuredOutputs && (!known || has('response_format')),
    tools: known ? has('tools') : c.tools,
    toolChoice: has('tool_choice') || !known,
    image: c.vision,
  }
}

/** The values an option starts with when it is turned on. */
export interface OptionDefaults {
  temperature: number
  maxTokens: number
  topP: number
  stop: string
  seed: number
  reasoningEffort: ReasoningEffort
  imageUrl: string
}

export const REASONING_EFFORTS = ['minimal', 'low', 'medium', 'high'] as const
export type ReasoningEffort = (typeof REASONING_EFFORTS)[number]

/** A public, stable picture (Wikimedia Commons), the one OpenAI's vision guide uses. */
const SAMPLE_IMAGE_URL =
  'https://upload.wikimedia.org/wikipedia/commons/thumb/d/dd/Gfp-wisconsin-madison-the-nature-boardwalk.jpg/2560px-Gfp-wisconsin-madison-the-nature-boardwalk.jpg'

export function optionDefaults(model: SnippetModel): OptionDefaults {
  return {
    temperature: 0.7,
    // Enough for a paragraph; never above what the model can produce.
    maxTokens: Math.min(1024, model.maxOutputTokens ?? 1024),
    topP: 0.9,
    stop: 'END',
    seed: 42,
    reasoningEffort: 'low',
    imageUrl: SAMPLE_IMAGE_URL,
  }
}

/** The model's own default for a parameter, where the catalog has one (shown as a hint). */
export function parameterDefault(model: SnippetModel, name: string): number | string | boolean | undefined {
  return model.parameters.find((p) => p.name === name)?.default
}
