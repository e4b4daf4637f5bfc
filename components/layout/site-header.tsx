import { site } from '@/lib/site'
import { Link } from '@/components/ui/link'

import { ThemeToggle } from './theme-toggle'

/**
 * The sticky site header. Above everything that scrolls beneath it (z-40: sticky table headers
 * and popovers use up to z-30). Two fixed rows on a phone (name and theme; the nav, which scrolls
 * sideways if it must), one row from `sm`: its height is what `scroll-padding-top` in
 * globals.css keeps in-page anchors clear of.
 */
export function SiteHeader() {
  return (
    <header className="sticky top-0 z-40 border-b bg-background/95 backdrop-blur">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/" className="font-semibold tracking-tight">
          {site.name}
        </Link>
        <nav
          aria-label="Main"
          className="order-last flex w-full gap-4 overflow-x-auto text-sm whitespace-nowrap sm:order-none sm:w-auto sm:flex-1"
        >
          {site.nav.map((item) => (
            <Link key={item.href} href={item.href} className="text-muted-foreground hover:text-foreground">
              {item.label}
            </Link>
          ))}
        </nav>
        <ThemeToggle />
      </div>
    </header>
  )
}
