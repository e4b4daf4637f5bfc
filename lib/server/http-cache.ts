/**
 * Cache headers a CDN can use (issue #17), applied by server.ts to what Next answers: static
 * pages and the read-only JSON API are shared-cacheable (`s-maxage`, `stale-while-revalidate`),
 * with an ETag so a revalidation costs a 304; what depends on the caller's key never is.
 */
import { createHash } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'

/**
 * Compresses a whole body for a request (lib/server/compress.ts): the encoded body and its
 * `Content-Encoding`, or undefined to send it as it is. `key` names the content (its ETag).
 */
export type BodyEncoder = (
  req: IncomingMessage,
  body: Buffer,
  key: string,
  contentType: string | undefined,
) => Promise<{ body: Buffer; encoding: string } | undefined>

/** Per-caller answers: never stored by a shared cache. */
const PRIVATE = 'private, no-store'
/** The catalog's JSON: changes with a deploy; endpoint figures are measured each minute. */
export const API_POLICY = 'public, max-age=0, s-maxage=60, stale-while-revalidate=600'
/** Pages: rebuilt with a deploy; a model page's Performance section regenerates each minute. */
export const MODEL_PAGE_POLICY = 'public, max-age=0, s-maxage=60, stale-while-revalidate=86400'
export const PAGE_POLICY = 'public, max-age=0, s-maxage=300, stale-while-revalidate=86400'
/** A file whose address names its version (`?v=<hash of the body>`): a new build is a new address. */
export const VERSIONED_POLICY = 'public, max-age=31536000, immutable'
/** Data files pages link with their version in the query (the models index's rows). */
const VERSIONED_FILES = new Set(['/models/index.json'])
/** Data files whose name is the hash of their content (the snippet panel's templates). */
const CONTENT_NAMED = /^\/snippets\/[0-9a-f]{16}\.json$/

const PRIVATE_API = /^\/api\/(chat|v1\/(chat\/completions|key|usage|generation))(\/|$)/
const PUBLIC_API = /^\/api\/v1\/(models|routers|changes)(\/|$)/
/** Pages rendered on each request (they read their query string), streamed as they render. */
const STREAMED_PAGES = /^\/(models|compare|changes)\/?$/

export interface CachePolicy {
  cacheControl: string
  /** Compute an ETag from the body (and answer 304 to a matching If-None-Match). */
  etag: boolean
}

/** What a GET/HEAD of `path` (with its query string, `search`) gets; undefined: leave Next's own headers (assets, other APIs). */
export function cachePolicy(path: string, search = ''): CachePolicy | undefined {
  if (VERSIONED_FILES.has(path) && /[?&]v=[\w-]+/.test(search)) return { cacheControl: VERSIONED_POLICY, etag: true }
  if (CONTENT_NAMED.test(path)) return { cacheControl: VERSIONED_POLICY, etag: true }
  if (PRIVATE_API.test(path)) return { cacheControl: PRIVATE, etag: false }
  if (PUBLIC_API.test(path)) return { cacheControl: API_POLICY, etag: true }
  if (path.startsWith('/_next/') || path.startsWith('/api/')) return undefined
  // Pages rendered per request (the index, compare and changes read their query) stream: holding
  // them back to tag them would delay their first bytes, so they keep Next's own headers' flow.
  if (STREAMED_PAGES.test(path)) return { cacheControl: PAGE_POLICY, etag: false }
  // Prerendered pages too: Next tags them, but answers a matching If-None-Match with the whole
  // page again once the response is compressed (measured with Next 16.4.6), so the tag is ours.
  return { cacheControl: /^\/models\/[^/]+\/[^/]+$/.test(path) ? MODEL_PAGE_POLICY : PAGE_POLICY, etag: true }
}

/** A weak ETag of a body: the same bytes, the same tag on every instance. */
export const etagOf = (body: Buffer) => `W/"${createHash('sha1').update(body).digest('base64url')}"`

