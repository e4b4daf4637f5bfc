import { describe, expect, it } from 'vitest'

import { capabilityStates } from './capabilities'
import { CAPABILITY_KEYS } from './vocab'

const none = Object.fromEntries(CAPABILITY_KEYS.map((k) => [k, false])) as Record<
  (typeof CAPABILITY_KEYS)[number],
  boolean
>

describe('capability states', () => {
  it('never says "not supported" next to a parameter that switches the feature on', () => {
    const states = capabilityStates({
      capabilities: { ...none, tools: true },
      parameters: [{ name: 'tools' }, { name: 'web_search_options' }, { name: 'temperature' }],
    })
    const by = Object.fromEntries(states.map((s) => [s.capability, s]))
    expect(by.tools).toEqual({ capability: 'tools', state: 'supported' })
    expect(by.webSearch).toEqual({ capability: 'webSearch', state: 'parameter', parameter: 'web_search_options' })
    expect(by.reasoning).toEqual({ capability: 'reasoning', state: 'unsupported' })
    expect(states.map((s) => s.capability)).toEqual(CAPABILITY_KEYS)
  })
})
