'use client'

import type { ComponentProps } from 'react'
import { useEffect, useState } from 'react'

import { cn } from '@/lib/utils'

/**
 * A number box that keeps what is being typed ("0.", "") while reporting parsed values: the
 * parent gets a number within [min, max] (or `undefined` when emptied and `allowEmpty`), and a
 * value changed from outside (Back, a reset) replaces the text.
 */
export function NumberInput({
  value,
  onValueChange,
  min = 0,
  max = Number.MAX_SAFE_INTEGER,
  allowEmpty = false,
  className,
  ...props
}: Omit<ComponentProps<'input'>, 'value' | 'onChange' | 'type' | 'min' | 'max'> & {
  value: number | undefined
  onValueChange: (n: number | undefined) => void
  min?: number
  max?: number
  allowEmpty?: boolean
}) {
  const [text, setText] = useState(value === undefined ? '' : String(value))
  useEffect(() => {
    setText((t) => ((t.trim() === '' ? undefined : Number(t)) === value ? t : value === undefined ? '' : String(value)))
  }, [value])
  return (
    <input
      data-slot="number-input"
      type="number"
      inputMode="decimal"
      min={min}
      max={max}
      value={text}
      onChange={(e) => {
        const t = e.target.value
        setText(t)
        if (t.trim() === '') {
          if (allowEmpty) onValueChange(undefined)
          return
        }
        const n = Number(t)
        if (Number.isFinite(n) && n >= min && n <= max) onValueChange(n)
      }}
      className={cn('min-h-10 rounded-md border bg-card px-3 tabular-nums', className)}
      {...props}
    />
  )
}
