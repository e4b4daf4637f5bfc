'use client'

import type { ReactNode } from 'react'
import { useEffect, useRef, useState } from 'react'

import { cn } from '@/lib/utils'

/**
 * A disclosure that opens a small panel (filter lists, column choices). Built on
 * `<details>`/`<summary>`, so it opens and its form fields submit with JavaScript off; with
 * JavaScript, Escape and a click outside close it.
 *
 * The panel's content is in the server HTML inside <noscript> until the menu is first opened:
 * readers without JavaScript get it as it is (a form's fields submit), while a browser with
 * JavaScript never parses it into the page nor hydrates it (a vendor list is hundreds of
 * elements), and renders it when it is first needed. `noscript` replaces that copy with something
 * lighter for readers without JavaScript (a link to a page that has the whole list), and
 * `defaultOpen` opens the menu in the server HTML.
 */
export function PopoverMenu({
  label,
  badge,
  children,
  className,
  panelClassName,
  align = 'start',
  noscript,
  defaultOpen,
}: {
  label: ReactNode
  badge?: ReactNode
  children: ReactNode
  className?: string
  panelClassName?: string
  align?: 'start' | 'end'
  /** What readers without JavaScript get in the panel; the children when not given. */
  noscript?: ReactNode
  /** Open in the server HTML (and so on load, with or without JavaScript). */
  defaultOpen?: boolean
}) {
  const ref = useRef<HTMLDetailsElement>(null)
  const [opened, setOpened] = useState(false)
  useEffect(() => {
    // Opened before the page was live: show the content now.
    if (ref.current?.open) setOpened(true)
  }, [])
  useEffect(() => {
    const close = (e: Event) => {
      const el = ref.current
      if (!el?.open) return
      if (e instanceof KeyboardEvent) {
        if (e.key !== 'Escape') return
        el.open = false
        el.querySelector('summary')?.focus()
        return
      }
      if (!el.contains(e.target as Node)) el.open = false
    }
    document.addEventListener('pointerdown', close)
    document.addEventListener('keydown', close)
    return () => {
      document.removeEventListener('pointerdown', close)
      document.removeEventListener('keydown', close)
    }
  }, [])
  return (
    <details
      ref={ref}
      open={defaultOpen || undefined}
      data-slot="popover-menu"
      className={cn('group/menu relative', className)}
      onToggle={(e) => {
        if (e.currentTarget.open) setOpened(true)
      }}
    >
      <summary className="inline-flex min-h-9 cursor-pointer list-none items-center gap-1.5 rounded-md border bg-card px-3 text-sm font-medium select-none hover:bg-muted group-open/menu:bg-muted [&::-webkit-details-marker]:hidden">
        {label}
        {badge}
        <svg
          aria-hidden="true"
          viewBox="0 0 12 12"
          className="size-3 transition-transform group-open/menu:rotate-180"
          fill="currentColor"
        >
          <path d="M2 4h8L6 9z" />
        </svg>
      </summary>
      <div
        className={cn(
          'absolute top-full z-30 mt-1 max-h-80 w-64 max-w-[calc(100vw-2rem)] overflow-auto rounded-md border bg-card p-2 shadow-lg',
          align === 'end' ? 'right-0' : 'left-0',
          panelClassName,
        )}
      >
        {opened ? children : <noscript>{noscript ?? children}</noscript>}
      </div>
    </details>
  )
}
