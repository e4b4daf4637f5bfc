import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { getVendor, getVendorModels, getVendors } from '@/lib/catalog'
import { absoluteUrl } from '@/lib/site'
import { plural } from '@/lib/utils'
import { ModelsTable } from '@/components/model/models-table'

export const dynamicParams = false

type Props = { params: Promise<{ vendor: string }> }

export function generateStaticParams() {
  return getVendors().map((v) => ({ vendor: v.id }))
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const vendor = getVendor((await params).vendor)
  if (!vendor) return {}
  const url = absoluteUrl(`/vendors/${vendor.id}`)
  return {
    title: `${vendor.name} models and prices`,
    description: vendor.description,
    alternates: { canonical: url },
    openGraph: { url, title: `${vendor.name} models`, description: vendor.description },
  }
}

export default async function VendorPage({ params }: Props) {
  const vendor = getVendor((await params).vendor)
  if (!vendor) notFound()
  const models = getVendorModels(vendor.id)
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <p className="text-sm text-muted-foreground">Vendor</p>
        <h1 className="text-3xl font-bold tracking-tight">{vendor.name}</h1>
        <p className="max-w-3xl">{vendor.description}</p>
        <p className="text-sm">
          <a href={vendor.website} className="text-accent hover:underline" rel="noopener">
            {vendor.website.replace(/^https?:\/\//, '')}
          </a>
        </p>
      </header>
      <section aria-labelledby="models-title">
        <h2 id="models-title" className="mb-3 text-xl font-semibold">
          {plural(models.length, 'model')}
        </h2>
        <ModelsTable
          models={models}
          caption={`Models from ${vendor.name}. Prices in USD per 1M tokens at the cheapest provider.`}
        />
      </section>
    </div>
  )
}
