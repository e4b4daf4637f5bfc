/**
 * Key order for written files: the order the zod schemas declare their fields in, so every file
 * reads the same way (name, vendor, status, dates, …, endpoints, locked). Unknown keys go last.
 */
import {
  capabilitiesSchema,
  endpointSchema,
  modelSchema,
  parameterSchema,
  pricePeriodSchema,
  priceTierSchema,
  pricingSchema,
  providerSchema,
  vendorSchema,
} from '@/lib/catalog/schema'

type Obj = Record<string, unknown>

const keysOf = (schema: { shape: Record<string, unknown> }) => Object.keys(schema.shape)

export const MODEL_KEYS = keysOf(modelSchema)
const ENDPOINT_KEYS = keysOf(endpointSchema)
const PRICING_KEYS = keysOf(pricingSchema)
const TIER_KEYS = keysOf(priceTierSchema)
const PERIOD_KEYS = keysOf(pricePeriodSchema)
const CAPABILITY_KEYS = keysOf(capabilitiesSchema)
const PARAMETER_KEYS = keysOf(parameterSchema)
export const PROVIDER_KEYS = keysOf(providerSchema)
export const VENDOR_KEYS = keysOf(vendorSchema)

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

export function orderKeys<T extends Obj>(o: T, keys: readonly string[]): T {
  const out: Obj = {}
  for (const k of keys) if (o[k] !== undefined) out[k] = o[k]
  for (const k of Object.keys(o)) if (!(k in out) && o[k] !== undefined) out[k] = o[k]
  return out as T
}

export function orderPricing<T extends Obj>(p: T): T {
  const out = orderKeys(p, PRICING_KEYS) as Obj
  if (Array.isArray(out.tiers)) out.tiers = out.tiers.map((t) => (isObj(t) ? orderKeys(t, TIER_KEYS) : t))
  return out as T
}

/** A price period: `from`, `to`, then the pricing fields in pricing order. */
export function orderPeriod<T extends Obj>(p: T): T {
  const out = orderKeys(p, PERIOD_KEYS) as Obj
  if (Array.isArray(out.tiers)) out.tiers = out.tiers.map((t) => (isObj(t) ? orderKeys(t, TIER_KEYS) : t))
  return out as T
}

export function orderEndpoint<T extends Obj>(e: T): T {
  const out = orderKeys(e, ENDPOINT_KEYS) as Obj
  if (isObj(out.pricing)) out.pricing = orderPricing(out.pricing)
  if (Array.isArray(out.history)) out.history = out.history.map((p) => (isObj(p) ? orderPeriod(p) : p))
  return out as T
}

/** A model file's data with every level in schema order. */
export function orderModel<T extends Obj>(m: T): T {
  const out = orderKeys(m, MODEL_KEYS) as Obj
  if (isObj(out.modalities)) out.modalities = orderKeys(out.modalities, ['input', 'output'])
  if (isObj(out.capabilities)) out.capabilities = orderKeys(out.capabilities, CAPABILITY_KEYS)
  if (Array.isArray(out.parameters))
    out.parameters = out.parameters.map((p) => (isObj(p) ? orderKeys(p, PARAMETER_KEYS) : p))
  if (Array.isArray(out.endpoints)) out.endpoints = out.endpoints.map((e) => (isObj(e) ? orderEndpoint(e) : e))
  return out as T
}
