'use client'

import type { ComponentProps, FocusEvent, PointerEvent, TouchEvent } from 'react'
import { useState } from 'react'
import NextLink from 'next/link'

/**
 * `next/link` that prefetches when the reader shows intent (pointer over it, keyboard focus, a
 * finger down), not when it scrolls into view. Next's default prefetches every link in the
 * viewport: a page of model cards and nav links fired 20–30 requests (~100 KB on the home page,
 * more on a wide screen) and parsed them on the main thread while the page was still loading,
 * for clicks that mostly never come (issue 14, issue 15 item 5). On intent the prefetch still
 * starts ahead of the click (~100 ms on a tap, more on a hover), as in Next's "hover-triggered
 * prefetch" guide: https://nextjs.org/docs/app/guides/prefetching#hover-triggered-prefetch
 * `prefetch={false}` turns prefetching off entirely (long lists of links, links that change as
 * one types).
 */
export function Link({ prefetch, onPointerEnter, onFocus, onTouchStart, ...props }: ComponentProps<typeof NextLink>) {
  const [intent, setIntent] = useState(false)
  if (prefetch === false)
    return (
      <NextLink
        {...props}
        prefetch={false}
        onPointerEnter={onPointerEnter}
        onFocus={onFocus}
        onTouchStart={onTouchStart}
      />
    )
  return (
    <NextLink
      {...props}
      // null is Next's default ("auto"), once there is intent.
      prefetch={intent ? (prefetch ?? null) : false}
      onPointerEnter={(e: PointerEvent<HTMLAnchorElement>) => {
        setIntent(true)
        onPointerEnter?.(e)
      }}
      onFocus={(e: FocusEvent<HTMLAnchorElement>) => {
        setIntent(true)
        onFocus?.(e)
      }}
      onTouchStart={(e: TouchEvent<HTMLAnchorElement>) => {
        setIntent(true)
        onTouchStart?.(e)
      }}
    />
  )
}
