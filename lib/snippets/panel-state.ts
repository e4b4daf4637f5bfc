/**
 * The snippet panel's state (language, endpoint, message and options), its URL form and the
 * generator request it stands for. Pure and client-safe; the panel reads the URL after
 * hydration, so model pages stay static.
 *
 * URL parameters (only values that differ from the defaults are written):
 *   lang=python  stream=1  via=<provider id>  message=…  system=…  temperature=0.2
 *   max_tokens=500  top_p=0.9  stop=END  seed=7  reasoning_effort=low  json_schema=1  tools=1  image=1
 * Values a model does not support, or that are out of range, are ignored.
 */
import type { OptionDefaults, ReasoningEffort, SnippetFeatures } from './features'
import { REASONING_EFFORTS } from './features'
import type { SnippetRequest, SnippetTarget } from './input'
import type { SnippetLanguage } from './languages'
import { isSnippetLanguage } from './languages'
import type { PackedTemplate } from './segments'

export interface PanelState {
  lang: SnippetLanguage
  stream: boolean
  /** `proxy` or a provider id. */
  via: string
  message: string
  system: string
  /** `null`: the option is off. */
  temperature: number | null
  maxTokens: number | null
  topP: number | null
  stop: string | null
  seed: number | null
  reasoningEffort: ReasoningEffort | null
  jsonSchema: boolean
  tools: boolean
  image: boolean
}

/** An endpoint choice: `proxy` (this site's API) or a provider, called directly. */
export type PanelTarget = { id: string; label: string } & SnippetTarget

export interface PanelContext {
  features: SnippetFeatures
  defaults: OptionDefaults
  /** Endpoint choices, the site's proxy (`id: 'proxy'`) first. */
  targets: readonly PanelTarget[]
  defaultMessage: string
  /** Tokens; the most `max_tokens` can be. */
  maxOutputTokens?: number
}

/** What the server hands the snippet panel (components/snippets/snippet-panel.tsx): plain data only. */
export interface SnippetPanelProps {
  ctx: PanelContext
  /**
   * Highlighted templates (build time), packed, by language. Pages send the default language's
   * only (what the server renders) and the rest is fetched from `templatesUrl` when the panel
   * goes live: five more languages were a quarter of a model page's HTML, for the readers who
   * switch language.
   */
  templates: Partial<Record<SnippetLanguage, PackedTemplate>>
  /** Where every language's template is (a JSON file named by its content); absent when `templates` has them all. */
  templatesUrl?: string
  /** The model's own defaults, shown as hints. */
  modelDefaults: { temperature?: string; topP?: string }
}

export const DEFAULT_LANGUAGE: SnippetLanguage = 'curl'

export function defaultPanelState(ctx: PanelContext): PanelState {
  return {
    lang: DEFAULT_LANGUAGE,
    stream: false,
    via: ctx.targets[0]?.id ?? 'proxy',
    message: ctx.defaultMessage,
    system: '',
    temperature: null,
    maxTokens: null,
    topP: null,
    stop: null,
    seed: null,
    reasoningEffort: null,
    jsonSchema: false,
    tools: false,
    image: false,
  }
}

/** Ranges the OpenAI API accepts. */
export const LIMITS = {
  temperature: { min: 0, max: 2, step: 0.1 },
  topP: { min: 0, max: 1, step: 0.05 },
  seed: { min: -(2 ** 31), max: 2 ** 31 - 1, step: 1 },
} as const

const inRange = (n: number, r: { min: number; max: number }) => Number.isFinite(n) && n >= r.min && n <= r.max

/** Parses a number typed or read from the URL; null when it is not acceptable for the option. */
export function parseOption(
  name: 'temperature' | 'topP' | 'seed' | 'maxTokens',
  raw: string,
  ctx: PanelContext,
): number | null {
  if (raw.trim() === '') return null
  const n = Number(raw)
  switch (name) {
    case 'temperature':
    case 'topP':
      return inRange(n, LIMITS[name]) ? n : null
    case 'seed':
      return Number.isInteger(n) && inRange(n, LIMITS.seed) ? n : null
    case 'maxTokens':
      return Number.isInteger(n) && n >= 1 && n <= (ctx.maxOutputTokens ?? Number.MAX_SAFE_INTEGER) ? n : null
  }
}

