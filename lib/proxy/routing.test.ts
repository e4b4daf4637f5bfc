import { describe, expect, it } from 'vitest'

import { pickWeighted } from './routing'

/** mulberry32: a small seeded PRNG, so the split is reproducible. */
function seeded(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

describe('pickWeighted', () => {
  it('honours the weights over 1,000 calls (within 3 points)', () => {
    for (const [seed, weights] of [[1, [33, 33, 34]], [42, [90, 10]], [7, [1, 2, 3, 4]]] as const) {
      const random = seeded(seed)
      const counts = weights.map(() => 0)
      for (let i = 0; i < 1000; i++) counts[pickWeighted([...weights], random)]!++
      const total = weights.reduce((s, w) => s + w, 0)
      weights.forEach((w, i) => {
        expect(Math.abs(counts[i]! / 10 - (w / total) * 100), `seed ${seed}, variant ${i}: ${counts[i]} of 1000`).toBeLessThanOrEqual(3)
      })
    }
  })
  it('maps the random range onto the weights exactly', () => {
    expect(pickWeighted([1, 3], () => 0)).toBe(0)
    expect(pickWeighted([1, 3], () => 0.2499)).toBe(0)
    expect(pickWeighted([1, 3], () => 0.25)).toBe(1)
    expect(pickWeighted([1, 3], () => 0.9999)).toBe(1)
  })
})
