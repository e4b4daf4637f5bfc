/**
 * Rows and columns of the endpoint tables (a model's providers; a provider's models): one offer
 * of one model by one provider. Same column titles, units and sort policy as the index
 * (columns.ts). Pure.
 */

import { offerLabel } from '@/lib/catalog/offers'
import type { EndpointView, Model } from '@/lib/catalog/types'
import type { Status } from '@/lib/catalog/vocab'

import type { SortValue } from './columns'

export interface EndpointRow {
  /** Provider id. */
  provider: string
  providerName: string
  /** Model id (`vendor/model`); absent in a single model's providers table. */
  model?: string
  modelName?: string
  vendorName?: string
  /** The provider's own id for the model. */
  modelId: string
  context: number
  maxOutput?: number
  input: number
  output: number
  cacheRead?: number
  cacheWrite?: number
  reasoning?: number
  status: Status
  /**
   * What the price is when it is not a list price ("Trial", "Promotional", …; lib/catalog/offers.ts),
   * or "Retired <day>" for an endpoint the provider no longer offers.
   */
  offer?: string
  /** The model's cheapest endpoint that prices it (lib/catalog/offers.ts `pricesModel`). */
  cheapest: boolean
  /** Measured through this site over the last 24 hours (lib/store/performance.ts): time to first token p50, ms. */
  ttft?: number
  /** Output tokens per second after the first token, p50. */
  throughput?: number
  /** Share (0–1) of attempts that did not fail on the provider's side. */
  uptime?: number
}

/** What the usage store measured of an endpoint, when it did. */
export type EndpointMeasures = Pick<EndpointRow, 'ttft' | 'throughput' | 'uptime'>

/** One endpoint row; `model` only where rows are of several models (a provider's page). */
export function toEndpointRow(
  e: EndpointView,
  model?: Pick<Model, 'id' | 'name' | 'vendorName'>,
  measured?: EndpointMeasures,
): EndpointRow {
  const row: EndpointRow = {
    provider: e.provider,
    providerName: e.providerName,
    model: model?.id,
    modelName: model?.name,
    vendorName: model?.vendorName,
    modelId: e.modelId,
    context: e.contextWindow,
    maxOutput: e.maxOutputTokens,
    input: e.pricing.input,
    output: e.pricing.output,
    cacheRead: e.pricing.cacheRead,
    cacheWrite: e.pricing.cacheWrite,
    reasoning: e.pricing.reasoning,
    status: e.status,
    offer: e.retirementDate ? `Retired ${e.retirementDate}` : offerLabel(e),
    cheapest: e.cheapest,
    ...measured,
  }
  for (const k of Object.keys(row) as (keyof EndpointRow)[]) if (row[k] === undefined) delete row[k]
  return row
}

export const ENDPOINT_COLUMN_IDS = [
  'provider',
  'model',
  'modelId',
  'context',
  'maxOutput',
  'input',
  'output',
  'cacheRead',
  'cacheWrite',
  'reasoning',
  'ttft',
  'throughput',
  'uptime',
] as const
export type EndpointColumnId = (typeof ENDPOINT_COLUMN_IDS)[number]

export interface EndpointColumnSpec {
  id: EndpointColumnId
  title: string
  description?: string
  value: (r: EndpointRow) => SortValue
  descFirst: boolean
  numeric: boolean
}

const PER_M = 'USD per 1M tokens'

export const ENDPOINT_COLUMNS: Record<EndpointColumnId, EndpointColumnSpec> = {
  provider: { id: 'provider', title: 'Provider', value: (r) => r.providerName, descFirst: false, numeric: false },
  model: { id: 'model', title: 'Model', value: (r) => r.modelName, descFirst: false, numeric: false },
  modelId: {
    id: 'modelId',
    title: 'Provider model id',
    description: 'The id to send in API requests to this provider',
    value: (r) => r.modelId,
    descFirst: false,
    numeric: false,
  },
  context: {
    id: 'context',
    title: 'Context',
    description: 'Context window, tokens',
    value: (r) => r.context,
    descFirst: true,
    numeric: true,
  },
  maxOutput: {
    id: 'maxOutput',
    title: 'Max output',
    description: 'Most output tokens in one reply',
    value: (r) => r.maxOutput,
    descFirst: true,
    numeric: true,
  },
  input: {
    id: 'input',
    title: 'Input',
    description: `Input price, ${PER_M}`,
    value: (r) => r.input,
    descFirst: false,
    numeric: true,
  },
  output: {
    id: 'output',
    title: 'Output',
    description: `Output price, ${PER_M}`,
    value: (r) => r.output,
    descFirst: false,
    numeric: true,
  },
  cacheRead: {
    id: 'cacheRead',
    title: 'Cache read',
    description: `Cached input price, ${PER_M}`,
    value: (r) => r.cacheRead,
    descFirst: false,
    numeric: true,
  },
  cacheWrite: {
    id: 'cacheWrite',
    title: 'Cache write',
    description: `Cache write price, ${PER_M}`,
    value: (r) => r.cacheWrite,
    descFirst: false,
    numeric: true,
  },
  reasoning: {
    id: 'reasoning',
    title: 'Reasoning',
    description: `Reasoning token price, ${PER_M}`,
    value: (r) => r.reasoning,
    descFirst: false,
    numeric: true,
  },
  ttft: {
    id: 'ttft',
    title: 'First token',
    description: 'Time to the first token, median over the last 24 hours of calls through this site, ms',
    value: (r) => r.ttft,
    descFirst: false,
    numeric: true,
  },
  throughput: {
    id: 'throughput',
    title: 'Throughput',
    description: 'Output tokens per second after the first token, median over the last 24 hours',
    value: (r) => r.throughput,
    descFirst: true,
    numeric: true,
  },
  uptime: {
    id: 'uptime',
    title: 'Uptime',
    description: "Share of attempts over the last 24 hours that did not fail on the provider's side",
    value: (r) => r.uptime,
    descFirst: true,
    numeric: true,
  },
}
