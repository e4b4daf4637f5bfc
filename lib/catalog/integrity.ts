/**
 * Cross-file rules the per-file schemas cannot express: references resolve, ids and aliases
 * are unique, every model has prose and every prose file a model. Pure; the catalog runs it
 * once at load, so a broken reference fails `next build` naming the file and the field.
 */
import type { ModelDoc, ModelListDoc, ProseDoc, ProviderDoc, RouterDoc, VendorDoc } from './types'

export interface IntegrityInput {
  models: ModelDoc[]
  vendors: VendorDoc[]
  providers: ProviderDoc[]
  prose: ProseDoc[]
  routers?: RouterDoc[]
  lists?: ModelListDoc[]
}

/** Every problem found, one line each: `<file>: <field path>: <message>`. Empty when sound. */
export function checkIntegrity({
  models,
  vendors,
  providers,
  prose,
  routers = [],
  lists = [],
}: IntegrityInput): string[] {
  const problems: string[] = []
  const vendorIds = new Set(vendors.map((v) => v.id))
  const providerIds = new Set(providers.map((p) => p.id))
  const proseIds = new Set(prose.map((p) => p.id))
  const modelIds = new Set(models.map((m) => m.id))
  const names = new Map<string, string>() // id or alias → file that claims it

  for (const m of models) {
    const folder = m.id.split('/')[0]
    if (m.vendor !== folder) {
      problems.push(`${m.file}: vendor: "${m.vendor}" does not match the folder "${folder}" the file is in`)
    }
    if (!vendorIds.has(m.vendor)) {
      problems.push(`${m.file}: vendor: unknown vendor "${m.vendor}" (no content/vendors/${m.vendor}.yaml)`)
    }
    if (!/^[a-z0-9][a-z0-9._-]*\/[a-z0-9][a-z0-9._-]*$/.test(m.id)) {
      problems.push(`${m.file}: file name: "${m.id}" must be lower-case letters, digits, ".", "_" or "-"`)
    }
    if (!proseIds.has(m.id)) {
      problems.push(`${m.file}: description: missing prose file ${m.file.replace(/\.ya?ml$/, '.mdx')}`)
    }
    const seen = new Set<string>()
    m.endpoints.forEach((e, i) => {
      if (!providerIds.has(e.provider)) {
        problems.push(
          `${m.file}: endpoints.${i}.provider: unknown provider "${e.provider}" (no content/providers/${e.provider}.yaml)`,
        )
      }
      const key = `${e.provider} ${e.modelId}`
      if (seen.has(key)) problems.push(`${m.file}: endpoints.${i}: duplicate endpoint ${e.provider} / ${e.modelId}`)
      seen.add(key)
      const tiers = e.pricing.tiers ?? []
      tiers.forEach((t, j) => {
        const prev = tiers[j - 1]
        if (prev && t.above <= prev.above) {
          problems.push(`${m.file}: endpoints.${i}.pricing.tiers.${j}.above: tiers must ascend by threshold`)
        }
      })
    })
    m.parameters.forEach((p, i) => {
      if (m.parameters.findIndex((q) => q.name === p.name) !== i) {
        problems.push(`${m.file}: parameters.${i}.name: "${p.name}" is listed twice`)
      }
    })
    for (const [field, name] of [['id', m.id], ...m.aliases.map((a, i) => [`aliases.${i}`, a])] as const) {
      const other = names.get(name)
      if (other && other !== m.file) problems.push(`${m.file}: ${field}: "${name}" is also claimed by ${other}`)
      else names.set(name, m.file)
    }
    // An alias is a bare id of the model's vendor (`claude-haiku-4-5-20251001` on anthropic/…):
    // it must not name another model of that vendor, or `/models/<vendor>/<alias>` and the
    // proxy's `<vendor>/<alias>` would mean two models.
    m.aliases.forEach((a, i) => {
      const other = [a, `${m.vendor}/${a}`].find((x) => modelIds.has(x) && x !== m.id)
      if (other) problems.push(`${m.file}: aliases.${i}: "${a}" is another model's id (${other})`)
    })
  }
  for (const r of routers) {
    r.variants.forEach((v, i) => {
      if (!modelIds.has(v.model))
        problems.push(`${r.file}: variants.${i}.model: unknown model "${v.model}" (no content/models/${v.model}.yaml)`)
      if (r.variants.findIndex((w) => w.model === v.model) !== i)
        problems.push(`${r.file}: variants.${i}.model: "${v.model}" is listed twice`)
    })
    r.fallbacks?.forEach((f, i) => {
      if (!modelIds.has(f))
        problems.push(`${r.file}: fallbacks.${i}: unknown model "${f}" (no content/models/${f}.yaml)`)
    })
  }
  for (const l of lists) {
    l.models.forEach((entry, i) => {
      if (!modelIds.has(entry.id))
        problems.push(`${l.file}: models.${i}.id: unknown model "${entry.id}" (no content/models/${entry.id}.yaml)`)
      if (l.models.findIndex((x) => x.id === entry.id) !== i)
        problems.push(`${l.file}: models.${i}.id: "${entry.id}" is listed twice`)
    })
  }
  for (const p of prose) {
    if (!modelIds.has(p.id)) {
      problems.push(`${p.file}: no model file ${p.file.replace(/\.mdx$/, '.yaml')} for this prose`)
    }
  }
  return problems
}
