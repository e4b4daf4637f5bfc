'use client'

import { useEffect, useRef } from 'react'
import { usePathname } from 'next/navigation'

import { Link } from '@/components/ui/link'

export interface MenuItem {
  href: string
  label: string
}

/**
 * The main nav on a phone, where its six entries do not fit one row: a "Menu" disclosure
 * (`<details>`, so it opens without JavaScript too) whose list drops below the header. It closes
 * after an in-app navigation (the header stays mounted across pages) and on Escape.
 */
export function SiteMenu({ items }: { items: readonly MenuItem[] }) {
  const ref = useRef<HTMLDetailsElement>(null)
  const pathname = usePathname()
  useEffect(() => {
    // Runs on each new page: the header (and this menu) stay mounted.
    if (ref.current && pathname) ref.current.open = false
  }, [pathname])
  return (
    <details
      ref={ref}
      className="group relative sm:hidden"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && ref.current?.open) {
          ref.current.open = false
          ref.current.querySelector('summary')?.focus()
        }
      }}
    >
      <summary className="cursor-pointer list-none whitespace-nowrap rounded-md border px-2.5 py-1 text-xs hover:bg-muted [&::-webkit-details-marker]:hidden">
        Menu <span aria-hidden="true">{'\u25BE'}</span>
      </summary>
      <nav
        aria-label="Main"
        className="absolute right-0 z-40 mt-2 flex w-44 flex-col rounded-md border bg-background py-1 text-sm shadow-lg"
      >
        {items.map((item) => (
          <Link key={item.href} href={item.href} className="px-4 py-2.5 hover:bg-muted">
            {item.label}
          </Link>
        ))}
      </nav>
    </details>
  )
}
