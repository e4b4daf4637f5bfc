import type { Metadata } from 'next'
import { notFound, permanentRedirect } from 'next/navigation'

import {
  getAliasPaths,
  getAliasTarget,
  getModel,
  getModels,
  getPriceHistory,
  getSimilarModels,
  getVendorModels,
} from '@/lib/catalog'
import { modelFaq } from '@/lib/catalog/faq'
import { priceHistoryView } from '@/lib/catalog/price-history'
import { pricedEndpoints } from '@/lib/compare/selection'
import { readPerformance } from '@/lib/server/performance'
import { absoluteUrl, site } from '@/lib/site'
import { modelSnippetPanel } from '@/lib/snippets/panel-data'
import { providerColumns } from '@/lib/store/performance'
import { Link } from '@/components/ui/link'
import { Section } from '@/components/ui/section'
import { CostCalculatorIsland } from '@/components/calculator/cost-calculator-island'
import { CallerKeyNote } from '@/components/chat/caller-key-note'
import { TryItIsland } from '@/components/chat/try-it-island'
import { CapabilitiesList, Modalities } from '@/components/model/capabilities-list'
import { FaqSection } from '@/components/model/faq-section'
import { KeyNumbers } from '@/components/model/key-numbers'
import { ModelCard } from '@/components/model/model-card'
import { ModelHeader } from '@/components/model/model-header'
import { ParametersTable } from '@/components/model/parameters-table'
import { PerformanceSection } from '@/components/model/performance-section'
import { PriceHistorySection } from '@/components/model/price-history-section'
import { ProvidersTable } from '@/components/model/providers-table'
import { QuickStats } from '@/components/model/quick-stats'
import { SiblingList } from '@/components/model/sibling-list'
import { NoSnippet, SnippetSection } from '@/components/snippets/snippet-section'

export const dynamicParams = false
// The Performance section reads the usage store: a built page is regenerated in the background at
// most once a minute, on a visit (the build itself has no store and shows no traffic).
export const revalidate = 60

/**
 * Lines of the "Other models from <vendor>" list, newest first; a link below it leads to the
 * vendor page, which lists them all. Each row is in the page twice (HTML and RSC payload).
 */
const SIBLINGS_SHOWN = 6

const getNewestFirst = <T extends { releaseDate?: string; status: string }>(list: T[]) =>
  [...list].sort(
    (a, b) =>
      Number(a.status === 'deprecated') - Number(b.status === 'deprecated') ||
      (b.releaseDate ?? '').localeCompare(a.releaseDate ?? ''),
  )

type Props = { params: Promise<{ vendor: string; model: string }> }

const toParams = (id: string) => {
  const [vendor = '', model = ''] = id.split('/')
  return { vendor, model }
}

// Every model, plus every alias path (a merged dated snapshot such as
// anthropic/claude-haiku-4-5-20251001): those pages are a permanent redirect to the model's page,
// prerendered like the rest, so old links keep working. The sitemap lists only the models.
export function generateStaticParams() {
  return [...getModels().map((m) => toParams(m.id)), ...getAliasPaths().map((a) => toParams(a.path))]
}

async function load(params: Props['params']) {
  const { vendor, model } = await params
  return getModel(`${vendor}/${model}`)
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const model = await load(params)
  if (!model) return {} // an alias path: the page redirects
  const url = absoluteUrl(`/models/${model.id}`)
  const title = `${model.name} by ${model.vendorName}: pricing, context window and providers`
  return {
    title,
    description: model.summary,
    alternates: {
      canonical: url,
      types: { 'application/atom+xml': absoluteUrl(`/changes.xml?model=${model.id}`) },
    },
    openGraph: { title, description: model.summary, url, type: 'website' },
  }
}

