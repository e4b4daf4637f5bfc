/**
 * The curl command for the site's proxy with nothing but a message: the one-liner other pages
 * show (routers). The model page uses the full generator (index.ts).
 */
import { generateSnippet } from './index'
import { proxyTarget } from './input'

export { shellQuote } from './escape'

export interface CurlInput {
  /** Absolute origin of the site, e.g. https://example.com */
  siteUrl: string
  /** What the proxy takes: a model id (`openai/gpt-4o-mini`) or a router (`router/<name>`). */
  modelId: string
  message: string
}

/** No parameters known, so no options: just the model and the message. */
const PLAIN_MODEL = {
  capabilities: { tools: false, vision: false, reasoning: false, structuredOutputs: false, streaming: false },
  parameters: [],
}

export function curlSnippet({ siteUrl, modelId, message }: CurlInput): string {
  return generateSnippet(
    { model: { id: modelId, ...PLAIN_MODEL }, target: proxyTarget(siteUrl, modelId), message },
    'curl',
  )
}
