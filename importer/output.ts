/**
 * The end of a run: derive promptCaching, validate every model and new provider file (schemas,
 * references, URL-safe ids), render it (new files from scratch, existing ones patched in place),
 * generate missing prose, regenerate generated prose whose facts changed and sort the before/after differences into the report. Pure.
 */
import type { Capabilities, Endpoint, ModelFile } from '@/lib/catalog/schema'
import { modelSchema, providerSchema } from '@/lib/catalog/schema'

import { SAFE_SEGMENT } from './ids'
import { orderKeys, orderModel, PROVIDER_KEYS } from './order'
import { generateProse, isGeneratedProse } from './prose'
import type { Data, ImportState, ModelState } from './state'
import { describeIssues, MODEL_PATH, PROSE_PATH } from './state'
import type { FileWrite } from './types'
import { deepEqual, parseYaml, renderNew, renderPatched } from './yaml'

/**
 * The files to write (only those whose content changes), after the sources have been applied.
 * Fills the report's file-level sections: new models and providers, changes, refused files.
 */
export function finish(state: ImportState): FileWrite[] {
  const writes: FileWrite[] = []
  const r = state.report

  for (const [id, file] of [...state.newProviders].sort((a, b) => a[0].localeCompare(b[0]))) {
    const data = orderKeys(file as unknown as Data, PROVIDER_KEYS)
    const checked = providerSchema.safeParse(data)
    if (!checked.success) {
      r.refused.push({ file: `providers/${id}.yaml`, problems: describeIssues(checked.error) })
      continue
    }
    writes.push({ path: `providers/${id}.yaml`, content: renderNew(data), kind: 'new' })
    r.newProviders.push(id)
  }
  const writtenProviders = new Set(
    [...state.providers].filter((p) => !state.newProviders.has(p) || r.newProviders.includes(p)),
  )

  const ids = [...state.models.keys()].sort()
  for (const id of ids) {
    const m = state.models.get(id)!
    if (m.frozen) continue
    if (!m.seen && !m.isNew) r.modelsNotInSource.push(id)

    // Derived: prompt caching = any endpoint prices cache reads, or LiteLLM says so.
    const touched = m.isNew || m.endpointSources.size > 0
    if (touched && m.data.capabilities && !m.locked.has('capabilities')) {
      const endpoints = (m.data.endpoints as Endpoint[] | undefined) ?? []
      const caching = endpoints.some((e) => e.pricing.cacheRead !== undefined) || !!m.cachingClaim
      const caps = m.data.capabilities as Capabilities
      if (caps.promptCaching !== caching) m.data.capabilities = { ...caps, promptCaching: caching }
    }

    const data = m.isNew ? orderModel(m.data) : m.data
    const problems = validateModel(state, m, data, writtenProviders)
    if (problems.length) {
      r.refused.push({ file: MODEL_PATH(id), problems })
      continue
    }
    const text = m.isNew ? renderNew(data) : renderPatched(m.original!, m.before, orderModel(data))
    // The written text must read back as exactly the data that was validated.
    const reread = parseYaml(text)
    if (reread.error || !deepEqual(reread.data, data) || !modelSchema.safeParse(reread.data).success) {
      r.refused.push({
        file: MODEL_PATH(id),
        problems: ['internal: the rendered YAML does not read back as the validated data'],
      })
      continue
    }
    if (m.isNew) {
      writes.push({ path: MODEL_PATH(id), content: text, kind: 'new' })
      r.newModels.push({ id, providers: ((data.endpoints as Endpoint[] | undefined) ?? []).map((e) => e.provider) })
    } else if (text !== m.original) {
      writes.push({ path: MODEL_PATH(id), content: text, kind: 'update' })
      diff(state, m)
    }
    if (!m.isNew) reportNotInSource(state, m)

    // Prose: a missing description is generated; one the importer generated (frontmatter
    // `generated: true`) is regenerated when the text from the current facts differs. A
    // description without the mark is someone's own words: never touched.
    if (!m.hasProse || (m.prose !== undefined && isGeneratedProse(m.prose))) {
      const content = proseFor(state, id, data)
      if (!m.hasProse) {
        writes.push({ path: PROSE_PATH(id), content, kind: 'new' })
        r.newProse.push(id)
      } else if (content !== m.prose) {
        writes.push({ path: PROSE_PATH(id), content, kind: 'update' })
        r.regeneratedProse.push(id)
      }
    }
  }
  r.filesWritten = writes.map((w) => ({ path: w.path, kind: w.kind }))
  return writes
}

