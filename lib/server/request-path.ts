/**
 * The path a request is routed by, the way Next will see it: dot segments (`/api/./chat`,
 * `/api/v1/../chat`, their percent-encoded forms) resolved and the query left off. The server
 * matches its own routes on this, so no spelling of a path reaches a different handler than
 * the plain one.
 */
export function requestPath(url: string | undefined): string {
  const raw = url ?? '/'
  const q = raw.indexOf('?')
  const path = q === -1 ? raw : raw.slice(0, q)
  // The common case costs nothing: no dot segment, no encoded dot.
  if (!path.includes('.') && !path.includes('%')) return path
  try {
    return new URL(path, 'http://localhost').pathname
  } catch {
    return path
  }
}
