import type { Endpoint, ModelFile, ProviderFile, VendorFile } from './schema'

/** A model file as the content layer hands it over: facts plus its id and source path. */
export type ModelDoc = ModelFile & { id: string; file: string }
export type VendorDoc = VendorFile & { id: string }
export type ProviderDoc = ProviderFile & { id: string }
export interface ProseDoc {
  id: string
  file: string
  /** Raw markdown, for plain-text summaries. */
  markdown: string
  /** Compiled MDX, for rendering. */
  mdx: string
}

/** An endpoint joined with its provider. */
export type EndpointView = Endpoint & { providerName: string; cheapest: boolean }

/** A model joined with its vendor, prose and priced endpoints: what pages render. */
export type Model = Omit<ModelDoc, 'endpoints'> & {
  vendorName: string
  /** Endpoints, cheapest first (available before deprecated). */
  endpoints: EndpointView[]
  /** The cheapest available endpoint, if any. */
  cheapest: EndpointView | undefined
  /** One-paragraph plain-text summary of the prose (meta descriptions, cards). */
  summary: string
  prose: ProseDoc
}

export interface Catalog {
  models: Model[]
  vendors: VendorDoc[]
  providers: ProviderDoc[]
}
