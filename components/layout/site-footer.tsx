import { site } from '@/lib/site'
import { Link } from '@/components/ui/link'

export function SiteFooter() {
  return (
    <footer className="mt-16 border-t">
      <div className="mx-auto flex max-w-6xl flex-wrap justify-between gap-4 px-4 py-8 text-sm text-muted-foreground">
        <p>
          {site.name}: prices in USD per 1M tokens unless stated. Facts seeded from the open data sets of models.dev
          (MIT), LiteLLM (MIT) and OpenRouter&apos;s public API.
        </p>
        <nav aria-label="Footer" className="flex gap-4">
          <Link href="/models">Models</Link>
          <Link href="/vendors">Vendors</Link>
          <Link href="/providers">Providers</Link>
          <a href="/sitemap.xml">Sitemap</a>
        </nav>
      </div>
    </footer>
  )
}
