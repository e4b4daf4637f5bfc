import type { MetadataRoute } from 'next'

import { getModels, getProviders, getRouters, getVendors } from '@/lib/catalog'
import { absoluteUrl } from '@/lib/site'

export default function sitemap(): MetadataRoute.Sitemap {
  return [
    { url: absoluteUrl('/'), priority: 1 },
    { url: absoluteUrl('/models'), priority: 0.9 },
    { url: absoluteUrl('/vendors') },
    { url: absoluteUrl('/providers') },
    ...getModels().map((m) => ({ url: absoluteUrl(`/models/${m.id}`), priority: 0.8 })),
    ...getVendors().map((v) => ({ url: absoluteUrl(`/vendors/${v.id}`) })),
    ...getProviders().map((p) => ({ url: absoluteUrl(`/providers/${p.id}`) })),
    { url: absoluteUrl('/routers') },
    ...getRouters().map((r) => ({ url: absoluteUrl(`/routers/${r.slug}`) })),
  ]
}
