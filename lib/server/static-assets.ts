/**
 * The built scripts and styles (`/_next/static/…`), answered by the production server itself
 * when the browser takes brotli or gzip: compressed once per process and kept
 * (lib/server/compress.ts), where Next would send them gzipped at its default level on every
 * request. Their names carry a hash of their content, so each is kept for good by browsers and
 * CDNs (`immutable`), as Next does. Anything else under `/_next/static/` (fonts, images, a file
 * that is not there) is left to Next.
 */
import { readFile } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { join } from 'node:path'

import type { CompressedBodies } from './compress'
import { chooseEncoding } from './compress'

const PREFIX = '/_next/static/'
/** A built file's path: letters, digits and `-_.~`, segments without `..`. */
const SAFE_PATH = /^\/_next\/static\/(?:[\w~-][\w.~-]*\/)*[\w~-][\w.~-]*\.(js|css)$/
const TYPES = { js: 'application/javascript; charset=UTF-8', css: 'text/css; charset=UTF-8' } as const
export const ASSET_CACHE_CONTROL = 'public, max-age=31536000, immutable'

/**
 * Built files read so far, by path on disk: their names carry their content's hash, so they never
 * change while the server runs, and they are a bounded set (the build's scripts and styles; a
 * path that is not there is never kept). Read once, not on every request.
 */
const builtFiles = new Map<string, Promise<Buffer>>()

function readBuilt(file: string): Promise<Buffer> {
  let read = builtFiles.get(file)
  if (!read) {
    read = readFile(file)
    builtFiles.set(file, read)
    read.catch(() => builtFiles.delete(file))
  }
  return read
}

/** The file on disk for a request path under `/_next/static/`, or undefined when it is not a built script or style. */
export function staticAssetPath(distDir: string, path: string): { file: string; type: string } | undefined {
  const m = SAFE_PATH.exec(path)
  if (!m || path.split('/').includes('..')) return undefined
  return { file: join(distDir, 'static', path.slice(PREFIX.length)), type: TYPES[m[1] as keyof typeof TYPES] }
}

/**
 * Answers a GET or HEAD of a built script or style, compressed, with `headers` (the site's
 * security headers) added; false when it leaves the request to Next (another file, a client that
 * takes neither encoding, a file not found).
 */
export async function serveStaticAsset(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  { distDir, bodies, headers }: { distDir: string; bodies: CompressedBodies; headers: Record<string, string> },
): Promise<boolean> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false
  const asset = staticAssetPath(distDir, path)
  const encoding = chooseEncoding(req.headers['accept-encoding'])
  if (!asset || !encoding) return false
  let raw: Buffer
  try {
    raw = await readBuilt(asset.file)
  } catch {
    return false
  }
  const body = await bodies.get(path, raw, encoding)
  res.writeHead(200, {
    ...headers,
    'content-type': asset.type,
    'content-encoding': encoding,
    'content-length': body.length,
    'cache-control': ASSET_CACHE_CONTROL,
    vary: 'Accept-Encoding',
  })
  res.end(req.method === 'HEAD' ? undefined : body)
  return true
}
