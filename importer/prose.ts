/**
 * A first, short description for a model that has no prose yet, written from the model's own
 * facts (never from a data set's description text). The sentence templates vary with a hash of
 * the model id, so a catalog of hundreds of generated pages does not read like one page copied.
 * Only stable facts go in (vendor, release month, modalities, limits, capabilities): prices and
 * provider counts change often. A description marked `generated: true` is rewritten by the
 * importer whenever the text from the current facts differs (output.ts); one without the mark is
 * never touched.
 */
import type { Modality, Mode } from '@/lib/catalog/schema'
import { formatDate } from '@/lib/pricing/format'

import { parseYaml } from './yaml'

export interface ProseFacts {
  id: string
  name: string
  vendorName: string
  /** Undefined when no source knows it: the text then names no date. */
  releaseDate?: string
  mode: Mode
  status: 'available' | 'preview' | 'deprecated'
  input: Modality[]
  output: Modality[]
  contextWindow: number
  maxOutputTokens?: number
  openWeights: boolean
  capabilities: {
    tools: boolean
    parallelToolCalls: boolean
    structuredOutputs: boolean
    jsonMode: boolean
    promptCaching: boolean
    reasoning: boolean
    webSearch: boolean
    fileInput: boolean
  }
}

/** FNV-1a: a small stable hash, so the same id always gets the same wording. */
function hash(s: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h
}

function pick<T>(id: string, salt: string, options: readonly T[]): T {
  return options[hash(`${salt}:${id}`) % options.length]!
}

/** 128000 → "128,000" (fixed format, independent of the machine's locale). */
export function formatTokens(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}

/** "2024-07-18" → "July 2024", in the site's own date wording. */
const monthYear = (date: string): string => formatDate(date.slice(0, 7))

