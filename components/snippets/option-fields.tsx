/** The snippet panel's option fields: each is off, or on with a value. */
import type { ReactNode } from 'react'
import { useId, useState } from 'react'

import { NumberInput } from '@/components/ui/number-input'

export function Check({
  checked,
  onChange,
  children,
}: {
  checked: boolean
  onChange: (v: boolean) => void
  children: ReactNode
}) {
  return (
    <label className="flex min-h-9 items-center gap-2 self-end">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} className="size-4" />
      {children}
    </label>
  )
}

/** An option that is off or has a number: a checkbox, and the value once it is on. */
export function NumberOption({
  label,
  code,
  value,
  fallback,
  range,
  hint,
  parse,
  onChange,
}: {
  label: string
  /** The request parameter, when its name differs from the label. */
  code?: string
  value: number | null
  fallback: number
  range: { min: number; max?: number; step: number }
  hint?: string
  parse: (raw: string) => number | null
  onChange: (v: number | null) => void
}) {
  const id = useId()
  // The last number the option had: shown (greyed) while it is off, and taken again when it is turned on.
  const [last, setLast] = useState(value ?? fallback)
  return (
    <div>
      <div className="flex items-center gap-2">
        <label className="flex items-center gap-2 font-medium">
          <input
            type="checkbox"
            checked={value !== null}
            onChange={(e) => onChange(e.target.checked ? last : null)}
            className="size-4"
          />
          {label}
        </label>
        {code ? <code className="text-xs text-muted-foreground">{code}</code> : null}
      </div>
      <NumberInput
        id={id}
        aria-label={`${label} value`}
        aria-describedby={hint ? `${id}-hint` : undefined}
        disabled={value === null}
        value={value ?? last}
        min={range.min}
        max={range.max}
        step={range.step}
        parse={(t) => parse(t) ?? undefined}
        flagInvalid
        onValueChange={(n) => {
          if (n === undefined) return
          setLast(n)
          onChange(n)
        }}
        className="mt-1 block min-h-9 w-full rounded-md border bg-background px-3 disabled:opacity-60 aria-invalid:border-danger"
      />
      {hint ? (
        <p id={`${id}-hint`} className="mt-0.5 text-xs text-muted-foreground">
          Model default: {hint}
        </p>
      ) : null}
    </div>
  )
}

export function StopOption({
  value,
  fallback,
  onChange,
}: {
  value: string | null
  fallback: string
  onChange: (v: string | null) => void
}) {
  const [draft, setDraft] = useState(value ?? fallback)
  return (
    <div>
      <label className="flex items-center gap-2 font-medium">
        <input
          type="checkbox"
          checked={value !== null}
          onChange={(e) => onChange(e.target.checked ? draft || fallback : null)}
          className="size-4"
        />
        Stop sequence
      </label>
      <input
        type="text"
        aria-label="Stop sequence value"
        disabled={value === null}
        value={draft}
        onChange={(e) => {
          setDraft(e.target.value)
          if (e.target.value) onChange(e.target.value)
        }}
        className="mt-1 block min-h-9 w-full rounded-md border bg-background px-3 disabled:opacity-60"
      />
    </div>
  )
}
