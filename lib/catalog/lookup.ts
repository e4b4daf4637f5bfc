/**
 * What `/models/<name>` (one segment: a model id without its vendor, an alias, a vendor) leads
 * to. People type `/models/gpt-4o-mini` or paste an API's bare id; the site answers with the page
 * they meant, or a choice when the name fits several models. Case does not matter. Pure.
 */
interface Named {
  id: string
  name: string
  vendor: string
  vendorName: string
  aliases: readonly string[]
}

export type BareLookup<M> = { redirect: string } | { choices: M[] } | undefined

export function lookupBareName<M extends Named>(
  raw: string,
  models: readonly M[],
  vendors: readonly { id: string }[],
): BareLookup<M> {
  const name = raw.trim().toLowerCase()
  if (!name) return undefined
  const matches = models.filter(
    (m) => m.id.slice(m.vendor.length + 1) === name || m.aliases.some((a) => a.toLowerCase() === name),
  )
  if (matches.length === 1) return { redirect: `/models/${matches[0]!.id}` }
  if (matches.length > 1) return { choices: matches }
  if (vendors.some((v) => v.id === name)) return { redirect: `/vendors/${name}` }
  return undefined
}