function list(items: string[]): string {
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`
}

const MODALITY_WORDS: Record<Modality, string> = {
  text: 'text',
  image: 'images',
  audio: 'audio',
  video: 'video',
  file: 'files such as PDFs',
}

const KIND: Record<Mode, string> = {
  chat: 'language model',
  completion: 'text-completion model',
  embedding: 'embedding model',
  'image-generation': 'image-generation model',
  'audio-transcription': 'speech-to-text model',
  'audio-speech': 'text-to-speech model',
  moderation: 'moderation model',
  rerank: 'reranking model',
}

/** Every kind modelKind can return (for recognising template text). */
const KINDS = [
  ...Object.values(KIND),
  'reasoning model',
  'video-generation model',
  'music-generation model',
  'omni-modal model',
  'audio model',
  'generative model',
]

/** Names of models that write music rather than speech (Google's Lyria, …). */
const MUSIC = /\b(lyria|music|song|suno|udio)\b/i

/**
 * What the model is, as a noun phrase. Only a model that writes text (and nothing a modality
 * says is its real product: images, video, music) is a "language model"; a chat-API model that
 * makes images, video or sound is named for what it makes.
 */
export function modelKind(f: Pick<ProseFacts, 'id' | 'name' | 'mode' | 'input' | 'output' | 'capabilities'>): string {
  if (f.mode !== 'chat') return KIND[f.mode]
  const out = new Set(f.output)
  if (out.has('video')) return 'video-generation model'
  if (out.has('image')) return 'image-generation model'
  if (out.has('audio')) {
    if (MUSIC.test(f.name) || MUSIC.test(f.id.replace(/[-_/.]/g, ' '))) return 'music-generation model'
    return f.input.length >= 3 ? 'omni-modal model' : 'audio model'
  }
  if (!out.has('text')) return 'generative model'
  return f.capabilities.reasoning ? 'reasoning model' : KIND.chat
}

/** MDX treats `{`, `}` and `<` as syntax; names never need them, so they are replaced. */
function safe(s: string): string {
  return s.replace(/[{}]/g, '').replace(/</g, '‹').replace(/>/g, '›')
}

export function generateProse(f: ProseFacts): string {
  const name = safe(f.name)
  const vendor = safe(f.vendorName)
  let kind = modelKind(f)
  if (f.openWeights) kind = `open-weights ${kind}`
  const article = /^[aeiou]/i.test(kind) ? 'an' : 'a'

  const when = f.releaseDate ? monthYear(f.releaseDate) : undefined
  const intro = when
    ? pick(f.id, 'intro', [
        `${name} is ${article} ${kind} from ${vendor}, released in ${when}.`,
        `${vendor} released ${name}, ${article} ${kind}, in ${when}.`,
        `${name} is ${article} ${kind} that ${vendor} made available in ${when}.`,
        `First released in ${when}, ${name} is ${article} ${kind} built by ${vendor}.`,
      ])
    : pick(f.id, 'intro', [
        `${name} is ${article} ${kind} from ${vendor}.`,
        `${name} is ${article} ${kind} built by ${vendor}.`,
      ])

  const inputs = list(f.input.map((m) => MODALITY_WORDS[m]))
  const outputs = list(f.output.map((m) => MODALITY_WORDS[m]))
  const ctx = formatTokens(f.contextWindow)
  const out = f.maxOutputTokens ? formatTokens(f.maxOutputTokens) : undefined
  const generative = f.mode === 'chat' || f.mode === 'completion'
  let io: string
  switch (f.mode) {
    case 'embedding':
      io = pick(f.id, 'io', [
        `It turns ${inputs} into embedding vectors for search and clustering, reading up to ${ctx} tokens at a time.`,
        `It maps ${inputs} of up to ${ctx} tokens to embedding vectors for semantic search and retrieval.`,
      ])
      break
    case 'rerank':
      io = `It scores ${inputs} for relevance to a query, which makes it a second stage for search results; inputs can run to ${ctx} tokens.`
      break
    case 'audio-transcription':
      io = pick(f.id, 'io', ['It turns recorded speech into text.', 'It transcribes spoken audio into text.'])
      break
    case 'audio-speech':
      io = `It turns ${inputs} of up to ${ctx} tokens into spoken audio.`
      break
    case 'image-generation':
      io = `It creates images from ${inputs} prompts of up to ${ctx} tokens.`
      break
    case 'moderation':
      io = `It classifies ${inputs} against safety policies, reading up to ${ctx} tokens at a time.`
      break
    default:
      io = pick(f.id, 'io', [
        `It accepts ${inputs} and returns ${outputs}, with a context window of ${ctx} tokens${
          out ? ` and up to ${out} tokens of output per response` : ''
        }.`,
        `Its context window holds ${ctx} tokens${out ? `, of which a single reply can use up to ${out}` : ''}; it reads ${inputs} and answers with ${outputs}.`,
        `It works with up to ${ctx} tokens of context${out ? ` (at most ${out} generated in one response)` : ''}, taking ${inputs} as input and producing ${outputs}.`,
      ])
  }

  const features: string[] = []
  if (f.capabilities.tools)
    features.push(f.capabilities.parallelToolCalls ? 'tool calling, including parallel calls' : 'tool calling')
  if (f.capabilities.structuredOutputs) features.push('structured outputs')
  else if (f.capabilities.jsonMode) features.push('JSON mode')
  if (f.capabilities.reasoning && f.mode === 'chat') features.push('extended reasoning')
  if (f.capabilities.promptCaching) features.push('prompt caching')
  if (f.capabilities.webSearch) features.push('web search')
  const caps =
    features.length && generative
      ? pick(f.id, 'caps', [
          `Supported features include ${list(features)}.`,
          `It supports ${list(features)}.`,
          `Among its capabilities are ${list(features)}.`,
        ])
      : ''

  const extra: string[] = []
  if (f.openWeights) {
    extra.push(
      pick(f.id, 'weights', [
        'Its weights are openly published, so it can also be run on your own hardware.',
        'Because the weights are public, it can be self-hosted as well as used through an API.',
      ]),
    )
  }
  if (f.status === 'preview') extra.push('It is still marked as a preview, so its behaviour and prices may change.')
  if (f.status === 'deprecated') extra.push('It is marked as deprecated; check each provider for its retirement date.')

  const first = [intro, io].join(' ')
  const second = [caps, ...extra].filter(Boolean).join(' ')
  return `${GENERATED_FRONTMATTER}${first}${second ? `\n\n${second}` : ''}\n`
}

/** Marks a description as the importer's (lib/catalog/schema.ts modelProseSchema `generated`). */
export const GENERATED_FRONTMATTER = '---\ngenerated: true\n---\n\n'

/** Whether a description carries the importer's mark, frontmatter `generated: true`. */
export function isGeneratedProse(mdx: string): boolean {
  const front = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/.exec(mdx)
  if (!front) return false
  const { data, error } = parseYaml(front[1]!)
  return !error && typeof data === 'object' && data !== null && (data as Record<string, unknown>).generated === true
}

/**
 * Whether a description is the importer's template text: its first sentence is one of the intro
 * templates above (`<name> is a … from <vendor>, released in <month year>.` and the others).
 */
export function isTemplateProse(mdx: string): boolean {
  const body = mdx.replace(/^---\n[\s\S]*?\n---\n+/, '')
  const first = body.split(/(?<=\.)\s/)[0] ?? ''
  return [
    /^.+ is an? .+ from .+, released in [A-Z][a-z]+ \d{4}\.$/,
    /^.+ released .+, an? .+, in [A-Z][a-z]+ \d{4}\.$/,
    /^.+ is an? .+ that .+ made available in [A-Z][a-z]+ \d{4}\.$/,
    /^First released in [A-Z][a-z]+ \d{4}, .+ is an? .+ built by .+\.$/,
    // Release date unknown: only the generator's own kinds, so a hand-written "X is a … from Y." is not taken for it.
    new RegExp(`^[^,]+ is an? (open-weights )?(${KINDS.join('|')}) (from|built by) [^,]+\\.$`),
  ].some((re) => re.test(first))
}
