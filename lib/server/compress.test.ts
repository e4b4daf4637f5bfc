import { brotliDecompressSync, gunzipSync } from 'node:zlib'

import { describe, expect, it } from 'vitest'

import type { Encoding } from './compress'
import { CompressedBodies, chooseEncoding, compressBody, isCompressible } from './compress'

/** A page-like body: repetitive markup with some variety, ~60 KB. */
const page = Buffer.from(
  Array.from(
    { length: 600 },
    (_, i) => `<tr><td class="px-3 py-2">Model ${i}</td><td>$${(i * 0.37).toFixed(2)}</td></tr>`,
  ).join(''),
)

describe('chooseEncoding', () => {
  it('answers brotli to every current browser, gzip to a client that only takes gzip, nothing otherwise', () => {
    expect(chooseEncoding('gzip, deflate, br, zstd')).toBe('br')
    expect(chooseEncoding('br')).toBe('br')
    expect(chooseEncoding('gzip, deflate')).toBe('gzip')
    expect(chooseEncoding('deflate')).toBeUndefined()
    expect(chooseEncoding('identity')).toBeUndefined()
    expect(chooseEncoding('')).toBeUndefined()
    expect(chooseEncoding(undefined)).toBeUndefined()
  })

  it('honours q-values and wildcards', () => {
    expect(chooseEncoding('br;q=0, gzip')).toBe('gzip')
    expect(chooseEncoding('gzip;q=1, br;q=0.5')).toBe('gzip')
    expect(chooseEncoding('*')).toBe('br')
    expect(chooseEncoding('*, br;q=0')).toBe('gzip')
    expect(chooseEncoding('gzip;q=0, br;q=0')).toBeUndefined()
    expect(chooseEncoding(['gzip', 'br'])).toBe('br')
  })
})

describe('isCompressible', () => {
  it('takes the text the server sends and leaves images and fonts alone', () => {
    for (const t of [
      'text/html; charset=utf-8',
      'text/x-component',
      'application/json',
      'application/javascript; charset=UTF-8',
      'text/css',
      'application/rss+xml',
      'image/svg+xml',
    ])
      expect(isCompressible(t)).toBe(true)
    for (const t of ['image/png', 'font/woff2', 'application/octet-stream', undefined])
      expect(isCompressible(t)).toBe(false)
  })
})

describe('compressBody', () => {
  it('gives back the same bytes once decompressed, smaller at the best brotli quality than the fast one', async () => {
    const fast = await compressBody(page, 'br')
    const best = await compressBody(page, 'br', true)
    const gz = await compressBody(page, 'gzip')
    expect(brotliDecompressSync(fast).equals(page)).toBe(true)
    expect(brotliDecompressSync(best).equals(page)).toBe(true)
    expect(gunzipSync(gz).equals(page)).toBe(true)
    expect(best.length).toBeLessThan(fast.length)
    expect(fast.length).toBeLessThan(gz.length)
  })
})

/** A cache whose compression is recorded (quality asked for) and tagged so a copy says how it was made. */
function recorded(options: { budgetBytes?: number; queueLimit?: number; delayMs?: number } = {}) {
  const calls: { encoding: Encoding; best: boolean }[] = []
  const bodies = new CompressedBodies({
    ...options,
    compress: async (body, encoding, best = false) => {
      calls.push({ encoding, best })
      if (options.delayMs) await new Promise((r) => setTimeout(r, options.delayMs))
      return Buffer.concat([Buffer.from(`${encoding}:${best ? 'best' : 'fast'}:`), body])
    },
  })
  return { bodies, calls }
}

describe('CompressedBodies', () => {
  it('answers a first request with a fast copy, and keeps it', async () => {
    const { bodies, calls } = recorded()
    const first = await bodies.get('k', page, 'br')
    expect(first.toString().startsWith('br:fast:')).toBe(true)
    await bodies.idle()
    expect(calls).toEqual([{ encoding: 'br', best: false }])
    expect(bodies.stats()).toMatchObject({ entries: 1, best: 0 })
  })

  it('compresses a body asked for again at the best quality, off the request, and answers with that copy from then on', async () => {
    const { bodies, calls } = recorded({ delayMs: 20 })
    await bodies.get('k', page, 'br')
    // The second request is not held for the slow pass: it gets the fast copy at once.
    const second = await bodies.get('k', page, 'br')
    expect(second.toString().startsWith('br:fast:')).toBe(true)
    await bodies.idle()
    const third = await bodies.get('k', page, 'br')
    expect(third.toString().startsWith('br:best:')).toBe(true)
    await bodies.get('k', page, 'br')
    await bodies.idle()
    expect(calls).toEqual([
      { encoding: 'br', best: false },
      { encoding: 'br', best: true },
    ])
  })

  it('keeps gzip at its one quality, and each encoding apart', async () => {
    const { bodies, calls } = recorded()
    await bodies.get('k', page, 'gzip')
    await bodies.get('k', page, 'gzip')
    await bodies.get('k', page, 'br')
    await bodies.idle()
    expect(calls).toEqual([
      { encoding: 'gzip', best: false },
      { encoding: 'br', best: false },
    ])
    expect(bodies.stats().entries).toBe(2)
  })

  it('compresses a body once when several requests for it arrive together', async () => {
    const { bodies, calls } = recorded({ delayMs: 20 })
    const copies = await Promise.all([1, 2, 3, 4].map(() => bodies.get('k', page, 'br')))
    expect(new Set(copies.map((c) => c.toString())).size).toBe(1)
    expect(calls).toHaveLength(1)
  })

  it('stays within its byte budget, letting the least recently used copies go', async () => {
    const size = page.length + 'br:fast:'.length
    const { bodies, calls } = recorded({ budgetBytes: size * 2 })
    await bodies.get('a', page, 'br')
    await bodies.get('b', page, 'br')
    await bodies.get('a', page, 'br') // a is now the most recent
    await bodies.idle()
    await bodies.get('c', page, 'br') // over budget: b goes, not a
    await bodies.idle()
    expect(bodies.stats().bytes).toBeLessThanOrEqual(size * 2)
    const before = calls.length
    await bodies.get('a', page, 'br')
    expect(calls.length).toBe(before) // still kept
    await bodies.get('b', page, 'br')
    expect(calls.at(-1)).toEqual({ encoding: 'br', best: false }) // made afresh
  })

  it('leaves bodies at the fast quality when the queue for the slow pass is full', async () => {
    const { bodies, calls } = recorded({ queueLimit: 2, delayMs: 20 })
    for (const k of ['a', 'b', 'c', 'd']) await bodies.get(k, page, 'br')
    for (const k of ['a', 'b', 'c', 'd']) await bodies.get(k, page, 'br')
    await bodies.idle()
    // One job runs while two wait: the fourth body's slow pass is dropped, not queued.
    expect(calls.filter((c) => c.best)).toHaveLength(3)
    expect(bodies.stats()).toMatchObject({ queued: 0, best: 3 })
    expect((await bodies.get('d', page, 'br')).toString().startsWith('br:fast:')).toBe(true)
  })

  it('keeps serving the fast copy when the slow pass fails', async () => {
    let fail = false
    const bodies = new CompressedBodies({
      compress: async (body, encoding, best = false) => {
        if (best && fail) throw new Error('boom')
        return Buffer.concat([Buffer.from(`${encoding}:${best ? 'best' : 'fast'}:`), body])
      },
    })
    fail = true
    await bodies.get('k', page, 'br')
    await bodies.get('k', page, 'br')
    await bodies.idle()
    expect((await bodies.get('k', page, 'br')).toString().startsWith('br:fast:')).toBe(true)
  })
})
