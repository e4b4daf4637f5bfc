import { describe, expect, it } from 'vitest'

import { offerOf } from './offers'
import { cleanProviderId, compactKey, isRouterId, KnownIds, resolveProviderId } from './resolve'
import { compareVersions, displayName, isNewFlagship, liteLLMModel } from './sources/litellm/create'

describe('cleanProviderId', () => {
  it.each([
    ['fireworks-ai', 'accounts/fireworks/models/glm-5p1', undefined, 'glm-5.1'],
    ['amazon-bedrock', 'anthropic.claude-haiku-4-5-20251001-v1:0', 'anthropic', 'claude-haiku-4-5-20251001'],
    ['siliconflow-cn', 'Pro/deepseek-ai/DeepSeek-V3.2', 'deepseek-ai', 'deepseek-v3.2'],
    ['togetherai', 'meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo', 'meta-llama', 'llama-3.1-8b-instruct'],
    ['sap-ai-core', 'anthropic--claude-3.7-sonnet', 'anthropic', 'claude-3.7-sonnet'],
    ['gitlab', 'duo-chat-gpt-5-1', undefined, 'gpt-5-1'],
    ['ollama-cloud', 'deepseek-v3.1:671b', undefined, 'deepseek-v3.1'],
    ['digitalocean', 'anthropic-claude-3-opus', 'anthropic', 'claude-3-opus'],
    ['cloudflare-workers-ai', '@cf/meta/llama-3.1-8b-instruct-fp8', 'meta', 'llama-3.1-8b-instruct'],
    ['poe', 'cerebras/gpt-oss-120b-cs', undefined, 'gpt-oss-120b'],
  ])('%s %s', (provider, raw, org, model) => {
    const c = cleanProviderId(provider, raw)
    expect(c.org).toBe(org)
    expect(c.model).toBe(model)
  })

  it('notes the free tag', () => {
    expect(cleanProviderId('kilo', 'qwen/qwen3-coder:free')).toMatchObject({ model: 'qwen3-coder', free: true })
  })
})

describe('resolveProviderId', () => {
  const known = new KnownIds()
  known.add('anthropic/claude-haiku-4-5')
  known.add('anthropic/claude-haiku-4-5', 'anthropic/claude-haiku-4-5-20251001')
  known.add('alibaba/qwen-2.5-72b-instruct')
  known.add('meta/llama-3.3-70b-instruct')

  it('matches by compact key, alias and tier order', () => {
    expect(resolveProviderId('helicone', 'claude-4.5-haiku', known)).toMatchObject({
      id: 'anthropic/claude-haiku-4-5',
      matched: true,
    })
    expect(resolveProviderId('amazon-bedrock', 'anthropic.claude-haiku-4-5-20251001-v1:0', known)?.id).toBe(
      'anthropic/claude-haiku-4-5',
    )
    expect(resolveProviderId('deepinfra', 'Qwen/Qwen2.5-72B-Instruct', known)?.id).toBe('alibaba/qwen-2.5-72b-instruct')
    // A quantiser's org is not the vendor: the name decides.
    expect(resolveProviderId('stackit', 'cortecs/Llama-3.3-70B-Instruct-FP8-Dynamic', known)?.id).toBe(
      'meta/llama-3.3-70b-instruct',
    )
  })

  it('creates an id from the org, the name, else the provider', () => {
    expect(resolveProviderId('nano-gpt', 'Sao10K/L3.3-70B-Euryale-v2.3', known)).toMatchObject({
      id: 'sao10k/l3.3-70b-euryale-v2.3',
      matched: false,
    })
    expect(resolveProviderId('302ai', 'jamba-large', known)?.id).toBe('ai21/jamba-large')
    expect(resolveProviderId('crof', 'greg-1-mini', known)?.id).toBe('crof/greg-1-mini')
  })

  it('does not treat routers as models', () => {
    expect(isRouterId('openrouter/auto')).toBe(true)
    expect(isRouterId('nanogpt/coding-router:high')).toBe(true)
    expect(isRouterId('accounts/fireworks/routers/glm-5p1-fast')).toBe(true)
    expect(isRouterId('gpt-4o')).toBe(false)
    expect(resolveProviderId('llmgateway', 'auto', known)).toBeUndefined()
  })

  it('compactKey ignores separators and Claude tier order', () => {
    expect(compactKey('claude-4.5-haiku')).toBe(compactKey('claude-haiku-4-5'))
    expect(compactKey('Qwen2.5-72B')).toBe(compactKey('qwen-2.5-72b'))
  })
})

