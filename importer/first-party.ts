/**
 * Which providers are a vendor's own API. models.dev takes a model's facts from the vendor's own
 * row first; LiteLLM's entries are compared with the model's first-party endpoint.
 */

/**
 * The vendor's own API, in order of preference, where its provider id differs from the vendor
 * id or it has several (a China region, a second brand). A provider id equal to the vendor id
 * always counts as first-party.
 */
export const FIRST_PARTY: Readonly<Record<string, readonly string[]>> = {
  alibaba: ['alibaba', 'alibaba-cn'],
  zhipuai: ['zhipuai', 'zai'],
  moonshotai: ['moonshotai', 'moonshotai-cn'],
  minimax: ['minimax', 'minimax-cn'],
  perplexity: ['perplexity', 'perplexity-agent'],
  stepfun: ['stepfun', 'stepfun-ai'],
  meta: ['llama'],
  tencent: ['tencent-tokenhub'],
}

export function firstPartyRank(vendor: string, provider: string): number {
  const list = FIRST_PARTY[vendor] ?? [vendor]
  const i = list.indexOf(provider)
  if (i >= 0) return i
  return provider === vendor ? 0 : -1
}
