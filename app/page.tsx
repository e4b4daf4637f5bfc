import type { Metadata } from 'next'

import {
  getModel,
  getModelList,
  getModels,
  getNewestModels,
  getProviders,
  getVendorModels,
  getVendors,
} from '@/lib/catalog'
import { compareHref } from '@/lib/compare/url'
import { DEFAULT_WORKLOAD } from '@/lib/compare/workload'
import { readPopularModels } from '@/lib/server/performance'
import { absoluteUrl, site } from '@/lib/site'
import { plural } from '@/lib/utils'
import { Link } from '@/components/ui/link'
import { SearchForm } from '@/components/layout/search-form'
import { ModelCard } from '@/components/model/model-card'

export const metadata: Metadata = {
  alternates: { canonical: absoluteUrl('/') },
  openGraph: { url: absoluteUrl('/'), title: site.name, description: site.description },
}

// "Most used" reads the usage store: the built page is regenerated at most once a minute, on a visit.
export const revalidate = 60

export default async function HomePage() {
  const models = getModels()
  const newest = getNewestModels(6)
  const vendors = getVendors()
  const endpoints = models.reduce((n, m) => n + m.endpoints.length, 0)
  // Picked by people in content/lists/featured.yaml; a catalog without the file has no such section.
  const featured = getModelList('featured')
  // What callers of this site's proxy used over the last 7 days (none in the build itself).
  const popular = (await readPopularModels(12))
    .flatMap((p) => {
      const model = getModel(p.model)
      return model ? [{ model, requests: p.requests }] : []
    })
    .slice(0, 6)
  return (
    <div className="space-y-12">
      <section aria-labelledby="hero-title" className="space-y-4">
        <h1 id="hero-title" className="text-4xl font-bold tracking-tight">
          Choose, price and call any large language model
        </h1>
        <p className="max-w-2xl text-lg text-muted-foreground">{site.description}</p>
        <p className="text-sm text-muted-foreground">
          {plural(models.length, 'model')} · {plural(vendors.length, 'vendor')} ·{' '}
          {plural(getProviders().length, 'provider')} · {plural(endpoints, 'priced endpoint')}
        </p>
        <SearchForm id="home-search" placeholder="Search models, e.g. gpt-4o mini" className="max-w-xl" />
      </section>

      {featured ? (
        <section aria-labelledby="featured-title" data-testid="featured">
          <h2 id="featured-title" className="text-2xl font-semibold">
            {featured.title}
          </h2>
          {featured.description ? <p className="mt-1 text-muted-foreground">{featured.description}</p> : null}
          <div className="mt-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
            {featured.entries.map((e) => (
              <ModelCard key={e.model.id} model={e.model} note={e.note} />
            ))}
          </div>
          {featured.entries.length >= 3 ? (
            <p className="mt-4">
              <Link
                href={compareHref({
                  ids: featured.entries.slice(0, 3).map((e) => e.model.id),
                  workload: DEFAULT_WORKLOAD,
                  differencesOnly: false,
                })}
                className="text-accent hover:underline"
              >
                Compare the first three side by side →
              </Link>
            </p>
          ) : null}
        </section>
      ) : null}

      {popular.length > 0 ? (
        <section aria-labelledby="popular-title" data-testid="most-used">
          <h2 id="popular-title" className="text-2xl font-semibold">
            Most used here
          </h2>
          <p className="mt-1 text-muted-foreground">Successful calls through this site&apos;s proxy, last 7 days.</p>
          <div className="mt-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
            {popular.map((p) => (
              <ModelCard key={p.model.id} model={p.model} note={`${plural(p.requests, 'call')} in the last 7 days`} />
            ))}
          </div>
        </section>
      ) : null}

      <section aria-labelledby="newest-title">
        <h2 id="newest-title" className="mb-4 text-2xl font-semibold">
          Newest models
        </h2>
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {newest.map((m) => (
            <ModelCard key={m.id} model={m} />
          ))}
        </div>
        <p className="mt-4">
          <Link href="/models" className="text-accent hover:underline">
            All {plural(models.length, 'model')} →
          </Link>
        </p>
      </section>

      <section aria-labelledby="vendors-title">
        <h2 id="vendors-title" className="mb-4 text-2xl font-semibold">
          Vendors
        </h2>
        <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          {vendors.map((v) => (
            <li key={v.id}>
              <Link href={`/vendors/${v.id}`} className="block rounded-lg border bg-card p-3 hover:bg-muted">
                <span className="font-medium">{v.name}</span>
                <span className="block text-xs text-muted-foreground">
                  {plural(getVendorModels(v.id).length, 'model')}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </div>
  )
}
