/** Types shared by the importer's pure modules. */
import type { Capabilities, Endpoint, Modality, Mode, Parameter, ProviderFile, Status } from '@/lib/catalog/schema'

import type { ImportReport } from './report'

/** Model-level facts one source offers. Everything optional: each source knows different things. */
export interface ModelFacts {
  name?: string
  status?: Status
  releaseDate?: string
  /** The source knew the release month only; releaseDate is its first day. */
  releaseDateApprox?: boolean
  knowledgeCutoff?: string
  family?: string
  aliases?: string[]
  mode?: Mode
  modalities?: { input: Modality[]; output: Modality[] }
  capabilities?: Partial<Capabilities>
  tokenizer?: string
  moderated?: boolean
  openWeights?: boolean
  contextWindow?: number
  maxOutputTokens?: number
  parameters?: Parameter[]
}

/** One model as a source describes it, with its endpoints on that source's providers. */
export interface ModelCandidate {
  /** Our id, `vendor/model`, already made URL-safe. */
  id: string
  vendor: string
  /** The id as the source spells it, for the report. */
  sourceId: string
  facts: ModelFacts
  endpoints: Endpoint[]
}

/** How to create a provider file if it does not exist yet. */
export type ProviderSeed = { file: ProviderFile; problem?: undefined } | { file?: undefined; problem: string }

/** Records a skipped input (or an ignored field) under a reason; examples are counted. */
export type Tally = (reason: string, example: string) => void

/** The content directory's files, as text. Paths are relative to the content dir. */
export interface ContentSnapshot {
  /** `vendor/model` → its YAML (and prose, when the .mdx exists). */
  models: Map<string, { yaml?: string; mdx?: string }>
  /** Vendor id → YAML text. */
  vendors: Map<string, string>
  /** Provider id → YAML text. */
  providers: Map<string, string>
  /** content/fact-overrides.yaml, when there is one (importer/overrides.ts). */
  overrides?: string
}

export interface FileWrite {
  /** Relative to the content directory, `/`-separated. */
  path: string
  content: string
  kind: 'new' | 'update'
}

export interface ImportResult {
  writes: FileWrite[]
  report: ImportReport
}
