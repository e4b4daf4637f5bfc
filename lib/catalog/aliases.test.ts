import { describe, expect, it } from 'vitest'

import { modelDoc } from '@/test-support/catalog-fixtures'

import { aliasPaths } from './aliases'

describe('aliasPaths', () => {
  it('maps a merged snapshot id to its model', () => {
    const paths = aliasPaths([modelDoc('acme/chat-1', { aliases: ['chat-1-20250101'] }), modelDoc('acme/chat-2')])
    expect([...paths]).toEqual([['acme/chat-1-20250101', 'acme/chat-1']])
  })

  it('gives no path to aliases that are not URL-safe model ids', () => {
    const paths = aliasPaths([
      modelDoc('minimax/minimax-m2', { aliases: ['MiniMax-M2', 'm2 preview', 'a/b', '-x', 'ok.v1_2'] }),
    ])
    expect([...paths.keys()]).toEqual(['minimax/ok.v1_2'])
  })

  it('never shadows a model of its own, and drops a path two models claim', () => {
    const paths = aliasPaths([
      modelDoc('acme/chat-1', { aliases: ['chat-2', 'chat-old'] }),
      modelDoc('acme/chat-2'),
      modelDoc('acme/chat-3', { aliases: ['chat-old'] }),
    ])
    expect(paths.size).toBe(0)
  })

  it("keeps vendors apart: the alias lives under the model's own vendor", () => {
    const paths = aliasPaths([modelDoc('acme/chat-1', { aliases: ['snap'] }), modelDoc('other/snap')])
    expect([...paths]).toEqual([['acme/snap', 'acme/chat-1']])
  })
})
