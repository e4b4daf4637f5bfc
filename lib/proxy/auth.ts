/** Caller authentication: `Authorization: Bearer <key>` against CHAT_PROXY_KEYS, in constant time. */
import { createHash, timingSafeEqual } from 'node:crypto'

const digest = (s: string) => createHash('sha256').update(s).digest()

/** The bearer token of a request, or undefined. */
export function bearerToken(header: string | null): string | undefined {
  const m = header?.match(/^Bearer\s+(\S+)\s*$/i)
  return m?.[1]
}

/**
 * Whether `key` is one of `keys`. Every key is compared (fixed-length digests, timingSafeEqual),
 * so the time taken says nothing about which key, or how much of one, matched.
 */
export function isValidKey(key: string, keys: readonly string[]): boolean {
  const d = digest(key)
  let ok = false
  for (const k of keys) ok = timingSafeEqual(d, digest(k)) || ok
  return ok
}

/** A stable, non-reversible id for a key, for logs and rate-limit buckets. */
export const keyId = (key: string) => digest(key).toString('hex').slice(0, 12)
