/** Models for the snippet tests: one that supports every option, one the catalog knows little about. */
import type { SnippetModel } from '@/lib/snippets/features'

export const FULL_MODEL: SnippetModel = {
  id: 'acme/omni-1',
  capabilities: { tools: true, vision: true, reasoning: true, structuredOutputs: true, streaming: true },
  parameters: [
    'max_tokens',
    'temperature',
    'top_p',
    'stop',
    'seed',
    'tools',
    'tool_choice',
    'response_format',
    'reasoning',
  ].map((name) => ({ name })),
  maxOutputTokens: 16384,
}

/** No parameter list (unknown), no capabilities but streaming. */
export const BARE_MODEL: SnippetModel = {
  id: 'acme/plain',
  capabilities: { tools: false, vision: false, reasoning: false, structuredOutputs: false, streaming: true },
  parameters: [],
}

/** Every option set, for "all on" renderings. */
export const ALL_OPTIONS = {
  temperature: 0.2,
  maxTokens: 300,
  topP: 0.5,
  stop: 'STOP',
  seed: 7,
  reasoningEffort: 'high',
  jsonSchema: true,
  tools: true,
  imageUrl: 'https://example.com/cat.png',
} as const
