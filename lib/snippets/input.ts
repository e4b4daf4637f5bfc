/**
 * The generator's input and how it maps onto a template's flags and slot values. Client-safe:
 * the snippet panel runs this on every change.
 */
import { numberLiteral } from './escape'
import type { ReasoningEffort, SnippetFeatures, SnippetModel } from './features'
import type { SnippetLanguage } from './languages'
import { LITERALS } from './languages'
import type { Flags, SlotValues } from './template'

/** Where the request goes. */
export interface SnippetTarget {
  /** OpenAI-compatible base URL, ending before `/chat/completions`. */
  baseUrl: string
  /** The model id this endpoint takes (the catalog id for the site's proxy, the provider's own id otherwise). */
  modelId: string
  /** Environment variable the code reads the API key from (the placeholder the user fills). */
  apiKeyEnv: string
}

/** Options; each one is used only when set and when the model supports it. */
export interface SnippetOptions {
  temperature?: number
  /** Sent as `max_tokens` or `max_completion_tokens`, whichever the model takes. */
  maxTokens?: number
  topP?: number
  /** One stop sequence. */
  stop?: string
  seed?: number
  reasoningEffort?: ReasoningEffort
  /** `response_format` with a small JSON schema (`{ "answer": string }`). */
  jsonSchema?: boolean
  /** A `get_weather` function tool, with `tool_choice: "auto"` where the model takes it. */
  tools?: boolean
  /** Send this image with the message (vision models). */
  imageUrl?: string
}

/** Everything but the model: what the snippet panel keeps in its state. */
export interface SnippetRequest {
  target: SnippetTarget
  /** System message; empty or missing means none. */
  system?: string
  /** The user message. */
  message: string
  options?: SnippetOptions
  /** Stream the answer (shown only where the model streams). */
  stream?: boolean
}

export interface SnippetInput extends SnippetRequest {
  model: SnippetModel
}

/** The message a snippet starts with. */
export const DEFAULT_MESSAGE = 'Hello! What can you do?'

/** The placeholder environment variable for a key to this site's API. */
const PROXY_KEY_ENV = 'YOUR_API_KEY'

/** The site's own OpenAI-compatible API. */
export function proxyTarget(siteUrl: string, modelId: string): SnippetTarget {
  return { baseUrl: `${siteUrl.replace(/\/+$/, '')}/api/v1`, modelId, apiKeyEnv: PROXY_KEY_ENV }
}

/**
 * An environment variable name every snippet language can read: shells (and so curl) need a
 * letter or `_` first, so a name like `01_AI_API_KEY` becomes `_01_AI_API_KEY`.
 */
export function safeEnvName(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9_]+/g, '_')
  return /^[A-Za-z_]/.test(cleaned) ? cleaned : `_${cleaned}`
}

const finite = (n: number | undefined): n is number => typeof n === 'number' && Number.isFinite(n)
const integer = (n: number | undefined): n is number => finite(n) && Number.isInteger(n)

export function snippetFlags(input: SnippetRequest, f: SnippetFeatures): Flags {
  const o = input.options ?? {}
  return {
    stream: f.stream && input.stream === true,
    system: Boolean(input.system),
    temperature: f.temperature && finite(o.temperature),
    maxTokens: f.maxTokens !== null && integer(o.maxTokens) && o.maxTokens > 0,
    topP: f.topP && finite(o.topP),
    stop: f.stop && typeof o.stop === 'string' && o.stop !== '',
    seed: f.seed && integer(o.seed),
    reasoning: f.reasoning && typeof o.reasoningEffort === 'string',
    jsonSchema: f.jsonSchema && o.jsonSchema === true,
    tools: f.tools && o.tools === true,
    image: f.image && typeof o.imageUrl === 'string' && o.imageUrl !== '',
  }
}

export function slotValues(lang: SnippetLanguage, input: SnippetRequest): SlotValues {
  const lit = LITERALS[lang]
  const o = input.options ?? {}
  const num = (n: number | undefined) => (finite(n) ? numberLiteral(n) : '0')
  const base = input.target.baseUrl.replace(/\/+$/, '')
  return {
    url: lit.url(`${base}/chat/completions`),
    baseUrl: lit.url(base),
    keyEnv: lit.keyEnv(safeEnvName(input.target.apiKeyEnv)),
    model: lit.string(input.target.modelId),
    system: lit.string(input.system ?? ''),
    message: lit.string(input.message),
    temperature: num(o.temperature),
    maxTokens: num(o.maxTokens),
    topP: num(o.topP),
    stop: lit.string(o.stop ?? ''),
    seed: num(o.seed),
    reasoningEffort: lit.string(o.reasoningEffort ?? ''),
    imageUrl: lit.string(o.imageUrl ?? ''),
  }
}
