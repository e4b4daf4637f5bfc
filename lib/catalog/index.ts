/**
 * The catalog as pages and route handlers see it. Loads the content layer's generated
 * collections once, checks cross-file integrity (throwing with every problem, file and field
 * named, so `next build` fails) and serves joined, ordered views.
 */
import 'server-only'

import { createHash } from 'node:crypto'

import { allLists, allModelPages, allModels, allProviders, allRouters, allVendors } from 'content-collections'

import type { PackedIndex } from '@/lib/table/packed'
import { packIndex } from '@/lib/table/packed'
import type { ModelsIndexData } from '@/lib/table/rows'
import { modelsIndexData, toPriceMove } from '@/lib/table/rows'
import { ModelSearch } from '@/lib/table/search'

import { aliasPaths } from './aliases'
import { buildCatalog, similarModels } from './derive'
import { checkIntegrity } from './integrity'
import type { CatalogChange, HistoryEndpoint } from './price-history'
import { catalogChanges, latestChange } from './price-history'
import type { Catalog, Model, ProviderDoc, Router, VendorDoc } from './types'

export type { EndpointView, Model, ProviderDoc, Router, VendorDoc } from './types'

let cached:
  | (Catalog & {
      byId: Map<string, Model>
      byAliasPath: Map<string, Model>
      /** Model id → its endpoints with their price history (kept out of `Model`, see types.ts). */
      histories: Map<string, HistoryEndpoint[]>
    })
  | undefined

