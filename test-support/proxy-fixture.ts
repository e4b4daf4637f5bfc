/**
 * The proxy's unit-test fixture: a small catalog (two priced providers, a provider without a
 * key, a router), its dependencies pointed at a mock upstream, and request builders. Shared by
 * the handler's test files.
 */
import { buildCatalog } from '@/lib/catalog/derive'
import { parseEnv } from '@/lib/env'
import type { ProxyDeps } from '@/lib/proxy/handler'
import { FlexibleKeyLimiter } from '@/lib/proxy/key-limits'
import { buildRoutingTable } from '@/lib/proxy/routing'
import { modelDoc, proseDoc, providerDoc, vendorDoc } from '@/test-support/catalog-fixtures'
import type { MockUpstream } from '@/test-support/mock-upstream'

export const KEY = 'caller-key-1'
export const UPSTREAM_KEYS = { cheap: 'sk-cheap-SECRET', dear: 'sk-dear-SECRET' }

export const hello = { model: 'openai/gpt-4o-mini', messages: [{ role: 'user', content: 'Hello' }] }

export function catalog() {
  const ep = (provider: string, input: number, output: number, extra = {}) => ({
    provider,
    modelId: `${provider}-mini`,
    contextWindow: 128000,
    maxOutputTokens: 16384,
    status: 'available' as const,
    pricing: { input, output, cacheRead: input / 2 },
    ...extra,
  })
  return buildCatalog({
    models: [
      modelDoc('openai/gpt-4o-mini', {
        aliases: ['gpt-4o-mini-2024-07-18'],
        maxOutputTokens: 16384,
        parameters: [
          'max_tokens',
          'temperature',
          'top_p',
          'stop',
          'seed',
          'tools',
          'tool_choice',
          'response_format',
        ].map((name) => ({ name })),
        endpoints: [ep('cheap', 0.15, 0.6), ep('dear', 0.3, 1.2), ep('nokey', 0.01, 0.01)],
      }),
      modelDoc('acme/mini', { endpoints: [ep('cheap', 1, 1)] }),
      modelDoc('other/mini', { endpoints: [ep('cheap', 1, 1)] }),
      modelDoc('acme/big', { endpoints: [ep('dear', 2, 4)] }),
    ],
    routers: [
      {
        id: 'router/ab',
        slug: 'ab',
        file: 'content/routers/ab.yaml',
        name: 'AB',
        description: 'x',
        variants: [
          { model: 'acme/mini', weight: 1, defaults: { temperature: 0.3 } },
          { model: 'acme/big', weight: 3 },
        ],
      },
    ],
    vendors: [vendorDoc('openai'), vendorDoc('acme'), vendorDoc('other')],
    providers: [providerDoc('cheap'), providerDoc('dear'), providerDoc('nokey')],
    prose: ['openai/gpt-4o-mini', 'acme/mini', 'other/mini', 'acme/big'].map((id) => proseDoc(id)),
  })
}

export function testDeps(
  mock: MockUpstream,
  logs: Record<string, unknown>[],
  env: Record<string, string | undefined> = {},
  random?: () => number,
): ProxyDeps {
  const cat = catalog()
  const parsed = parseEnv({
    CHAT_PROXY_KEYS: `${KEY},other-key`,
    CHEAP_API_KEY: UPSTREAM_KEYS.cheap,
    CHEAP_BASE_URL: mock.baseUrl('cheap'),
    DEAR_API_KEY: UPSTREAM_KEYS.dear,
    DEAR_BASE_URL: mock.baseUrl('dear'),
    CHAT_PROXY_FIRST_BYTE_TIMEOUT_MS: '500',
    CHAT_PROXY_IDLE_TIMEOUT_MS: '500',
    ...env,
  })
  return {
    env: parsed,
    table: buildRoutingTable(cat.models, cat.providers, cat.routers),
    random,
    limiter: new FlexibleKeyLimiter(),
    log: (l) => logs.push(l),
    sleep: (ms) => new Promise((r) => setTimeout(r, Math.min(ms, 50))),
  }
}

export function chat(body: unknown, init: { key?: string | null; signal?: AbortSignal; raw?: string } = {}) {
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  if (init.key !== null) headers.authorization = `Bearer ${init.key ?? KEY}`
  return new Request('http://site.test/api/v1/chat/completions', {
    method: 'POST',
    headers,
    body: init.raw ?? JSON.stringify(body),
    signal: init.signal,
  })
}
