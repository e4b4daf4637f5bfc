import type { ComponentProps, MouseEvent, ReactNode } from 'react'

import { cn } from '@/lib/utils'

export type SortDirection = 'asc' | 'desc' | false

const ARIA_SORT = { asc: 'ascending', desc: 'descending' } as const

/** The arrow beside a sortable header: both ways dimmed when unsorted, one way when sorted. */
function SortIcon({ direction }: { direction: SortDirection }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 10 14" className="size-3 shrink-0" fill="currentColor">
      <path d="M5 1 9 6H1z" className={direction === 'asc' ? 'opacity-100' : 'opacity-30'} />
      <path d="M5 13 1 8h8z" className={direction === 'desc' ? 'opacity-100' : 'opacity-30'} />
    </svg>
  )
}

/**
 * A column header. Sortable headers hold a button (keyboard and screen reader reachable) and carry
 * `aria-sort` while sorted, which screen readers announce with the header. The visible title is
 * the header's accessible name; `description` (units, what the column means) goes into the
 * button's tooltip and accessible description, so it does not change the name.
 */
export function SortHeader({
  title,
  description,
  direction = false,
  onSort,
  align = 'left',
  className,
  ...props
}: Omit<ComponentProps<'th'>, 'title'> & {
  title: ReactNode
  description?: string
  direction?: SortDirection
  /** Absent: the column does not sort. */
  onSort?: (event: MouseEvent) => void
  align?: 'left' | 'right'
}) {
  return (
    <th
      data-slot="sort-header"
      scope="col"
      aria-sort={direction ? ARIA_SORT[direction] : undefined}
      className={cn(
        'bg-muted px-3 py-2 font-medium whitespace-nowrap text-muted-foreground',
        align === 'right' ? 'text-right' : 'text-left',
        className,
      )}
      {...props}
    >
      {onSort ? (
        <button
          type="button"
          onClick={onSort}
          title={description}
          className={cn(
            '-mx-1 inline-flex items-center gap-1 rounded px-1 hover:text-foreground',
            align === 'right' && 'flex-row-reverse',
            direction && 'text-foreground',
          )}
        >
          {title}
          <SortIcon direction={direction} />
        </button>
      ) : (
        <span title={description}>{title}</span>
      )}
    </th>
  )
}
