import { site } from '@/lib/site'
import { Link } from '@/components/ui/link'

import { SiteMenu } from './site-menu'
import { ThemeToggle } from './theme-toggle'

/**
 * The sticky site header. Above everything that scrolls beneath it (z-40: sticky table headers
 * and popovers use up to z-30). One row at every width: from `sm` the nav sits in it; on a phone,
 * where its entries do not fit, it is a "Menu" that opens below (site-menu.tsx). Its height is
 * what `scroll-padding-top` in globals.css keeps in-page anchors clear of.
 */
export function SiteHeader() {
  return (
    <header className="sticky top-0 z-40 border-b bg-background/95 backdrop-blur">
      <div className="mx-auto flex max-w-6xl items-center justify-between gap-x-3 px-4 py-3 sm:gap-x-6">
        <Link href="/" className="font-semibold tracking-tight">
          {site.name}
        </Link>
        <nav aria-label="Main" className="hidden flex-1 gap-4 text-sm whitespace-nowrap sm:flex">
          {site.nav.map((item) => (
            <Link key={item.href} href={item.href} className="text-muted-foreground hover:text-foreground">
              {item.label}
            </Link>
          ))}
        </nav>
        <div className="flex items-center gap-2">
          <SiteMenu items={site.nav} />
          <ThemeToggle />
        </div>
      </div>
    </header>
  )
}
