import { describe, expect, it } from 'vitest'

import { requestPath } from './request-path'

describe('requestPath', () => {
  it('leaves plain paths alone and drops the query', () => {
    expect(requestPath('/api/chat')).toBe('/api/chat')
    expect(requestPath('/api/chat?x=1')).toBe('/api/chat')
    expect(requestPath(undefined)).toBe('/')
  })

  it('resolves dot segments, plain and percent-encoded, as Next would', () => {
    for (const spelling of [
      '/api/./chat',
      '/./api/chat',
      '/api/v1/../chat',
      '/api/%2e/chat',
      '/api/%2E/chat?stream=1',
      '/x/../api/chat',
    ]) {
      expect(requestPath(spelling)).toBe('/api/chat')
    }
    expect(requestPath('/api/v1/./chat/completions')).toBe('/api/v1/chat/completions')
  })

  it('keeps dots that are part of a name', () => {
    expect(requestPath('/models/openai/gpt-4.1')).toBe('/models/openai/gpt-4.1')
  })
})
