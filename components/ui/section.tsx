import type { ComponentProps, ReactNode } from 'react'

import { cn } from '@/lib/utils'

/** A titled page section with an anchor (`id`) and an `aria-labelledby` heading. */
export function Section({
  id,
  title,
  description,
  className,
  children,
  ...props
}: Omit<ComponentProps<'section'>, 'title'> & { id: string; title: ReactNode; description?: ReactNode }) {
  return (
    <section id={id} aria-labelledby={`${id}-title`} className={cn('scroll-mt-20 py-6', className)} {...props}>
      <h2 id={`${id}-title`} className="text-xl font-semibold tracking-tight">
        <a href={`#${id}`} className="hover:underline">
          {title}
        </a>
      </h2>
      {description ? <p className="mt-1 text-sm text-muted-foreground">{description}</p> : null}
      <div className="mt-4">{children}</div>
    </section>
  )
}
