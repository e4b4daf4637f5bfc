/**
 * Which endpoints are not list prices (the endpoint's `offer`, lib/catalog/schema.ts OFFERS). Pure.
 *
 * - trial: a provider whose API is an evaluation tier (TRIAL_PROVIDERS);
 * - converted: a points- or credits-based reseller (CONVERTED_PROVIDERS);
 * - local: a runtime on your own machine (LOCAL_PROVIDERS);
 * - promotional: a `:free` / `-free` variant id, or a $0 input and output price on any other
 *   provider (a launch promotion or a free tier of a paid service: the import cannot tell it from
 *   a list price, so it never prices the model; a real free model keeps its page and its $0).
 */
import type { Endpoint, Offer } from '@/lib/catalog/schema'

/** Evaluation APIs: free credits or rate caps, not production prices. */
export const TRIAL_PROVIDERS: ReadonlySet<string> = new Set([
  // build.nvidia.com: NIM endpoints free to try with credits and rate limits.
  'nvidia',
  // Meta's Llama API: a free preview.
  'llama',
])

/**
 * Resellers that sell in points or credits: their USD prices are conversions. Poe: compute
 * points. Qihang: credits bought at one yuan per dollar of list price, so every price it lists is
 * about 1/7 of the vendor's (Claude Haiku 4.5 at $0.14/$0.71 against Anthropic's $1/$5).
 */
export const CONVERTED_PROVIDERS: ReadonlySet<string> = new Set(['poe', 'qihang-ai'])

/** Local runtimes listed as providers: the model runs on your machine. */
export const LOCAL_PROVIDERS: ReadonlySet<string> = new Set(['lmstudio', 'atomic-chat', 'ollama'])

export function offerOf(e: Pick<Endpoint, 'provider' | 'modelId' | 'pricing'>): Offer | undefined {
  if (TRIAL_PROVIDERS.has(e.provider)) return 'trial'
  if (LOCAL_PROVIDERS.has(e.provider)) return 'local'
  if (CONVERTED_PROVIDERS.has(e.provider)) return 'converted'
  if (/(:|-)free$/i.test(e.modelId)) return 'promotional'
  if (e.pricing.input === 0 && e.pricing.output === 0) return 'promotional'
  return undefined
}

/** The endpoint with its `offer` set (or removed) by offerOf. */
export function withOffer<E extends Endpoint>(e: E): E {
  const offer = offerOf(e)
  const { offer: _old, ...rest } = e
  return (offer ? { ...rest, offer } : rest) as E
}
