/** Caller authentication: `Authorization: Bearer <key>` against CHAT_PROXY_KEYS, in constant time. */
import { createHash, timingSafeEqual } from 'node:crypto'

const digest = (s: string) => createHash('sha256').update(s).digest()

/** The bearer token of a request, or undefined. */
export function bearerToken(header: string | null): string | undefined {
  const m = header?.match(/^Bearer\s+(\S+)\s*$/i)
  return m?.[1]
}

/** Digests of the configured keys, computed once per key list (the environment is read once). */
const configured = new WeakMap<readonly string[], Buffer[]>()

/**
 * Checks `key` against `keys` and returns its id (a stable, non-reversible id for logs and
 * rate-limit buckets), or undefined when it is not one of them. Every key is compared
 * (fixed-length digests, timingSafeEqual), so the time taken says nothing about which key, or
 * how much of one, matched.
 */
export function checkKey(key: string, keys: readonly string[]): string | undefined {
  let digests = configured.get(keys)
  if (!digests) {
    digests = keys.map(digest)
    configured.set(keys, digests)
  }
  const d = digest(key)
  let ok = false
  for (const k of digests) ok = timingSafeEqual(d, k) || ok
  return ok ? d.toString('hex', 0, 6) : undefined
}
