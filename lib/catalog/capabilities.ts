/**
 * What a model page says about each capability. The flags come from the sources' capability
 * data and the parameter list from OpenRouter's `supported_parameters`; the two disagree at times
 * (GPT-4o mini lists `web_search_options` but no source flags web search). A page must not say
 * "Not supported" next to a parameter that turns the feature on, so a false flag with such a
 * parameter reads as "the API takes <parameter>" instead. Pure.
 */
import type { Capability } from './vocab'
import { CAPABILITY_KEYS } from './vocab'

/** Request parameters that switch a capability on, where one does. */
export const CAPABILITY_PARAMETERS: Readonly<Partial<Record<Capability, readonly string[]>>> = {
  tools: ['tools', 'tool_choice'],
  structuredOutputs: ['structured_outputs'],
  webSearch: ['web_search_options'],
  reasoning: ['reasoning', 'include_reasoning'],
}

export type CapabilityState =
  | { capability: Capability; state: 'supported' }
  | { capability: Capability; state: 'unsupported' }
  /** Not flagged, but the model's parameter list has one that switches it on. */
  | { capability: Capability; state: 'parameter'; parameter: string }

/** Each capability of a model with the state its page shows, in the vocabulary's order. */
export function capabilityStates(model: {
  capabilities: Record<Capability, boolean>
  parameters: readonly { name: string }[]
}): CapabilityState[] {
  const names = new Set(model.parameters.map((p) => p.name))
  return CAPABILITY_KEYS.map((capability) => {
    if (model.capabilities[capability]) return { capability, state: 'supported' }
    const parameter = CAPABILITY_PARAMETERS[capability]?.find((p) => names.has(p))
    return parameter ? { capability, state: 'parameter', parameter } : { capability, state: 'unsupported' }
  })
}
