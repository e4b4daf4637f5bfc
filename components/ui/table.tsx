import type { ComponentProps } from 'react'

import { cn } from '@/lib/utils'

/** A horizontally scrollable table frame: wide tables scroll on phones instead of clipping. */
export function TableFrame({ className, ...props }: ComponentProps<'div'>) {
  return <div data-slot="table-frame" className={cn('overflow-x-auto rounded-lg border', className)} {...props} />
}

export function Table({ className, ...props }: ComponentProps<'table'>) {
  return <table data-slot="table" className={cn('w-full border-collapse text-sm', className)} {...props} />
}

export function Th({ className, ...props }: ComponentProps<'th'>) {
  return (
    <th
      className={cn('bg-muted px-3 py-2 text-left font-medium whitespace-nowrap text-muted-foreground', className)}
      {...props}
    />
  )
}

export function Td({ className, ...props }: ComponentProps<'td'>) {
  return <td className={cn('border-t px-3 py-2 align-top whitespace-nowrap', className)} {...props} />
}