describe('offerOf', () => {
  const p = (input: number, output: number) => ({ input, output })
  it('marks trial, converted, local and promotional offers', () => {
    expect(offerOf({ provider: 'nvidia', modelId: 'x', pricing: p(0, 0) })).toBe('trial')
    expect(offerOf({ provider: 'poe', modelId: 'x', pricing: p(27.2727, 100) })).toBe('converted')
    expect(offerOf({ provider: 'lmstudio', modelId: 'x', pricing: p(0, 0) })).toBe('local')
    expect(offerOf({ provider: 'openrouter', modelId: 'a/b:free', pricing: p(0, 0) })).toBe('promotional')
    expect(offerOf({ provider: 'kilo', modelId: 'a/b', pricing: p(0, 0) })).toBe('promotional')
    expect(offerOf({ provider: 'openai', modelId: 'gpt-4o', pricing: p(2.5, 10) })).toBeUndefined()
  })
})

describe('LiteLLM flagships', () => {
  it('are newer than every sibling of the same pattern', () => {
    expect(isNewFlagship('claude-opus-5', ['claude-opus-4-7', 'claude-sonnet-4-6'])).toBe(true)
    expect(isNewFlagship('gpt-5.6-luna', ['gpt-5.5', 'gpt-5.5-pro'])).toBe(true)
    expect(isNewFlagship('gemini-3.5-flash-lite', ['gemini-3.1-flash-lite', 'gemini-3.5-flash'])).toBe(true)
    expect(isNewFlagship('gpt-5-search-api', ['gpt-5.5'])).toBe(false)
    expect(isNewFlagship('llama-2-70b-chat', [])).toBe(false)
    expect(isNewFlagship('claude-opus-4-7-20260416', ['claude-opus-4-6'])).toBe(false)
  })

  it('read versions as decimals: Grok 4.5 is newer than Grok 4.20 ("four point two")', () => {
    const grok = ['grok-3', 'grok-4', 'grok-4.1', 'grok-4.20', 'grok-4.3', 'grok-4.20-0309-reasoning', 'grok-4.2-fast']
    expect(isNewFlagship('grok-4.5', grok)).toBe(true)
    expect(isNewFlagship('grok-4.3', ['grok-4.20', 'grok-4.1'])).toBe(true)
    expect(isNewFlagship('grok-4.20', ['grok-4.3'])).toBe(false)
    expect(isNewFlagship('grok-4.5', [...grok, 'grok-4.5'])).toBe(false)
    const v = (s: string) => s.split('.')
    expect(compareVersions(v('4.20'), v('4.5'))).toBeLessThan(0)
    expect(compareVersions(v('4.20'), v('4.2'))).toBe(0)
    expect(compareVersions(v('4.20'), v('4.1'))).toBeGreaterThan(0)
    expect(compareVersions(v('5'), v('4.9'))).toBeGreaterThan(0)
    expect(compareVersions(v('5.6'), v('5.5'))).toBeGreaterThan(0)
    expect(compareVersions(v('2.5.10'), v('2.5.9'))).toBeGreaterThan(0)
  })

  it('are created without a release date: LiteLLM has none, and a placeholder would be a false fact', () => {
    const made = liteLLMModel({
      key: 'xai/grok-4.5',
      provider: 'xai',
      vendor: 'xai',
      name: 'grok-4.5',
      entry: {
        litellm_provider: 'xai',
        mode: 'chat',
        input_cost_per_token: 2e-6,
        output_cost_per_token: 6e-6,
        max_input_tokens: 500000,
        max_output_tokens: 500000,
      },
    })
    if ('problem' in made) throw new Error(made.problem)
    expect(made.facts.name).toBe('Grok 4.5')
    expect(made.facts.releaseDate).toBeUndefined()
    expect(made.endpoint).toMatchObject({ provider: 'xai', modelId: 'grok-4.5', pricing: { input: 2, output: 6 } })
  })

  it('get a readable name', () => {
    expect(displayName('gpt-5.6-luna')).toBe('GPT-5.6 Luna')
    expect(displayName('claude-opus-5')).toBe('Claude Opus 5')
  })
})

describe('Claude thinking variants', () => {
  it('are the same model', () => {
    expect(cleanProviderId('aihubmix', 'claude-opus-4-6-think').model).toBe('claude-opus-4-6')
    expect(cleanProviderId('nano-gpt', 'claude-haiku-4-5-20251001-thinking').model).toBe('claude-haiku-4-5-20251001')
    expect(cleanProviderId('nano-gpt', 'qwen3-235b-a22b-thinking').model).toBe('qwen3-235b-a22b-thinking')
  })
})