function proseFor(state: ImportState, id: string, data: Data): string {
  const file = modelSchema.parse(data)
  return generateProse({
    id,
    name: file.name,
    vendorName: state.vendorNames.get(file.vendor) ?? file.vendor,
    releaseDate: file.releaseDate,
    mode: file.mode,
    status: file.status,
    input: file.modalities.input,
    output: file.modalities.output,
    contextWindow: file.contextWindow,
    maxOutputTokens: file.maxOutputTokens,
    openWeights: file.openWeights,
    capabilities: file.capabilities,
  })
}

function validateModel(state: ImportState, m: ModelState, data: Data, providers: Set<string>): string[] {
  const checked = modelSchema.safeParse(data)
  if (!checked.success) return describeIssues(checked.error)
  const file: ModelFile = checked.data
  const problems: string[] = []
  const [vendor, model] = m.id.split('/')
  if (!SAFE_SEGMENT.test(vendor ?? '') || !SAFE_SEGMENT.test(model ?? '')) problems.push(`id "${m.id}" is not URL-safe`)
  if (file.vendor !== vendor) problems.push(`vendor: "${file.vendor}" does not match the folder "${vendor}"`)
  if (!state.vendorNames.has(file.vendor)) problems.push(`vendor: no vendors/${file.vendor}.yaml`)
  file.endpoints.forEach((e, i) => {
    if (!providers.has(e.provider)) problems.push(`endpoints.${i}.provider: no providers/${e.provider}.yaml`)
    const tiers = e.pricing.tiers ?? []
    tiers.forEach((t, j) => {
      if (j > 0 && t.above <= tiers[j - 1]!.above)
        problems.push(`endpoints.${i}.pricing.tiers.${j}.above: tiers must ascend`)
    })
  })
  return problems
}

function reportNotInSource(state: ImportState, m: ModelState): void {
  for (const e of (m.before.endpoints as Endpoint[] | undefined) ?? []) {
    if (state.coveredProviders.has(e.provider) && !m.endpointSources.has(e.provider)) {
      state.report.notInSource.push({ model: m.id, provider: e.provider, modelId: e.modelId })
    }
  }
}

/** Before/after differences of an updated model, sorted into the report's sections. */
function diff(state: ImportState, m: ModelState): void {
  const r = state.report
  const keys = new Set([...Object.keys(m.before), ...Object.keys(m.data)])
  for (const field of keys) {
    if (field === 'endpoints') continue
    const from = m.before[field]
    const to = m.data[field]
    if (deepEqual(from, to)) continue
    const change = { model: m.id, field, from, to }
    if (field === 'contextWindow' || field === 'maxOutputTokens') r.limitChanges.push(change)
    else r.otherChanges.push(change)
  }
  const before = (m.before.endpoints as Endpoint[] | undefined) ?? []
  for (const e of (m.data.endpoints as Endpoint[] | undefined) ?? []) {
    const old = before.find((b) => b.provider === e.provider)
    if (!old) {
      r.newEndpoints.push({ model: m.id, provider: e.provider, modelId: e.modelId })
      continue
    }
    for (const field of ['contextWindow', 'maxOutputTokens'] as const) {
      if (old[field] !== e[field])
        r.limitChanges.push({ model: m.id, provider: e.provider, field, from: old[field], to: e[field] })
    }
    for (const field of ['modelId', 'status'] as const) {
      if (old[field] !== e[field])
        r.otherChanges.push({ model: m.id, provider: e.provider, field, from: old[field], to: e[field] })
    }
    const priceKeys = new Set([...Object.keys(old.pricing), ...Object.keys(e.pricing)]) as Set<
      keyof Endpoint['pricing']
    >
    for (const k of priceKeys) {
      if (!deepEqual(old.pricing[k], e.pricing[k]))
        r.priceChanges.push({ model: m.id, provider: e.provider, field: k, from: old.pricing[k], to: e.pricing[k] })
    }
  }
}
