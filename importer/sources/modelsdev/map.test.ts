/** models.dev mapping rules on single values, without a fixture. */
import { describe, expect, it } from 'vitest'

import { isPlanProvider } from './map'

describe('plans', () => {
  it('treats flat-fee plans and free prototyping allowances as not per-token prices', () => {
    for (const p of ['zai-coding-plan', 'alibaba-token-plan', 'kimi-for-coding', 'github-copilot', 'github-models'])
      expect(isPlanProvider(p), p).toBe(true)
    for (const p of ['openai', 'nvidia', 'openrouter']) expect(isPlanProvider(p), p).toBe(false)
  })
})
