import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { getProvider, getProviderEndpoints, getProviders } from '@/lib/catalog'
import { envPrefix } from '@/lib/env'
import { absoluteUrl } from '@/lib/site'
import { toEndpointRow } from '@/lib/table/endpoints'
import { plural } from '@/lib/utils'
import { EndpointRowsTableIsland } from '@/components/model/endpoint-rows-table-island'

export const dynamicParams = false

type Props = { params: Promise<{ provider: string }> }

export function generateStaticParams() {
  return getProviders().map((p) => ({ provider: p.id }))
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const provider = getProvider((await params).provider)
  if (!provider) return {}
  const url = absoluteUrl(`/providers/${provider.id}`)
  const description =
    provider.description ?? `Models served by ${provider.name}, with context limits and prices per 1M tokens.`
  return {
    title: `${provider.name}: models and prices`,
    description,
    alternates: { canonical: url },
    openGraph: { url, title: provider.name, description },
  }
}

export default async function ProviderPage({ params }: Props) {
  const provider = getProvider((await params).provider)
  if (!provider) notFound()
  const rows = getProviderEndpoints(provider.id)
  const envName = envPrefix(provider.id)
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <p className="text-sm text-muted-foreground">Provider</p>
        <h1 className="text-3xl font-bold tracking-tight">{provider.name}</h1>
        {provider.description ? <p className="max-w-3xl">{provider.description}</p> : null}
        <dl className="grid max-w-3xl gap-x-6 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
          <dt className="text-muted-foreground">Website</dt>
          <dd>
            <a href={provider.website} className="text-accent hover:underline" rel="noopener">
              {provider.website}
            </a>
          </dd>
          {provider.docs ? (
            <>
              <dt className="text-muted-foreground">Docs</dt>
              <dd>
                <a href={provider.docs} className="text-accent hover:underline" rel="noopener">
                  {provider.docs}
                </a>
              </dd>
            </>
          ) : null}
          <dt className="text-muted-foreground">OpenAI-compatible base URL</dt>
          <dd>{provider.baseUrl ? <code>{provider.baseUrl}</code> : 'none listed'}</dd>
          <dt className="text-muted-foreground">Key for this site&apos;s proxy</dt>
          <dd>
            <code>{envName}_API_KEY</code>
          </dd>
        </dl>
      </header>
      <section aria-labelledby="endpoints-title">
        <h2 id="endpoints-title" className="mb-3 text-xl font-semibold">
          {plural(rows.length, 'model')} served
        </h2>
        <EndpointRowsTableIsland
          rows={rows.map(({ model, endpoint }) => toEndpointRow(endpoint, model))}
          columns={['model', 'modelId', 'context', 'maxOutput', 'input', 'output', 'cacheRead']}
          rowKey="model"
          caption={`Models ${provider.name} serves. Prices in USD per 1M tokens, limits in tokens.`}
        />
      </section>
    </div>
  )
}