const PARAMS = {
  lang: 'lang',
  stream: 'stream',
  via: 'via',
  message: 'message',
  system: 'system',
  temperature: 'temperature',
  maxTokens: 'max_tokens',
  topP: 'top_p',
  stop: 'stop',
  seed: 'seed',
  reasoningEffort: 'reasoning_effort',
  jsonSchema: 'json_schema',
  tools: 'tools',
  image: 'image',
} as const satisfies Record<keyof PanelState, string>

/** The state a URL asks for, on top of the defaults; unknown, unsupported or invalid values are ignored. */
export function panelStateFromParams(
  params: URLSearchParams,
  ctx: PanelContext,
  base = defaultPanelState(ctx),
): PanelState {
  const s = { ...base }
  const f = ctx.features
  const get = (k: keyof typeof PARAMS) => params.get(PARAMS[k])
  const flag = (k: keyof typeof PARAMS) => get(k) === '1'
  const lang = get('lang')
  if (isSnippetLanguage(lang)) s.lang = lang
  if (f.stream && get('stream') !== null) s.stream = flag('stream')
  const via = get('via')
  if (via && ctx.targets.some((t) => t.id === via)) s.via = via
  const message = get('message')
  if (message !== null) s.message = message
  const system = get('system')
  if (system !== null) s.system = system
  for (const k of ['temperature', 'maxTokens', 'topP', 'seed'] as const) {
    const raw = get(k)
    const supported = k === 'maxTokens' ? f.maxTokens !== null : f[k]
    if (raw !== null && supported) s[k] = parseOption(k, raw, ctx)
  }
  const stop = get('stop')
  if (stop && f.stop) s.stop = stop
  const effort = get('reasoningEffort')
  if (f.reasoning && (REASONING_EFFORTS as readonly string[]).includes(effort ?? ''))
    s.reasoningEffort = effort as ReasoningEffort
  if (f.jsonSchema) s.jsonSchema = flag('jsonSchema')
  if (f.tools) s.tools = flag('tools')
  if (f.image) s.image = flag('image')
  return s
}

/** Writes the state into (a copy of) the page's parameters: non-default values only, other parameters kept. */
export function panelStateToParams(
  state: PanelState,
  ctx: PanelContext,
  current = new URLSearchParams(),
): URLSearchParams {
  const params = new URLSearchParams(current)
  const def = defaultPanelState(ctx)
  for (const [key, name] of Object.entries(PARAMS) as Array<[keyof PanelState, string]>) {
    const value = state[key]
    if (value === def[key] || value === null) {
      params.delete(name)
      continue
    }
    params.set(name, typeof value === 'boolean' ? (value ? '1' : '0') : String(value))
  }
  return params
}

/** The generator request for a state. */
export function requestFromPanelState(state: PanelState, ctx: PanelContext): SnippetRequest {
  const target = ctx.targets.find((t) => t.id === state.via) ?? ctx.targets[0]
  if (!target) throw new Error('no endpoint to call')
  return {
    target: { baseUrl: target.baseUrl, modelId: target.modelId, apiKeyEnv: target.apiKeyEnv },
    message: state.message,
    system: state.system,
    stream: state.stream,
    options: {
      temperature: state.temperature ?? undefined,
      maxTokens: state.maxTokens ?? undefined,
      topP: state.topP ?? undefined,
      stop: state.stop ?? undefined,
      seed: state.seed ?? undefined,
      reasoningEffort: state.reasoningEffort ?? undefined,
      jsonSchema: state.jsonSchema,
      tools: state.tools,
      imageUrl: state.image ? ctx.defaults.imageUrl : undefined,
    },
  }
}
