/**
 * The response headers `next.config.mjs` sets for a path, read from the build's
 * `.next/routes-manifest.json`: routes the production server answers outside Next get the same
 * security headers as every other response, from the one place they are written.
 */
import { z } from 'zod'

const manifestSchema = z.object({
  headers: z.array(
    z.object({
      source: z.string(),
      regex: z.string(),
      headers: z.array(z.object({ key: z.string(), value: z.string() })),
      // Conditional rules (on a header, cookie or query) cannot be decided once per path.
      has: z.array(z.unknown()).optional(),
      missing: z.array(z.unknown()).optional(),
    }),
  ),
})

/** Headers of every unconditional rule matching `path`, later rules overriding earlier ones (as Next applies them). */
export function routeHeaders(manifest: unknown, path: string): Record<string, string> {
  const { headers: rules } = manifestSchema.parse(manifest)
  const out: Record<string, string> = {}
  for (const rule of rules) {
    if (rule.has?.length || rule.missing?.length) continue
    if (!new RegExp(rule.regex).test(path)) continue
    for (const { key, value } of rule.headers) out[key.toLowerCase()] = value
  }
  return out
}
