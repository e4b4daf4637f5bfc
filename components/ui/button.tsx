import type { ComponentProps } from 'react'

import { cn } from '@/lib/utils'

const variants = {
  primary: 'bg-accent text-accent-foreground hover:opacity-90',
  outline: 'border bg-card hover:bg-muted',
  ghost: 'hover:bg-muted',
} as const

const sizes = {
  sm: 'min-h-8 px-2.5 text-xs',
  md: 'min-h-10 px-3.5 text-sm',
} as const

export type ButtonVariant = keyof typeof variants

/** Button classes, for links styled as buttons too. */
export function buttonClass({
  variant = 'outline',
  size = 'md',
  className,
}: {
  variant?: ButtonVariant
  size?: keyof typeof sizes
  className?: string
} = {}) {
  return cn(
    'inline-flex items-center justify-center gap-1.5 rounded-md font-medium whitespace-nowrap transition-colors disabled:cursor-not-allowed disabled:opacity-50 aria-disabled:cursor-not-allowed aria-disabled:opacity-50',
    variants[variant],
    sizes[size],
    className,
  )
}

export function Button({
  variant,
  size,
  className,
  type = 'button',
  ...props
}: ComponentProps<'button'> & { variant?: ButtonVariant; size?: keyof typeof sizes }) {
  return <button data-slot="button" type={type} className={buttonClass({ variant, size, className })} {...props} />
}
