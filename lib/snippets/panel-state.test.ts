import { describe, expect, it } from 'vitest'

import { BARE_MODEL, FULL_MODEL } from '@/test-support/snippet-fixtures'

import type { SnippetModel } from './index'
import { generateSnippet, optionDefaults, proxyTarget, snippetFeatures } from './index'
import type { PanelContext, PanelState } from './panel-state'
import { defaultPanelState, panelStateFromParams, panelStateToParams, requestFromPanelState } from './panel-state'

const ctxFor = (model: SnippetModel): PanelContext => ({
  features: snippetFeatures(model),
  defaults: optionDefaults(model),
  targets: [
    { id: 'proxy', label: 'Site', ...proxyTarget('https://site.example', model.id) },
    {
      id: 'together-ai',
      label: 'Together directly',
      baseUrl: 'https://api.together.xyz/v1',
      modelId: 'acme/omni',
      apiKeyEnv: 'TOGETHER_AI_API_KEY',
    },
  ],
  defaultMessage: 'Hello! What can you do?',
  maxOutputTokens: model.maxOutputTokens,
})
const ctx = ctxFor(FULL_MODEL)

describe('panel state in the URL', () => {
  it('writes nothing for the defaults and keeps other parameters', () => {
    const params = panelStateToParams(defaultPanelState(ctx), ctx, new URLSearchParams('ref=home'))
    expect(params.toString()).toBe('ref=home')
  })

  it('round-trips every field', () => {
    const state: PanelState = {
      lang: 'go',
      stream: true,
      via: 'together-ai',
      message: `it's "$x" \`y\` \\ 🎉\nz`,
      system: 'Be brief & exact',
      temperature: 0.3,
      maxTokens: 512,
      topP: 0.8,
      stop: '###',
      seed: -4,
      reasoningEffort: 'medium',
      jsonSchema: true,
      tools: true,
      image: true,
    }
    const url = panelStateToParams(state, ctx).toString()
    expect(panelStateFromParams(new URLSearchParams(url), ctx)).toEqual(state)
  })

  it('ignores unknown languages, endpoints and values out of range', () => {
    const s = panelStateFromParams(
      new URLSearchParams(
        'lang=cobol&via=nope&temperature=9&top_p=-1&max_tokens=99999999&seed=1.5&reasoning_effort=extreme',
      ),
      ctx,
    )
    expect(s).toEqual(defaultPanelState(ctx))
  })

  it('ignores options the model does not support', () => {
    const bare = ctxFor(BARE_MODEL)
    const s = panelStateFromParams(
      new URLSearchParams(
        'temperature=0.5&tools=1&image=1&json_schema=1&reasoning_effort=low&seed=3&stop=X&max_tokens=10',
      ),
      bare,
    )
    expect(s).toEqual({ ...defaultPanelState(bare), maxTokens: 10 })
  })

  it('stands for the request the generator gets', () => {
    const s = panelStateFromParams(
      new URLSearchParams('via=together-ai&temperature=0.5&tools=1&image=1&message=Hi'),
      ctx,
    )
    const code = generateSnippet({ model: FULL_MODEL, ...requestFromPanelState(s, ctx) }, 'python')
    expect(code).toContain('base_url="https://api.together.xyz/v1"')
    expect(code).toContain('os.environ["TOGETHER_AI_API_KEY"]')
    expect(code).toContain('model="acme/omni"')
    expect(code).toContain('temperature=0.5')
    expect(code).toContain('get_weather')
    expect(code).toContain(ctx.defaults.imageUrl)
    expect(code).toContain('"text": "Hi"')
  })
})
