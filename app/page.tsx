import type { Metadata } from 'next'

import { getModels, getNewestModels, getProviders, getVendorModels, getVendors } from '@/lib/catalog'
import { absoluteUrl, site } from '@/lib/site'
import { Link } from '@/components/ui/link'
import { SearchForm } from '@/components/layout/search-form'
import { ModelCard } from '@/components/model/model-card'

export const metadata: Metadata = {
  alternates: { canonical: absoluteUrl('/') },
  openGraph: { url: absoluteUrl('/'), title: site.name, description: site.description },
}

export default function HomePage() {
  const models = getModels()
  const newest = getNewestModels(6)
  const vendors = getVendors()
  const endpoints = models.reduce((n, m) => n + m.endpoints.length, 0)
  return (
    <div className="space-y-12">
      <section aria-labelledby="hero-title" className="space-y-4">
        <h1 id="hero-title" className="text-4xl font-bold tracking-tight">
          Choose, price and call any large language model
        </h1>
        <p className="max-w-2xl text-lg text-muted-foreground">{site.description}</p>
        <p className="text-sm text-muted-foreground">
          {models.length} models · {vendors.length} vendors · {getProviders().length} providers · {endpoints} priced
          endpoints
        </p>
        <SearchForm id="home-search" placeholder="Search models, e.g. gpt-4o mini" className="max-w-xl" />
      </section>

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
            All {models.length} models →
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
                <span className="block text-xs text-muted-foreground">{getVendorModels(v.id).length} models</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </div>
  )
}
