import type { Model, Router } from '@/lib/catalog/types'

import type { SnippetModel } from './features'

/**
 * What a router can be asked for: only what every variant supports (any of them may serve the
 * call), so the options shown work whichever variant is picked.
 */
export function routerSnippetModel(router: Router, models: Model[]): SnippetModel {
  const every = (f: (m: Model) => boolean) => models.length > 0 && models.every(f)
  const names = models.map((m) => new Set(m.parameters.map((p) => p.name)))
  const first = models[0]?.parameters.map((p) => p.name) ?? []
  const limits = models.map((m) => m.maxOutputTokens).filter((n): n is number => n !== undefined)
  return {
    id: router.id,
    capabilities: {
      tools: every((m) => m.capabilities.tools),
      vision: every((m) => m.capabilities.vision),
      reasoning: every((m) => m.capabilities.reasoning),
      structuredOutputs: every((m) => m.capabilities.structuredOutputs),
      streaming: every((m) => m.capabilities.streaming),
    },
    parameters: first.filter((n) => names.every((s) => s.has(n))).map((name) => ({ name })),
    maxOutputTokens: limits.length ? Math.min(...limits) : undefined,
  }
}
