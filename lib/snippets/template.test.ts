/**
 * gofmt's alignment as the renderers do it (checked against gofmt itself, over every option
 * combination and random literals, in compile.test.ts where Go is installed).
 */
import { describe, expect, it } from 'vitest'

import type { SlotValues } from './template'
import { alignPads, PAD, renderText, templateBuilder } from './template'

describe('alignPads', () => {
  it('aligns each run of key: value lines to its longest key; other lines end a run', () => {
    const cells = [
      '\t"model":',
      null,
      null,
      '\t"temperature":',
      '\t"seed":',
      null,
      '\t"tool_choice":',
      '\t"stream":',
      '\t\t"a":',
    ]
    expect(alignPads(cells)).toEqual([1, 0, 0, 1, 8, 0, 1, 6, 1])
  })

  it('breaks a run where gofmt does: a key over 40 bytes far from the mean of the keys before', () => {
    const long = (n: number) => `\t"${'x'.repeat(n - 2)}":`
    // 4 then 45 bytes: a new section. 41 then 45 (ratio about 1): one section.
    expect(alignPads([long(4), long(45)])).toEqual([1, 1])
    expect(alignPads([long(41), long(45)])).toEqual([5, 1])
  })

  it('counts characters as gofmt does: code points, not UTF-16 units', () => {
    expect(alignPads(['\t"é🎉":', '\t"abcd":'])).toEqual([3, 1])
  })
})

describe('renderText with PAD', () => {
  it('pads by the lines that show', () => {
    const { add, line, lines } = templateBuilder()
    line`m := map[string]any{`
    add({ seed: true })`	"seed":${PAD}7,`
    add({ temperature: true })`	"temperature":${PAD}0.2,`
    line`}`
    const values = {} as SlotValues
    const flags = {
      stream: false,
      system: false,
      temperature: false,
      maxTokens: false,
      topP: false,
      stop: false,
      seed: true,
      reasoning: false,
      jsonSchema: false,
      tools: false,
      image: false,
    }
    expect(renderText(lines, flags, values)).toBe('m := map[string]any{\n\t"seed": 7,\n}')
    expect(renderText(lines, { ...flags, temperature: true }, values)).toBe(
      'm := map[string]any{\n\t"seed":        7,\n\t"temperature": 0.2,\n}',
    )
  })
})
