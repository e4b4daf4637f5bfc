import type { Endpoint, ModelFile, ModelListFile, ProviderFile, RouterFile, VendorFile } from './schema'

/** A model file as the content layer hands it over: facts plus its id and source path. */
export type ModelDoc = ModelFile & { id: string; file: string }
export type VendorDoc = VendorFile & { id: string }
export type ProviderDoc = ProviderFile & { id: string }
/** A router file: `id` is `router/<slug>`. */
export type RouterDoc = RouterFile & { id: string; slug: string; file: string }
/** A curated list file: `id` is its name (`featured`). */
export type ModelListDoc = ModelListFile & { id: string; file: string }
export interface ProseDoc {
  id: string
  file: string
  /** Raw markdown, for plain-text summaries. */
  markdown: string
  /** Compiled MDX, for rendering. */
  mdx: string
  /** Written by the importer from the facts (frontmatter `generated: true`), not by a person. */
  generated?: boolean
}

/**
 * An endpoint joined with its provider. Without its price `history`: pages get only the history
 * derivations they show (`getPriceHistory`, price-history.ts), so it never rides along in props.
 */
export type EndpointView = Omit<Endpoint, 'history'> & { providerName: string; cheapest: boolean }

/** A model joined with its vendor, prose and priced endpoints: what pages render. */
export type Model = Omit<ModelDoc, 'endpoints'> & {
  vendorName: string
  /** Endpoints, cheapest first (available before deprecated). */
  endpoints: EndpointView[]
  /** The cheapest endpoint that prices the model (offers.ts `pricesModel`), if any. */
  cheapest: EndpointView | undefined
  /** One-paragraph plain-text summary of the prose (meta descriptions, cards). */
  summary: string
  prose: ProseDoc
}

/** A router joined with its variants' models and prices. */
export type Router = Omit<RouterDoc, 'variants'> & {
  variants: Array<
    RouterDoc['variants'][number] & {
      share: number
      modelName: string
      vendorName: string
      cheapest: EndpointView | undefined
    }
  >
  /** Models tried after the chosen variant, in order, when `fallbacks` is not set: the others by weight. */
  fallbackOrder: string[]
  /** Expected USD per 1M tokens: each variant's cheapest price weighted by its share. */
  blended: { input: number; output: number } | undefined
  /** Lowest and highest variant prices, USD per 1M tokens. */
  range: { input: [number, number]; output: [number, number] } | undefined
}

export interface Catalog {
  models: Model[]
  vendors: VendorDoc[]
  providers: ProviderDoc[]
  routers: Router[]
}
