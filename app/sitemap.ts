import type { MetadataRoute } from 'next'

import { getModels, getProviderEndpoints, getProviders, getRouters, getVendorModels, getVendors } from '@/lib/catalog'
import { newestOf } from '@/lib/catalog/lastmod'
import { contentDates } from '@/lib/server/content-dates'
import { absoluteUrl } from '@/lib/site'

/**
 * Every page, with `lastmod` where the content it is built from has a date (the newest commit of
 * its files, see lib/server/content-dates.ts): a model page from its facts and prose, a vendor or
 * provider page from its own file and its models', the lists from the whole catalog.
 */
export default function sitemap(): MetadataRoute.Sitemap {
  const dates = contentDates()
  const models = getModels()
  const filesOf = (m: (typeof models)[number]) => [m.file, m.prose.file]
  const at = (files: Iterable<string>) => {
    const d = newestOf(dates, files)
    return d ? { lastModified: d } : {}
  }
  const everything = at(dates.keys())
  return [
    { url: absoluteUrl('/'), priority: 1, ...everything },
    { url: absoluteUrl('/models'), priority: 0.9, ...everything },
    { url: absoluteUrl('/vendors'), ...at(getVendors().map((v) => `content/vendors/${v.id}.yaml`)) },
    { url: absoluteUrl('/providers'), ...at(getProviders().map((p) => `content/providers/${p.id}.yaml`)) },
    ...models.map((m) => ({ url: absoluteUrl(`/models/${m.id}`), priority: 0.8, ...at(filesOf(m)) })),
    ...getVendors().map((v) => ({
      url: absoluteUrl(`/vendors/${v.id}`),
      ...at([`content/vendors/${v.id}.yaml`, ...getVendorModels(v.id).flatMap(filesOf)]),
    })),
    ...getProviders().map((p) => ({
      url: absoluteUrl(`/providers/${p.id}`),
      ...at([`content/providers/${p.id}.yaml`, ...getProviderEndpoints(p.id).map((e) => e.model.file)]),
    })),
    { url: absoluteUrl('/routers'), ...at(getRouters().map((r) => r.file)) },
    ...getRouters().map((r) => ({ url: absoluteUrl(`/routers/${r.slug}`), ...at([r.file]) })),
  ]
}