function catalog() {
  if (cached) return cached
  const input = {
    models: allModels,
    vendors: allVendors,
    providers: allProviders,
    prose: allModelPages,
    routers: allRouters,
    lists: allLists,
  }
  // An empty catalog is a misconfiguration (e.g. a wrong CATALOG_CONTENT_DIR), never a site to ship.
  if (allModels.length === 0)
    throw new Error('Content is invalid: no model files were found (check CATALOG_CONTENT_DIR or content/models/).')
  const problems = checkIntegrity(input)
  if (problems.length > 0) {
    throw new Error(
      `Content is invalid (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    )
  }
  const built = buildCatalog(input)
  const byId = new Map(built.models.map((m) => [m.id, m]))
  const byAliasPath = new Map([...aliasPaths(built.models)].map(([path, id]) => [path, byId.get(id)!]))
  const histories = new Map(allModels.map((m) => [m.id, m.endpoints]))
  cached = { ...built, byId, byAliasPath, histories }
  return cached
}

export const getModels = (): Model[] => catalog().models
export const getModel = (id: string): Model | undefined => catalog().byId.get(id)
/**
 * The model an alias path names (`anthropic/claude-haiku-4-5-20251001` → anthropic/claude-haiku-4-5),
 * for the URL-safe aliases that are no model's own id (see aliases.ts). Model pages redirect there.
 */
export const getAliasTarget = (path: string): Model | undefined => catalog().byAliasPath.get(path)
/** Every alias path with the model it redirects to. Never listed in the sitemap. */
export const getAliasPaths = (): Array<{ path: string; model: Model }> =>
  [...catalog().byAliasPath].map(([path, model]) => ({ path, model }))
export const getVendors = (): VendorDoc[] => catalog().vendors
export const getVendor = (id: string): VendorDoc | undefined => catalog().vendors.find((v) => v.id === id)
export const getProviders = (): ProviderDoc[] => catalog().providers
export const getProvider = (id: string): ProviderDoc | undefined => catalog().providers.find((p) => p.id === id)

let modelsIndex: ModelsIndexData | undefined
/** The models index's rows and filter facets, computed once per server process: the catalog does not change at run time. */
export const getModelsIndex = (): ModelsIndexData =>
  (modelsIndex ??= modelsIndexData(getModels(), (m) => {
    const c = latestChange(catalog().histories.get(m.id) ?? [])
    return c && toPriceMove(c)
  }))

let packedIndex: PackedIndex | undefined
/** The index's rows packed for the browser (lib/table/packed.ts). */
export const getPackedModelsIndex = (): PackedIndex => (packedIndex ??= packIndex(getModelsIndex()))

let indexCounts: { vendors: number[]; providers: number[] } | undefined
/**
 * Models per vendor and per provider in the whole index, in the order of its `vendors` and
 * `providers` (the filter menus' counts): counted once, not on every request for /models.
 */
export function getModelsIndexCounts() {
  if (!indexCounts) {
    const { rows, vendors, providers } = getModelsIndex()
    const count = (ids: (r: (typeof rows)[number]) => string[]) => {
      const m = new Map<string, number>()
      for (const r of rows) for (const id of ids(r)) m.set(id, (m.get(id) ?? 0) + 1)
      return m
    }
    const byVendor = count((r) => [r.vendor])
    const byProvider = count((r) => r.providers)
    indexCounts = {
      vendors: vendors.map(([id]) => byVendor.get(id) ?? 0),
      providers: providers.map(([id]) => byProvider.get(id) ?? 0),
    }
  }
  return indexCounts
}

let indexSearch: ModelSearch<ModelsIndexData['rows'][number]> | undefined
/** The search over the index's rows, for the server's render of a searched view. */
export const getModelsIndexSearch = () => (indexSearch ??= new ModelSearch(getModelsIndex().rows))

let indexFile: { body: string; version: string } | undefined
/**
 * The packed index as the file the live table fetches (/models/index.json): its body, and a
 * version (a hash of the body) that the page puts in the file's address, so a browser may keep
 * it for good and a new catalog is a new address.
 */
export function getModelsIndexFile() {
  if (!indexFile) {
    const body = JSON.stringify(getPackedModelsIndex())
    indexFile = { body, version: createHash('sha256').update(body).digest('hex').slice(0, 12) }
  }
  return indexFile
}

export const getVendorModels = (vendorId: string): Model[] => getModels().filter((m) => m.vendor === vendorId)

/** Every (model, endpoint) pair a provider serves, by model name. */
export function getProviderEndpoints(providerId: string) {
  return getModels()
    .flatMap((model) =>
      model.endpoints.filter((e) => e.provider === providerId).map((endpoint) => ({ model, endpoint })),
    )
    .sort((a, b) => a.model.name.localeCompare(b.model.name))
}

export const getSimilarModels = (model: Model, count?: number) => similarModels(model, getModels(), count)

/** Newest first, by release date. */
export const getNewestModels = (count: number) =>
  [...getModels()]
    .sort((a, b) => (b.releaseDate ?? '').localeCompare(a.releaseDate ?? '') || a.id.localeCompare(b.id))
    .slice(0, count)

/**
 * A curated list (`content/lists/<name>.yaml`) with its models joined, in the file's order;
 * `undefined` when the catalog has no such list (a synthetic or test catalog).
 */
export function getModelList(
  name: string,
): { title: string; description?: string; entries: ModelListEntry[] } | undefined {
  const list = allLists.find((l) => l.id === name)
  if (!list) return undefined
  const { byId } = catalog()
  return {
    title: list.title,
    ...(list.description ? { description: list.description } : {}),
    // Integrity has checked every id.
    entries: list.models.map((e) => ({ model: byId.get(e.id)!, ...(e.note ? { note: e.note } : {}) })),
  }
}
export interface ModelListEntry {
  model: Model
  note?: string
}

/**
 * A model's endpoints with their price history (`history` periods, `retirementDate`), for the
 * derivations in price-history.ts. Pages pass on only what they show, never this whole list.
 */
export const getPriceHistory = (modelId: string): HistoryEndpoint[] => catalog().histories.get(modelId) ?? []

let changes: CatalogChange[] | undefined
/** Every dated change across the catalog, newest first (price-history.ts `catalogChanges`), computed once. */
export const getCatalogChanges = (): CatalogChange[] =>
  (changes ??= catalogChanges(
    getModels().map((m) => ({
      id: m.id,
      name: m.name,
      vendor: m.vendor,
      releaseDate: m.releaseDate,
      deprecationDate: m.deprecationDate,
      retirementDate: m.retirementDate,
      endpoints: getPriceHistory(m.id),
    })),
  ))

export const getRouters = (): Router[] => catalog().routers
export const getRouter = (slug: string): Router | undefined => catalog().routers.find((r) => r.slug === slug)
