/** LiteLLM's mapping rules on single entries, without a catalog: keys, modes, flags, prices. */
import { describe, expect, it } from 'vitest'

import type { Capabilities } from '@/lib/catalog/schema'
import { CAPABILITY_KEYS } from '@/lib/catalog/schema'

import type { LiteLLMEntry } from '../../input'
import type { LiteLLMMatch, ModelView } from './map'
import { compareWithEndpoint, enrich, mapLiteLLMEntry, perMillion } from './map'

const TODAY = '2026-06-01'

describe('litellm mapping rules (pure)', () => {
  const providers = new Set(['openai', 'gemini', 'perplexity', 'nvidia_nim', 'vertex_ai-language-models', 'azure'])
  const vendors = (v: string) => ['openai', 'google', 'perplexity', 'nvidia'].includes(v)
  const map = (key: string, provider: string) =>
    mapLiteLLMEntry(key, { litellm_provider: provider }, providers, vendors)

  it('strips the provider prefix and a same-vendor namespace, and skips the rest by reason', () => {
    expect(map('gemini/gemini-2.5-pro', 'gemini')).toMatchObject({
      ok: true,
      candidate: { vendor: 'google', name: 'gemini-2.5-pro' },
    })
    expect(map('gemini-2.5-pro', 'vertex_ai-language-models')).toMatchObject({
      ok: true,
      candidate: { vendor: 'google', name: 'gemini-2.5-pro' },
    })
    expect(map('vertex_ai/gemini-3-pro-image', 'vertex_ai-language-models')).toMatchObject({
      ok: true,
      candidate: { name: 'gemini-3-pro-image' },
    })
    expect(map('nvidia_nim/nvidia/nv-rerankqa-mistral-4b-v3', 'nvidia_nim')).toMatchObject({
      ok: true,
      candidate: { vendor: 'nvidia', name: 'nv-rerankqa-mistral-4b-v3' },
    })
    expect(map('perplexity/openai/gpt-5.2', 'perplexity')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('second namespace'),
    })
    expect(map('low/1024-x-1024/gpt-image-1', 'openai')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('size- or quality-specific'),
    })
    expect(map('azure/gpt-4o', 'azure')).toMatchObject({ ok: false, example: 'azure' })
    expect(map('voyage-3', 'voyage')).toMatchObject({
      ok: false,
      reason: 'vendor without content/vendors/<vendor>.yaml',
    })
  })

  const caps = (on: Partial<Capabilities> = {}) => ({
    ...(Object.fromEntries(CAPABILITY_KEYS.map((k) => [k, false])) as Capabilities),
    tools: true,
    ...on,
  })
  const chat: ModelView = {
    mode: 'chat',
    modalities: { input: ['text'], output: ['text'] },
    capabilities: caps({ streaming: true }),
  }
  const match = (entry: LiteLLMEntry, rank = 0, provider = 'openai', key = 'm'): LiteLLMMatch => ({
    candidate: { key, provider, vendor: 'openai', name: key, entry },
    rank,
  })

  it('maps the non-chat modes onto a chat model, but keeps chat for a model that writes text', () => {
    expect(enrich(chat, [match({ mode: 'embedding' })], TODAY).mode).toBe('embedding')
    expect(enrich(chat, [match({ mode: 'audio_transcription' })], TODAY).mode).toBe('audio-transcription')
    expect(
      enrich({ ...chat, modalities: { input: ['text'], output: ['audio'] } }, [match({ mode: 'audio_speech' })], TODAY)
        .mode,
    ).toBe('audio-speech')
    const image = enrich(
      { ...chat, modalities: { input: ['text', 'image'], output: ['text', 'image'] } },
      [match({ mode: 'image_generation' })],
      TODAY,
    )
    expect(image.mode).toBeUndefined()
    expect(image.modeNotApplied?.why).toContain('also writes text')
    const responses = enrich(chat, [match({ mode: 'responses' })], TODAY)
    expect(responses.mode).toBeUndefined()
    expect(responses.modeNotApplied).toEqual({ litellm: 'responses', why: 'no counterpart the importer sets' })
    // Only a chat model changes mode.
    expect(enrich({ ...chat, mode: 'embedding' }, [match({ mode: 'rerank' })], TODAY).mode).toBeUndefined()
  })

  it('combines entries: any true switches a flag on; the first dated entry gives the date', () => {
    const e = enrich(
      chat,
      [
        match({ supports_web_search: false, deprecation_date: '2026-07-01' }, 0),
        match({ supports_web_search: true, deprecation_date: '2026-03-01' }, 1, 'openai', 'm-2025'),
      ],
      TODAY,
    )
    expect(e.capabilities.webSearch).toBe(true)
    expect(e).toMatchObject({ deprecationDate: '2026-07-01', deprecated: false, otherDates: ['m-2025 2026-03-01'] })
    expect(enrich(chat, [match({ deprecation_date: TODAY })], TODAY).deprecated).toBe(true)
  })

  it('takes a flag only where the entry backs it and the model can have it', () => {
    const noTools = { ...chat, capabilities: caps({ tools: false }) }
    expect(enrich(noTools, [match({ supports_parallel_function_calling: true })], TODAY).notSet).toEqual([
      { flag: 'parallelToolCalls', why: 'the model has no tool calling' },
    ])
    expect(enrich(chat, [match({ supports_prompt_caching: true })], TODAY).notSet).toEqual([
      { flag: 'promptCaching', why: 'no cache-read price in the entry' },
    ])
    expect(
      enrich(chat, [match({ supports_prompt_caching: true, cache_read_input_token_cost: 1e-7 })], TODAY).capabilities
        .promptCaching,
    ).toBe(true)
    const native = new Set(['anthropic'])
    const emulated = enrich(chat, [match({ supports_response_schema: true }, 0, 'anthropic')], TODAY, native)
    expect(emulated.capabilities.structuredOutputs).toBe(false)
    expect(emulated.notSet.map((n) => n.flag)).toEqual(['structuredOutputs', 'jsonMode'])
    const nativeOn = enrich(
      chat,
      [match({ supports_response_schema: true, supports_native_structured_output: true }, 0, 'anthropic')],
      TODAY,
      native,
    )
    expect(nativeOn.capabilities).toMatchObject({ structuredOutputs: true, jsonMode: true })
  })

  it('converts per-token prices exactly and compares limits as input limit vs window', () => {
    expect(perMillion(1.25e-7)).toBe(0.125)
    expect(perMillion(0.0000025)).toBe(2.5)
    expect(perMillion(3e-8)).toBe(0.03)
    const endpoint = {
      provider: 'openai',
      modelId: 'gpt-5',
      contextWindow: 400000,
      maxOutputTokens: 128000,
      pricing: { input: 1.25, output: 10, cacheRead: 0.125 },
      status: 'available' as const,
    }
    // 272,000 input + 128,000 output = the 400,000 window: not a disagreement.
    expect(
      compareWithEndpoint(
        {
          max_input_tokens: 272000,
          max_output_tokens: 128000,
          input_cost_per_token: 0.00000125,
          output_cost_per_token: 0.00001,
          cache_read_input_token_cost: 1.25e-7,
        },
        endpoint,
      ),
    ).toEqual([])
    expect(
      compareWithEndpoint(
        { max_input_tokens: 128000, max_output_tokens: 16384, input_cost_per_token: 0.0000025 },
        endpoint,
      ),
    ).toEqual([
      'input 2.5 ≠ 1.25',
      'max_input_tokens 128000 ≠ contextWindow 400000',
      'max_output_tokens 16384 ≠ maxOutputTokens 128000',
    ])
  })
})
