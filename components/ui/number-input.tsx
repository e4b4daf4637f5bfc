'use client'

import type { ComponentProps } from 'react'
import { useEffect, useState } from 'react'

/**
 * A number box that keeps what is being typed ("0.", "", "7" while out of range) while
 * reporting parsed values: the parent gets a number that `parse` accepts (by default, one within
 * [min, max]), or `undefined` when emptied and `allowEmpty`. A value changed from outside (Back,
 * a reset) replaces the text. Styling is the caller's: `className` is used as given.
 */
export function NumberInput({
  value,
  onValueChange,
  min = 0,
  max = Number.MAX_SAFE_INTEGER,
  allowEmpty = false,
  parse,
  flagInvalid = false,
  onValidityChange,
  disabled,
  ...props
}: Omit<ComponentProps<'input'>, 'value' | 'onChange' | 'type' | 'min' | 'max'> & {
  value: number | undefined
  onValueChange: (n: number | undefined) => void
  min?: number
  max?: number
  allowEmpty?: boolean
  /** Reads the typed text; `undefined` rejects it (the parent is not told). */
  parse?: (text: string) => number | undefined
  /** Marks text that is rejected `aria-invalid` (while the box is enabled). */
  flagInvalid?: boolean
  /** Told after each keystroke whether the text is accepted, so the parent can say what is wrong. */
  onValidityChange?: (valid: boolean) => void
}) {
  const read =
    parse ??
    ((t: string) => {
      const n = Number(t)
      return Number.isFinite(n) && n >= min && n <= max ? n : undefined
    })
  const [text, setText] = useState(value === undefined ? '' : String(value))
  useEffect(() => {
    // Follow outside changes, not our own keystrokes.
    setText((t) => ((t.trim() === '' ? undefined : Number(t)) === value ? t : value === undefined ? '' : String(value)))
  }, [value])
  const empty = text.trim() === ''
  const invalid = flagInvalid && !disabled && (empty ? !allowEmpty : read(text) === undefined)
  return (
    <input
      data-slot="number-input"
      type="number"
      inputMode="decimal"
      min={min}
      max={max}
      value={text}
      disabled={disabled}
      aria-invalid={invalid || undefined}
      onChange={(e) => {
        const t = e.target.value
        setText(t)
        if (t.trim() === '') {
          onValidityChange?.(allowEmpty)
          if (allowEmpty) onValueChange(undefined)
          return
        }
        const n = read(t)
        onValidityChange?.(n !== undefined)
        if (n !== undefined) onValueChange(n)
      }}
      {...props}
    />
  )
}
