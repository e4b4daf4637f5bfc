/**
 * Alias ids as URLs. A model's `aliases` are its other ids (dated snapshots that were merged into
 * it, a vendor's original spelling); `/models/<vendor>/<alias>` answers with a permanent redirect
 * to the model's own page, so links to a merged snapshot keep working. Pure.
 *
 * Not every alias gets a path:
 * - only aliases that are themselves URL-safe model-id segments (`[a-z0-9._-]`, lower case).
 *   `MiniMax-M2` does not: URLs are case-sensitive but macOS and Windows file systems are not,
 *   and its lower-case form is usually the model's own id anyway. The proxy and the compare
 *   page still resolve such aliases; they just have no page URL.
 * - never a path that is a model's own id (the model's page wins; integrity reports the clash).
 * - never a path two models claim (integrity reports that too; neither gets it).
 */

/** One id segment as it may appear in a model id, a file name and a URL path. */
const URL_SEGMENT = /^[a-z0-9][a-z0-9._-]*$/

interface AliasSource {
  id: string
  vendor: string
  aliases: readonly string[]
}

/** `vendor/alias` → the id of the model it names, for every alias that gets a page URL. */
export function aliasPaths(models: readonly AliasSource[]): Map<string, string> {
  const ids = new Set(models.map((m) => m.id))
  const out = new Map<string, string>()
  const clashes = new Set<string>()
  for (const m of models) {
    for (const alias of m.aliases) {
      if (!URL_SEGMENT.test(alias)) continue
      const path = `${m.vendor}/${alias}`
      if (ids.has(path)) continue
      const other = out.get(path)
      if (other !== undefined && other !== m.id) clashes.add(path)
      else out.set(path, m.id)
    }
  }
  for (const path of clashes) out.delete(path)
  return out
}
