/** Small hand-made documents for the catalog's unit tests. */
import type { ModelDoc, ProseDoc, ProviderDoc, VendorDoc } from '@/lib/catalog/types'

export function modelDoc(id: string, over: Partial<ModelDoc> = {}): ModelDoc {
  const vendor = id.split('/')[0] ?? ''
  return {
    id,
    file: `content/models/${id}.yaml`,
    name: id.split('/')[1] ?? id,
    vendor,
    status: 'available',
    releaseDate: '2025-01-01',
    aliases: [],
    mode: 'chat',
    modalities: { input: ['text'], output: ['text'] },
    capabilities: {
      tools: true,
      parallelToolCalls: false,
      vision: false,
      fileInput: false,
      promptCaching: false,
      structuredOutputs: false,
      jsonMode: false,
      webSearch: false,
      reasoning: false,
      streaming: true,
    },
    moderated: false,
    openWeights: false,
    contextWindow: 128000,
    parameters: [],
    faq: [],
    endpoints: [
      { provider: 'p1', modelId: id, contextWindow: 128000, pricing: { input: 1, output: 2 }, status: 'available' },
    ],
    locked: [],
    ...over,
  }
}

export const vendorDoc = (id: string): VendorDoc => ({
  id,
  name: id.toUpperCase(),
  website: 'https://example.com',
  description: 'A lab.',
})
export const providerDoc = (id: string): ProviderDoc => ({ id, name: `Provider ${id}`, website: 'https://example.com' })
export const proseDoc = (id: string, markdown = 'A model.'): ProseDoc => ({
  id,
  file: `content/models/${id}.mdx`,
  markdown,
  mdx: '',
})
