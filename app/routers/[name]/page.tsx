import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { getModel, getRouter, getRouters } from '@/lib/catalog'
import { formatPrice } from '@/lib/pricing/format'
import { absoluteUrl, site } from '@/lib/site'
import { routerSnippetPanel } from '@/lib/snippets/panel-data'
import { Link } from '@/components/ui/link'
import { Section } from '@/components/ui/section'
import { CallerKeyNote } from '@/components/chat/caller-key-note'
import { VariantsTable } from '@/components/routers/variants-table'
import { SnippetSection } from '@/components/snippets/snippet-section'

export const dynamicParams = false

type Props = { params: Promise<{ name: string }> }

export function generateStaticParams() {
  return getRouters().map((r) => ({ name: r.slug }))
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const router = getRouter((await params).name)
  if (!router) return {}
  const url = absoluteUrl(`/routers/${router.slug}`)
  return {
    title: `${router.name} (router)`,
    description: router.description,
    alternates: { canonical: url },
    openGraph: { url, title: router.name, description: router.description },
  }
}

export default async function RouterPage({ params }: Props) {
  const router = getRouter((await params).name)
  if (!router) notFound()
  const snippets = await routerSnippetPanel(router)
  return (
    <article className="space-y-2">
      <header className="space-y-3">
        <nav aria-label="Breadcrumb" className="text-sm text-muted-foreground">
          <Link href="/routers" className="hover:underline">
            Routers
          </Link>{' '}
          / <span aria-current="page">{router.name}</span>
        </nav>
        <h1 className="text-3xl font-bold tracking-tight">{router.name}</h1>
        <p className="flex flex-wrap items-center gap-2 text-sm">
          <span className="text-muted-foreground">Call it as</span>{' '}
          <code className="rounded-md bg-muted px-2 py-1">{router.id}</code>
        </p>
        <p className="max-w-3xl">{router.description}</p>
      </header>

      <section aria-labelledby="blended-title" className="py-4">
        <h2 id="blended-title" className="sr-only">
          Expected price
        </h2>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
          <div className="rounded-lg border bg-card p-4">
            <dt className="text-xs font-medium text-muted-foreground uppercase">Expected input</dt>
            <dd className="mt-1 text-2xl font-semibold tabular-nums" data-testid="blended-input">
              {formatPrice(router.blended?.input)}
            </dd>
            <dd className="text-xs text-muted-foreground">per 1M tokens, weighted</dd>
          </div>
          <div className="rounded-lg border bg-card p-4">
            <dt className="text-xs font-medium text-muted-foreground uppercase">Expected output</dt>
            <dd className="mt-1 text-2xl font-semibold tabular-nums" data-testid="blended-output">
              {formatPrice(router.blended?.output)}
            </dd>
            <dd className="text-xs text-muted-foreground">per 1M tokens, weighted</dd>
          </div>
          <div className="rounded-lg border bg-card p-4">
            <dt className="text-xs font-medium text-muted-foreground uppercase">Input range</dt>
            <dd className="mt-1 text-lg font-semibold tabular-nums">
              {router.range ? `${formatPrice(router.range.input[0])} – ${formatPrice(router.range.input[1])}` : '—'}
            </dd>
          </div>
          <div className="rounded-lg border bg-card p-4">
            <dt className="text-xs font-medium text-muted-foreground uppercase">Variants</dt>
            <dd className="mt-1 text-2xl font-semibold tabular-nums">{router.variants.length}</dd>
          </div>
        </dl>
      </section>

      <Section
        id="variants"
        eager
        title="Variants"
        description="Each call picks one variant at random by weight; prices are each model's cheapest provider, USD per 1M tokens."
      >
        <VariantsTable router={router} />
      </Section>

      <Section
        id="fallbacks"
        title="Fallback order"
        description="If the chosen variant's providers all fail before answering, these are tried in order (the chosen one is skipped)."
      >
        <ol className="list-decimal space-y-1 pl-6 text-sm">
          {router.fallbackOrder.map((m) => (
            <li key={m}>
              <Link href={`/models/${m}`} className="hover:underline">
                {getModel(m)?.name ?? m}
              </Link>{' '}
              <code className="text-xs text-muted-foreground">{m}</code>
            </li>
          ))}
        </ol>
      </Section>

      <Section
        id="code"
        title="Call it from your code"
        description={
          <>
            Use the router&apos;s id as the model. Any OpenAI SDK works with base URL <code>{site.url}/api/v1</code>.{' '}
            <CallerKeyNote />
          </>
        }
      >
        <SnippetSection panel={snippets} />
      </Section>
    </article>
  )
}
