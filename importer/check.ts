/**
 * Whole-catalog check on the files themselves (no content build needed): every file passes its
 * zod schema, every endpoint's provider and every model's vendor has a file, the vendor matches
 * the folder, ids are URL-safe, every model has prose, aliases are unique and name no other model
 * of the vendor, price tiers ascend.
 * Returns one line per problem; empty when the catalog is sound.
 */
import { modelSchema, providerSchema, vendorSchema } from '@/lib/catalog/schema'

import { SAFE_SEGMENT } from './ids'
import type { ContentSnapshot } from './types'
import { parseYaml } from './yaml'

export interface CheckSummary {
  problems: string[]
  models: number
  vendors: number
  providers: number
  endpoints: number
  /** Providers that at least one endpoint uses. */
  providersUsed: number
  /** Vendors that at least one model uses. */
  vendorsUsed: number
}

export function checkContent(snapshot: ContentSnapshot): CheckSummary {
  const problems: string[] = []
  const validate = (
    file: string,
    text: string,
    schema: typeof vendorSchema | typeof providerSchema | typeof modelSchema,
  ) => {
    const { data, error } = parseYaml(text)
    if (error) {
      problems.push(`${file}: YAML: ${error}`)
      return undefined
    }
    const r = schema.safeParse(data)
    if (!r.success) {
      for (const i of r.error.issues)
        problems.push(`${file}: ${i.path.map(String).join('.') || '(file)'}: ${i.message}`)
      return undefined
    }
    return r.data
  }

  for (const [id, text] of snapshot.vendors) {
    if (!SAFE_SEGMENT.test(id)) problems.push(`vendors/${id}.yaml: file name is not URL-safe`)
    validate(`vendors/${id}.yaml`, text, vendorSchema)
  }
  for (const [id, text] of snapshot.providers) {
    if (!SAFE_SEGMENT.test(id)) problems.push(`providers/${id}.yaml: file name is not URL-safe`)
    validate(`providers/${id}.yaml`, text, providerSchema)
  }

  let endpoints = 0
  const providersUsed = new Set<string>()
  const vendorsUsed = new Set<string>()
  const claimed = new Map<string, string>()
  let models = 0
  for (const [id, files] of snapshot.models) {
    const file = `models/${id}.yaml`
    const [vendor = '', name = ''] = id.split('/')
    if (files.yaml === undefined) {
      problems.push(`models/${id}.mdx: prose without a model file`)
      continue
    }
    models++
    if (!SAFE_SEGMENT.test(vendor) || !SAFE_SEGMENT.test(name))
      problems.push(`${file}: id "${id}" is not URL-safe ([a-z0-9._-] per segment)`)
    if (files.mdx === undefined) problems.push(`${file}: no prose file models/${id}.mdx`)
    else if (!files.mdx.trim()) problems.push(`models/${id}.mdx: empty`)
    const m = validate(file, files.yaml, modelSchema) as ReturnType<typeof modelSchema.parse> | undefined
    if (!m) continue
    vendorsUsed.add(m.vendor)
    if (m.vendor !== vendor) problems.push(`${file}: vendor "${m.vendor}" does not match the folder "${vendor}"`)
    if (!snapshot.vendors.has(m.vendor)) problems.push(`${file}: vendor "${m.vendor}" has no vendors/${m.vendor}.yaml`)
    const seen = new Set<string>()
    m.endpoints.forEach((e, i) => {
      endpoints++
      providersUsed.add(e.provider)
      if (!snapshot.providers.has(e.provider))
        problems.push(`${file}: endpoints.${i}.provider "${e.provider}" has no providers/${e.provider}.yaml`)
      const key = `${e.provider} ${e.modelId}`
      if (seen.has(key)) problems.push(`${file}: endpoints.${i}: duplicate endpoint ${key}`)
      seen.add(key)
      const tiers = e.pricing.tiers ?? []
      tiers.forEach((t, j) => {
        if (j > 0 && t.above <= tiers[j - 1]!.above)
          problems.push(`${file}: endpoints.${i}.pricing.tiers.${j}.above: tiers must ascend`)
      })
    })
    for (const n of [id, ...m.aliases]) {
      const other = claimed.get(n)
      if (other && other !== file) problems.push(`${file}: "${n}" is also claimed by ${other}`)
      else claimed.set(n, file)
    }
    m.aliases.forEach((a, i) => {
      const named = `${vendor}/${a}`
      if (named !== id && snapshot.models.get(named)?.yaml !== undefined)
        problems.push(`${file}: aliases.${i} "${a}" is the id of models/${named}.yaml`)
    })
  }
  return {
    problems,
    models,
    vendors: snapshot.vendors.size,
    providers: snapshot.providers.size,
    endpoints,
    providersUsed: providersUsed.size,
    vendorsUsed: vendorsUsed.size,
  }
}
