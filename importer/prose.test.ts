import { describe, expect, it } from 'vitest'

import type { Modality, Mode } from '@/lib/catalog/schema'

import type { ProseFacts } from './prose'
import { GENERATED_FRONTMATTER, generateProse, isGeneratedProse, isTemplateProse, modelKind } from './prose'

const CAPS = {
  tools: false,
  parallelToolCalls: false,
  structuredOutputs: false,
  jsonMode: false,
  promptCaching: false,
  reasoning: false,
  webSearch: false,
  fileInput: false,
}

function facts(
  id: string,
  name: string,
  mode: Mode,
  input: Modality[],
  output: Modality[],
  reasoning = false,
): ProseFacts {
  return {
    id,
    name,
    vendorName: 'Acme',
    releaseDate: '2026-03-01',
    mode,
    status: 'available',
    input,
    output,
    contextWindow: 32768,
    openWeights: false,
    capabilities: { ...CAPS, reasoning },
  }
}

describe('generated prose names what a model makes', () => {
  // Real shapes from the catalog: Lyria is served through a chat API and writes text and audio;
  // Gemini's image models write text and images; Wan writes video.
  const notLanguageModels: Array<[ProseFacts, string]> = [
    [
      facts('google/lyria-3-pro-preview', 'Lyria 3 Pro Preview', 'chat', ['text', 'image'], ['text', 'audio'], true),
      'music-generation model',
    ],
    [facts('acme/song-1', 'Song One', 'chat', ['text'], ['audio']), 'music-generation model'],
    [
      facts(
        'google/gemini-2.5-flash-image',
        'Gemini 2.5 Flash Image',
        'chat',
        ['text', 'image'],
        ['text', 'image'],
        true,
      ),
      'image-generation model',
    ],
    [facts('alibaba/wan2-2-t2v-a14b', 'Wan2.2 T2V', 'chat', ['text'], ['video']), 'video-generation model'],
    [facts('openai/gpt-audio', 'GPT Audio', 'chat', ['text', 'audio'], ['text', 'audio']), 'audio model'],
    [
      facts(
        'alibaba/qwen3-omni-flash',
        'Qwen3 Omni Flash',
        'chat',
        ['text', 'image', 'audio', 'video'],
        ['text', 'audio'],
      ),
      'omni-modal model',
    ],
    [facts('acme/embed', 'Embed', 'embedding', ['text'], ['text']), 'embedding model'],
    [facts('acme/flux', 'Flux', 'image-generation', ['text'], ['image']), 'image-generation model'],
    [facts('acme/tts', 'TTS', 'audio-speech', ['text'], ['audio']), 'text-to-speech model'],
    [facts('acme/whisper', 'Whisper', 'audio-transcription', ['audio'], ['text']), 'speech-to-text model'],
    [facts('acme/rerank', 'Rerank', 'rerank', ['text'], ['text']), 'reranking model'],
  ]

  it.each(notLanguageModels)('%# %o is called a "%s", never a language model', (f, kind) => {
    expect(modelKind(f)).toBe(kind)
    const text = generateProse(f)
    expect(text).toContain(` ${kind}`)
    expect(text).not.toMatch(/language model|reasoning model/)
  })

  it('calls a text model a language model, or a reasoning model when it reasons', () => {
    expect(generateProse(facts('acme/chat', 'Chat', 'chat', ['text', 'image'], ['text']))).toContain('language model')
    expect(generateProse(facts('acme/think', 'Think', 'chat', ['text'], ['text'], true))).toContain('reasoning model')
  })
})

describe('template text', () => {
  it('is marked generated and recognised as the template', () => {
    for (const releaseDate of ['2025-03-01', undefined]) {
      const text = generateProse({ ...facts('acme/x', 'X', 'chat', ['text'], ['text']), releaseDate })
      expect(text.startsWith(GENERATED_FRONTMATTER)).toBe(true)
      expect(isTemplateProse(text)).toBe(true)
    }
    expect(isTemplateProse('A model we describe in our own words.')).toBe(false)
  })
})

describe('isGeneratedProse', () => {
  it('reads the frontmatter mark, and only the mark', () => {
    expect(isGeneratedProse(generateProse(facts('acme/chat', 'Chat', 'chat', ['text'], ['text'])))).toBe(true)
    expect(isGeneratedProse('---\ngenerated: true\n---\n\nText.\n')).toBe(true)
    expect(isGeneratedProse('---\ngenerated: false\n---\n\nText.\n')).toBe(false)
    expect(isGeneratedProse('Our own words. generated: true\n')).toBe(false)
    expect(isGeneratedProse('---\ntitle: x\n---\n\ngenerated: true\n')).toBe(false)
  })
})

describe('a model whose release date is unknown', () => {
  it('gets no date in its text, and the text is still recognised as the template', () => {
    const f = { ...facts('openai/gpt-5.6', 'GPT-5.6', 'chat', ['text'], ['text'], true), releaseDate: undefined }
    const text = generateProse(f)
    expect(text).toMatch(/^---\ngenerated: true\n---\n\nGPT-5\.6 is a reasoning model (from|built by) Acme\. /)
    expect(text).not.toMatch(/released|undefined|\d{4}/)
    expect(isTemplateProse(text)).toBe(true)
    // A hand-written sentence of the same shape but not the generator's kind is not template text.
    expect(isTemplateProse('GPT-5.6 is a fast model from OpenAI.')).toBe(false)
  })
})
