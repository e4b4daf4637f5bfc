/**
 * Response compression for the production server (issue 14): brotli for every browser that takes
 * it, gzip for the others, nothing for a client that asks for neither.
 *
 * Brotli at its best quality (11) makes a model page's HTML ~29 % smaller than gzip and the
 * framework's scripts ~15 % smaller, but costs ~180 ms of CPU for one 150 KB page here, far too
 * slow to do on every request. So whole bodies (prerendered pages, the catalog's JSON, built
 * scripts and styles) are compressed once and kept, by a key that names their content:
 *
 * - the first time a body is asked for, it is compressed at a fast quality (brotli 5, ~6 ms) and
 *   answered at once;
 * - the second time, it is queued for the best quality, which runs off the main thread (Node's
 *   zlib thread pool), one body at a time, and replaces the fast copy when done. A page asked for
 *   once (a crawler's visit, a test) never costs the slow pass; one people keep asking for gets it.
 *
 * The kept copies are bounded in bytes (least recently used go first), as is the queue. Streamed
 * responses (pages rendered per request) are compressed as they stream, by the `compression`
 * middleware in server.ts, at the fast quality.
 */
import { promisify } from 'node:util'
import { brotliCompress, constants, gzip } from 'node:zlib'

import Negotiator from 'negotiator'

import type { BodyEncoder } from './http-cache'

export type Encoding = 'br' | 'gzip'

/** Brotli's quality for a first answer and for a stream: close to the best for a fraction of its time. */
export const FAST_BROTLI_QUALITY = 5
const BEST_BROTLI_QUALITY = 11
/** Bodies smaller than this are sent as they are: compression would save less than a packet. */
export const MIN_COMPRESSIBLE_BYTES = 1024

const brotli = promisify(brotliCompress)
const gz = promisify(gzip)

/** Text the server sends: HTML, RSC payloads, JSON, scripts, styles, feeds, SVG. */
export const isCompressible = (contentType: string | undefined) =>
  !!contentType &&
  /^(text\/|application\/(json|javascript|xml|rss\+xml|atom\+xml|manifest\+json)|image\/svg\+xml)/i.test(contentType)

type NegotiatorWithPreference = Negotiator & { encoding(available: string[], preferred: string[]): string | undefined }

/**
 * The encoding to answer with for a request's Accept-Encoding (q-values and `*` honoured; brotli
 * first when both are equally acceptable); undefined for none (identity).
 */
export function chooseEncoding(acceptEncoding: string | string[] | undefined): Encoding | undefined {
  const header = Array.isArray(acceptEncoding) ? acceptEncoding.join(',') : acceptEncoding
  if (!header) return undefined
  const negotiator = new Negotiator({ headers: { 'accept-encoding': header } }) as NegotiatorWithPreference
  const chosen = negotiator.encoding(['br', 'gzip', 'identity'], ['br', 'gzip'])
  return chosen === 'br' || chosen === 'gzip' ? chosen : undefined
}

export function compressBody(body: Buffer, encoding: Encoding, best = false): Promise<Buffer> {
  if (encoding === 'gzip') return gz(body)
  return brotli(body, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: best ? BEST_BROTLI_QUALITY : FAST_BROTLI_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
    },
  })
}

type Entry = { data: Buffer; best: boolean; hits: number }

export interface CompressedBodiesOptions {
  /** Bytes of compressed copies kept (default 64 MiB). */
  budgetBytes?: number
  /** Bodies waiting for the best quality at most (default 64); more are left at the fast one. */
  queueLimit?: number
  /** How a body is compressed (tests slow it down or count calls). */
  compress?: typeof compressBody
}

/** Compressed copies of whole bodies, by a key that names the content (an ETag, a hashed file's path). */
export class CompressedBodies {
  private readonly entries = new Map<string, Entry>()
  private readonly pending = new Map<string, Promise<Buffer>>()
  private readonly queue: { id: string; body: Buffer; encoding: Encoding }[] = []
  private queued = new Set<string>()
  private bytes = 0
  private running = false
  private readonly budget: number
  private readonly queueLimit: number
  private readonly compress: typeof compressBody

  constructor(options: CompressedBodiesOptions = {}) {
    this.budget = options.budgetBytes ?? 64 * 2 ** 20
    this.queueLimit = options.queueLimit ?? 64
    this.compress = options.compress ?? compressBody
  }

  /** `body` compressed with `encoding`: the kept copy when there is one, else a fresh fast one (kept). */
  async get(key: string, body: Buffer, encoding: Encoding): Promise<Buffer> {
    const id = `${encoding} ${key}`
    const entry = this.entries.get(id)
    if (entry) {
      // Most recently used last, so eviction (from the front) takes the least recently used.
      this.entries.delete(id)
      this.entries.set(id, entry)
      entry.hits++
      if (!entry.best) this.upgrade(id, body, encoding)
      return entry.data
    }
    const inFlight = this.pending.get(id)
    if (inFlight) return inFlight
    const made = this.compress(body, encoding).finally(() => this.pending.delete(id))
    this.pending.set(id, made)
    const data = await made
    // gzip has no slower, smaller setting worth its time: its first copy is its best.
    this.store(id, { data, best: encoding === 'gzip', hits: 1 })
    return data
  }

  /** How many copies are kept and how many of them are at the best quality (for tests and logs). */
  stats() {
    let best = 0
    for (const e of this.entries.values()) if (e.best) best++
    return { entries: this.entries.size, best, bytes: this.bytes, queued: this.queue.length }
  }

  /** Resolves when every queued body has its best copy (tests). */
  async idle(): Promise<void> {
    while (this.running || this.queue.length) await new Promise((r) => setTimeout(r, 5))
  }

  private store(id: string, entry: Entry) {
    const old = this.entries.get(id)
    if (old) this.bytes -= old.data.length
    this.entries.delete(id)
    if (entry.data.length > this.budget) return
    this.entries.set(id, entry)
    this.bytes += entry.data.length
    for (const [oldest, e] of this.entries) {
      if (this.bytes <= this.budget) break
      this.entries.delete(oldest)
      this.bytes -= e.data.length
    }
  }

  private upgrade(id: string, body: Buffer, encoding: Encoding) {
    if (this.queued.has(id) || this.queue.length >= this.queueLimit) return
    this.queued.add(id)
    this.queue.push({ id, body, encoding })
    if (!this.running) void this.drain()
  }

  private async drain() {
    this.running = true
    try {
      for (let job = this.queue.shift(); job; job = this.queue.shift()) {
        try {
          const data = await this.compress(job.body, job.encoding, true)
          const entry = this.entries.get(job.id)
          // Evicted meanwhile: not worth keeping now.
          if (entry) this.store(job.id, { data, best: true, hits: entry.hits })
        } catch {
          // Left at the fast copy; a later request queues it again.
        } finally {
          this.queued.delete(job.id)
        }
      }
    } finally {
      this.running = false
    }
  }
}

/** Compresses held bodies (lib/server/http-cache.ts) for the request's accepted encoding, from `bodies`. */
export function bodyEncoder(bodies: CompressedBodies): BodyEncoder {
  return async (req, body, key, contentType) => {
    const encoding = chooseEncoding(req.headers['accept-encoding'])
    if (!encoding || body.length < MIN_COMPRESSIBLE_BYTES || !isCompressible(contentType)) return undefined
    return { body: await bodies.get(key, body, encoding), encoding }
  }
}
