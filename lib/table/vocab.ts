/**
 * Client-safe copies of the content vocabularies in lib/catalog/schema.ts (modalities,
 * statuses, capability flags and their labels). Importing that module from a client component
 * would bundle zod and every schema into each page with a sortable table (~34 KB gzipped on the
 * model page); vocab.test.ts keeps these equal to the schema's.
 */
import type { Capability, Modality, Status } from '@/lib/catalog/schema'

export const MODALITIES: readonly Modality[] = ['text', 'image', 'audio', 'video', 'file']

export const STATUSES: readonly Status[] = ['available', 'preview', 'deprecated']

/** Capability flags in the order pages list them, with their display labels. */
export const CAPABILITIES: Readonly<Record<Capability, string>> = {
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
}

export const CAPABILITY_KEYS = Object.keys(CAPABILITIES) as Capability[]
