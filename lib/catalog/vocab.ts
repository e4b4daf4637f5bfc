/**
 * The content vocabulary: the values a model file may use for modalities, statuses, modes and
 * capability flags, and the words pages show for them. The one place these are written:
 * schema.ts builds its enums from these lists, and tables, filters, the compare page and the
 * model page read the labels from here.
 *
 * No zod, no imports: client components import this module, and pulling in the schema would
 * bundle zod into every page with a sortable table (~34 KB gzipped on the model page).
 */

export const MODALITIES = ['text', 'image', 'audio', 'video', 'file'] as const
export type Modality = (typeof MODALITIES)[number]

export const MODALITY_LABELS: Readonly<Record<Modality, string>> = {
  text: 'Text',
  image: 'Image',
  audio: 'Audio',
  video: 'Video',
  file: 'File',
}

/** In the order tables rank them (available first). */
export const STATUSES = ['available', 'preview', 'deprecated'] as const
export type Status = (typeof STATUSES)[number]

export const STATUS_LABELS: Readonly<Record<Status, string>> = {
  available: 'Available',
  preview: 'Preview',
  deprecated: 'Deprecated',
}

export const MODES = [
  'chat',
  'completion',
  'embedding',
  'image-generation',
  'audio-transcription',
  'audio-speech',
  'moderation',
  'rerank',
] as const
export type Mode = (typeof MODES)[number]

export const MODE_LABELS: Readonly<Record<Mode, string>> = {
  chat: 'Chat',
  completion: 'Completion',
  embedding: 'Embedding',
  'image-generation': 'Image generation',
  'audio-transcription': 'Audio transcription',
  'audio-speech': 'Audio speech',
  moderation: 'Moderation',
  rerank: 'Rerank',
}

/** Capability flags, in the order pages list them, with their display labels. */
export const CAPABILITIES = {
  tools: 'Tool calling',
  parallelToolCalls: 'Parallel tool calls',
  vision: 'Vision (image input)',
  fileInput: 'File input',
  promptCaching: 'Prompt caching',
  structuredOutputs: 'Structured outputs',
  jsonMode: 'JSON mode',
  webSearch: 'Web search',
  reasoning: 'Reasoning',
  streaming: 'Streaming',
} as const
export type Capability = keyof typeof CAPABILITIES
export const CAPABILITY_KEYS = Object.keys(CAPABILITIES) as Capability[]

/** Short names for the key capabilities, small enough for a table cell. */
export const CAPABILITY_SHORT_LABELS: Readonly<Partial<Record<Capability, string>>> = {
  tools: 'Tools',
  vision: 'Vision',
  reasoning: 'Reasoning',
  structuredOutputs: 'Structured',
  promptCaching: 'Caching',
  webSearch: 'Web search',
}

/**
 * What an endpoint's price is, when it is not the provider's list price for production use.
 * Such endpoints stay on the model's page, marked, but never price the model (headline, index,
 * "cheapest"): see `pricesModel` in lib/catalog/offers.ts.
 */
export const OFFERS = {
  /** A trial API: free credits or rate-capped access for evaluation (e.g. NVIDIA's build.nvidia.com). */
  trial: 'Trial',
  /** A temporary free or discounted variant (OpenRouter's `:free` ids, launch promotions at $0). */
  promotional: 'Promotional',
  /** A points- or credits-based reseller: the USD figures are conversions, not list prices (Poe). */
  converted: 'Converted from points',
  /** A runtime on your own machine (LM Studio): no API price. */
  local: 'Runs locally',
} as const
export type Offer = keyof typeof OFFERS
