/** A provider file for a provider that has none yet, from its models.dev rows. Pure. */
import type { ProviderFile } from '@/lib/catalog/schema'
import { providerSchema } from '@/lib/catalog/schema'

import type { ModelsDevRow } from '../../input'
import type { ProviderSeed } from '../../types'

/**
 * Provider websites where the docs/API host is not the provider's site (a docs portal, a
 * console, a shared Microsoft/Cloudflare docs domain). Everything else: see providerFromRows.
 */
const WEBSITE_OVERRIDES: Readonly<Record<string, string>> = {
  azure: 'https://azure.microsoft.com',
  'azure-cognitive-services': 'https://azure.microsoft.com',
  'cloudflare-ai-gateway': 'https://www.cloudflare.com',
  'cloudflare-workers-ai': 'https://www.cloudflare.com',
  cerebras: 'https://www.cerebras.ai',
  deepseek: 'https://www.deepseek.com',
  groq: 'https://groq.com',
  minimax: 'https://www.minimax.io',
  moonshotai: 'https://www.moonshot.ai',
  'moonshotai-cn': 'https://www.moonshot.cn',
  nvidia: 'https://build.nvidia.com',
  poe: 'https://poe.com',
  sakana: 'https://sakana.ai',
  stepfun: 'https://www.stepfun.com',
  vercel: 'https://vercel.com',
  vultr: 'https://www.vultr.com',
  zhipuai: 'https://open.bigmodel.cn',
}

function httpsUrl(s: string | null | undefined): string | undefined {
  if (!s || s.includes('${')) return undefined
  try {
    const u = new URL(s)
    return u.protocol === 'https:' ? s : undefined
  } catch {
    return undefined
  }
}

/** The origin of a URL, with a leading `docs.`/`doc.` label dropped (docs.x.ai → x.ai). */
function siteOf(url: string | undefined): string | undefined {
  if (!url) return undefined
  const host = new URL(url).host
  const bare = host.replace(/^docs?\./, '')
  return `https://${bare.split('.').length >= 2 ? bare : host}`
}

/** An OpenAI-compatible base URL, or undefined (templated, not https, Anthropic-style). */
function baseUrlOf(api: string | null | undefined): string | undefined {
  const url = httpsUrl(api)
  if (!url || /\/anthropic(\/|$)/.test(url)) return undefined
  return url.replace(/\/chat\/completions\/?$/, '').replace(/\/+$/, '')
}

/** The most frequent defined value (ties: the first seen). */
function mostCommon(values: Array<string | undefined>): string | undefined {
  const counts = new Map<string, number>()
  for (const v of values) if (v !== undefined) counts.set(v, (counts.get(v) ?? 0) + 1)
  let best: string | undefined
  for (const [v, n] of counts) if (best === undefined || n > counts.get(best)!) best = v
  return best
}

/**
 * A provider file from a provider's models.dev rows (per-row values vary; the most common usable
 * one wins): name from providerName; baseUrl from providerApi unless it is templated (`${…}`),
 * not https, or an Anthropic-style endpoint (the schema's baseUrl is OpenAI-compatible); docs
 * from providerDoc; website = WEBSITE_OVERRIDES, else the origin of the docs URL, else of the
 * API URL.
 */
export function providerFromRows(provider: string, rows: ModelsDevRow[]): ProviderSeed {
  const docs = mostCommon(rows.map((r) => httpsUrl(r.providerDoc)))
  const baseUrl = mostCommon(rows.map((r) => baseUrlOf(r.providerApi)))
  const name = mostCommon(rows.map((r) => r.providerName?.trim() || undefined)) ?? provider
  const website = WEBSITE_OVERRIDES[provider] ?? siteOf(docs) ?? siteOf(baseUrl)
  if (!website) return { problem: 'no https docs or API URL to take a website from' }
  const file: ProviderFile = { name, website }
  if (docs) file.docs = docs
  if (baseUrl) file.baseUrl = baseUrl
  const checked = providerSchema.safeParse(file)
  if (!checked.success)
    return { problem: checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') }
  return { file }
}
