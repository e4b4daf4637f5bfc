import type { ComponentProps, ReactNode } from 'react'
import { Activity } from 'react'

import { cn } from '@/lib/utils'

/**
 * A titled page section with an anchor (`id`) and an `aria-labelledby` heading. Its body sits in
 * an `<Activity>` boundary so that it hydrates on its own: React hydrates such a boundary after
 * the page's first task and in slices that yield to the browser, not inside one long hydration
 * task (the model page's sections used to hydrate as one ~1 s task on a throttled phone).
 * Activity, not Suspense: React's server renderer moves a large completed Suspense boundary out
 * of place (hidden, revealed by an inline script), which hides it without JavaScript and delays
 * its paint; an Activity boundary is written in place.
 * https://react.dev/reference/react/Activity
 *
 * Below the first screen (every section but those marked `eager`), its rendering waits until it
 * comes near the viewport (`content-visibility: auto`, the `render-when-near` utility in
 * globals.css): on a throttled phone the style, layout and paint of the model page's lower
 * sections were ~150 ms of its load, for content the reader has not scrolled to.
 */
export function Section({
  id,
  title,
  description,
  className,
  eager = false,
  children,
  ...props
}: Omit<ComponentProps<'section'>, 'title'> & {
  id: string
  title: ReactNode
  description?: ReactNode
  /** Rendered with the page's first paint: a section that can be on the first screen. */
  eager?: boolean
}) {
  return (
    <section
      id={id}
      aria-labelledby={`${id}-title`}
      className={cn('py-6', !eager && 'render-when-near', className)}
      {...props}
    >
      <h2 id={`${id}-title`} className="text-xl font-semibold tracking-tight">
        <a href={`#${id}`} className="hover:underline">
          {title}
        </a>
      </h2>
      {description ? <p className="mt-1 text-sm text-muted-foreground">{description}</p> : null}
      <div className="mt-4">
        <Activity>{children}</Activity>
      </div>
    </section>
  )
}