const matches = (header: string | undefined, etag: string) =>
  !!header &&
  header
    .split(',')
    .map((t) => t.trim().replace(/^W\//, ''))
    .includes(etag.replace(/^W\//, ''))

/**
 * Applies `policy` to the response Next is about to write: the Cache-Control of a 200 is
 * replaced (errors keep Next's), and with `etag` the body is held until its end, tagged, and
 * answered with a bodiless 304 when the request's If-None-Match has that tag. A held body is
 * compressed by `encode` when one is given (the response then varies on Accept-Encoding).
 */
export function applyCachePolicy(
  req: IncomingMessage,
  res: ServerResponse,
  policy: CachePolicy,
  encode?: BodyEncoder,
): void {
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse
  const setCache = (status: number) => {
    if (status === 200) res.setHeader('cache-control', policy.cacheControl)
  }
  if (!policy.etag) {
    res.writeHead = ((status: number, ...rest: unknown[]) => {
      setCache(status)
      return writeHead(status, ...rest)
    }) as typeof res.writeHead
    return
  }
  const chunks: Buffer[] = []
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse
  const toBuffer = (chunk: unknown, encoding?: unknown) =>
    Buffer.isBuffer(chunk)
      ? chunk
      : chunk instanceof Uint8Array
        ? Buffer.from(chunk)
        : Buffer.from(String(chunk), typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8')
  // Headers wait for the end too: the ETag (or a 304) is only known then.
  let pendingHead: unknown[] | undefined
  res.writeHead = ((...args: unknown[]) => {
    pendingHead = args
    return res
  }) as typeof res.writeHead
  res.write = ((chunk: unknown, encoding?: unknown, cb?: unknown) => {
    if (chunk !== undefined && chunk !== null && typeof chunk !== 'function') chunks.push(toBuffer(chunk, encoding))
    const callback = typeof encoding === 'function' ? encoding : cb
    if (typeof callback === 'function') queueMicrotask(() => (callback as () => void)())
    return true
  }) as typeof res.write
  res.end = ((chunk?: unknown, encoding?: unknown, cb?: unknown) => {
    if (chunk !== undefined && chunk !== null && typeof chunk !== 'function') chunks.push(toBuffer(chunk, encoding))
    const callback = [chunk, encoding, cb].find((x) => typeof x === 'function')
    const status = Number(pendingHead?.[0] ?? res.statusCode)
    if (pendingHead && pendingHead.length > 1) {
      // writeHead(status, [message,] headers): move the headers onto the response.
      const headers = pendingHead.find((x, i) => i > 0 && typeof x === 'object' && x !== null)
      if (headers && !Array.isArray(headers))
        for (const [k, v] of Object.entries(headers as Record<string, string>)) res.setHeader(k, v)
    }
    const body = Buffer.concat(chunks)
    if (req.method === 'HEAD' && body.length === 0) {
      // Next writes no body for HEAD: the tag a GET gets is unknown here, so none is claimed (the
      // tag of an empty body and a length of 0 were wrong; Next's own tag is not the one GET sends).
      res.removeHeader('etag')
      setCache(status)
      writeHead(status)
      return end(callback)
    }
    let etag: string | undefined
    if (status === 200) {
      setCache(status)
      etag = etagOf(body)
      res.setHeader('etag', etag)
      if (matches(req.headers['if-none-match'], etag)) {
        res.removeHeader('content-length')
        res.removeHeader('content-type')
        writeHead(304)
        return end(callback)
      }
    }
    const send = (out: Buffer, encoding?: string) => {
      res.removeHeader('transfer-encoding')
      if (encoding) res.setHeader('content-encoding', encoding)
      res.setHeader('content-length', out.length)
      writeHead(status)
      return req.method === 'HEAD' ? end(callback) : end(out, callback)
    }
    if (!encode || req.method === 'HEAD') return send(body)
    const vary = res.getHeader('vary')
    if (!/accept-encoding/i.test(String(vary ?? '')))
      res.setHeader('vary', vary ? `${String(vary)}, Accept-Encoding` : 'Accept-Encoding')
    const type = res.getHeader('content-type')
    encode(req, body, etag ?? etagOf(body), type === undefined ? undefined : String(type)).then(
      (encoded) => (encoded ? send(encoded.body, encoded.encoding) : send(body)),
      // A body that cannot be compressed still goes out, as it is.
      () => send(body),
    )
    return res
  }) as typeof res.end
}
