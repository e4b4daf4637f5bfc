/**
 * Site-wide constants. The one place `SITE_URL` (the absolute origin in canonical URLs, the
 * sitemap and code snippets) and `SOURCE_URL` are read: at build time for static pages.
 */
export const site = {
  name: 'ModelAtlas',
  description:
    'Every large language model, its providers and prices, side by side, and an OpenAI-compatible API to call them.',
  url: (process.env.SITE_URL ?? 'http://localhost:3000').replace(/\/+$/, ''),
  /** Where the site's source (and its README) is published, from `SOURCE_URL`; pages link to its sections. */
  sourceUrl: process.env.SOURCE_URL?.replace(/\/+$/, '') || undefined,
  nav: [
    { href: '/models', label: 'Models' },
    { href: '/compare', label: 'Compare' },
    { href: '/vendors', label: 'Vendors' },
    { href: '/providers', label: 'Providers' },
    { href: '/routers', label: 'Routers' },
    { href: '/changes', label: 'Changes' },
  ],
} as const

export const absoluteUrl = (path: string) => `${site.url}${path.startsWith('/') ? path : `/${path}`}`
