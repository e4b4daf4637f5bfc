import type { Metadata } from 'next'

import { getVendorModels, getVendors } from '@/lib/catalog'
import { absoluteUrl } from '@/lib/site'
import { plural } from '@/lib/utils'
import { Link } from '@/components/ui/link'

export const metadata: Metadata = {
  title: 'Vendors',
  description: 'The labs that make the models in the catalog.',
  alternates: { canonical: absoluteUrl('/vendors') },
}

export default function VendorsPage() {
  return (
    <div className="space-y-4">
      <h1 className="text-3xl font-bold tracking-tight">Vendors</h1>
      <ul className="grid gap-3 sm:grid-cols-2">
        {getVendors().map((v) => (
          <li key={v.id} className="rounded-lg border bg-card p-4">
            <h2 className="font-semibold">
              <Link href={`/vendors/${v.id}`} className="hover:underline">
                {v.name}
              </Link>
            </h2>
            <p className="text-sm text-muted-foreground">{v.description}</p>
            <p className="mt-1 text-xs">{plural(getVendorModels(v.id).length, 'model')}</p>
          </li>
        ))}
      </ul>
    </div>
  )
}
