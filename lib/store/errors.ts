/**
 * Errors from either driver, read the same way. Drizzle wraps a database error in its own
 * ("Failed query: <sql> params: <every value>"); the SQLSTATE and the useful message are on the
 * `cause`.
 */

/** The SQLSTATE code of a database error (or of its cause), if any. */
export function sqlState(e: unknown): string | undefined {
  for (let err = e, depth = 0; err && depth < 5; err = (err as { cause?: unknown }).cause, depth++) {
    const code = (err as { code?: unknown }).code
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code
  }
  return undefined
}

/** The innermost error's message, short enough for a log line (never a batch's parameters). */
export function errorText(e: unknown): string {
  let err = e
  for (let depth = 0; depth < 5; depth++) {
    const cause = (err as { cause?: unknown } | null)?.cause
    if (!cause) break
    err = cause
  }
  const text = err instanceof Error ? err.message : String(err)
  return text.length > 300 ? `${text.slice(0, 300)}…` : text
}