export default async function ModelPage({ params }: Props) {
  const model = await load(params)
  if (!model) {
    const { vendor, model: name } = await params
    const target = getAliasTarget(`${vendor}/${name}`)
    // 308: the alias is another name of that model, for good.
    if (target) permanentRedirect(`/models/${target.id}`)
    notFound()
  }
  const similar = getSimilarModels(model)
  const snippets = await modelSnippetPanel(model)
  const siblings = getNewestFirst(getVendorModels(model.vendor).filter((m) => m.id !== model.id))
  const performance = await readPerformance(model.id, model.endpoints)
  const measured = performance.state === 'measured' ? performance.performance : undefined
  // Derived here, at build: the section gets what it shows, never the raw histories.
  const providerNames = new Map(model.endpoints.map((e) => [e.provider, e.providerName]))
  const history = priceHistoryView(getPriceHistory(model.id), (p) => providerNames.get(p) ?? p)

  return (
    <article>
      <ModelHeader model={model} />
      <KeyNumbers model={model} />

      <Section
        id="pricing"
        eager
        title="Pricing and providers"
        description="USD per 1M tokens; context and max output in tokens. Cheapest provider first."
      >
        <ProvidersTable
          endpoints={model.endpoints}
          modelName={model.name}
          measured={(provider) => providerColumns(measured, provider)}
        />
      </Section>

      <Section
        id="price-history"
        title="Price history"
        description={
          <>
            {'USD per 1M tokens, per provider, as the catalog recorded it. Follow its changes as an '}
            <a href={`/changes.xml?model=${model.id}`}>Atom feed</a>.
          </>
        }
      >
        <PriceHistorySection
          view={history}
          today={new Date().toISOString().slice(0, 10)}
          modelName={model.name}
          deprecationDate={model.deprecationDate}
          retirementDate={model.retirementDate}
        />
      </Section>

      <Section
        id="performance"
        title="Performance"
        description="Speed and uptime per provider, measured on calls through this site's proxy."
      >
        <PerformanceSection reading={performance} modelName={model.name} />
      </Section>

      <Section
        id="cost-example"
        title="What it costs"
        description="Your workload at the provider cheapest for it. It starts as a worked example: 1,000 requests a day of 1,000 input and 500 output tokens."
      >
        <CostCalculatorIsland modelId={model.id} modelName={model.name} endpoints={pricedEndpoints(model)} />
      </Section>

      <Section id="capabilities" title="Capabilities">
        <CapabilitiesList model={model} />
        <h3 className="mt-6 mb-3 font-semibold">Modalities</h3>
        <Modalities model={model} />
      </Section>

      <Section id="stats" title="Quick stats">
        <QuickStats model={model} />
      </Section>

      <Section
        id="parameters"
        title="Supported parameters"
        description="Request parameters the model accepts, with its default where it has one."
      >
        <ParametersTable model={model} />
      </Section>

      <Section
        id="code"
        title="Call it from your code"
        description={
          <>
            {"Through this site's OpenAI-compatible API. Any OpenAI SDK works with base URL "}
            <code>{`${site.url}/api/v1`}</code>. <CallerKeyNote />
          </>
        }
      >
        {snippets ? <SnippetSection panel={snippets} /> : <NoSnippet mode={model.mode} />}
      </Section>

      <Section
        id="try-it"
        title="Try it"
        description={
          <>
            Send a message through this site&apos;s proxy and watch the answer stream in, with the provider that served
            it, tokens and cost. <CallerKeyNote />
          </>
        }
      >
        <TryItIsland modelId={model.id} />
      </Section>

      <Section id="faq" title="Frequently asked questions">
        <FaqSection faq={modelFaq(model, site.url)} />
      </Section>

      {similar.length > 0 ? (
        <Section id="similar" title="Similar models">
          <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
            {similar.map((m) => (
              <ModelCard key={m.id} model={m} />
            ))}
          </div>
        </Section>
      ) : null}

      {siblings.length > 0 ? (
        <Section id="vendor-models" title={`Other models from ${model.vendorName}`}>
          {/* Capped: a full list on every page grows the build with the square of the catalog. */}
          <SiblingList models={siblings.slice(0, SIBLINGS_SHOWN)} />
          {siblings.length > SIBLINGS_SHOWN ? (
            <p className="mt-3 text-sm">
              <Link href={`/vendors/${model.vendor}`} className="text-accent hover:underline">
                {`All ${siblings.length + 1} models from ${model.vendorName} →`}
              </Link>
            </p>
          ) : null}
        </Section>
      ) : null}
    </article>
  )
}
