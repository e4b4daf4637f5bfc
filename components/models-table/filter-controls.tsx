import type { ReactNode } from 'react'
import { useId } from 'react'

import { Badge } from '@/components/ui/badge'
import { NumberInput } from '@/components/ui/number-input'

/** The toolbar's small fields (selects, search boxes, number boxes). */
export const fieldClass = 'min-h-9 rounded-md border bg-card px-2.5 text-sm'

/** A filter menu's title; screen readers hear "Filter by vendor" (the sort buttons say "Vendor"). */
export const FilterLabel = ({ children }: { children: string }) => (
  <span>
    <span className="sr-only">Filter by </span>
    {children}
  </span>
)

export const countBadge = (n: number) =>
  n > 0 ? (
    <Badge tone="accent" className="px-1.5">
      {n}
      <span className="sr-only"> selected</span>
    </Badge>
  ) : null

/** A price or size box: keeps what is typed ("0.") while the filter takes the parsed number. */
export function NumberField({
  label,
  unit,
  name,
  value,
  onChange,
  placeholder,
  step = 'any',
}: {
  label: ReactNode
  unit?: string
  name: string
  value: number | undefined
  onChange: (n: number | undefined) => void
  placeholder?: string
  step?: string
}) {
  const id = useId()
  return (
    <div className="flex items-center gap-1.5">
      <label htmlFor={id} className="text-sm whitespace-nowrap text-muted-foreground">
        {label}
      </label>
      <NumberInput
        id={id}
        name={name}
        step={step}
        placeholder={placeholder}
        value={value}
        allowEmpty
        onValueChange={onChange}
        className={`${fieldClass} w-20 tabular-nums`}
      />
      {unit && <span className="text-sm text-muted-foreground">{unit}</span>}
    </div>
  )
}

export function Toggle({
  name,
  value = '1',
  label,
  checked,
  onChange,
}: {
  name: string
  value?: string
  label: string
  checked: boolean
  onChange: (on: boolean) => void
}) {
  return (
    <label className="inline-flex min-h-9 cursor-pointer items-center gap-2 rounded-md border bg-card px-3 text-sm whitespace-nowrap hover:bg-muted">
      <input
        type="checkbox"
        name={name}
        value={value}
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
        className="size-4 accent-accent"
      />
      {label}
    </label>
  )
}

/**
 * A filter holding one number, chosen from steps (and "any"): a plain select, so the no-JavaScript
 * form submits it. A value from the URL that is no step is offered too, in order.
 */
export function StepSelect({
  label,
  name,
  value,
  steps,
  any,
  stepLabel,
  onChange,
}: {
  label: string
  name: string
  value: number | undefined
  steps: readonly number[]
  /** The label of "no filter". */
  any: string
  stepLabel: (n: number) => string
  onChange: (n: number | undefined) => void
}) {
  const shown = value !== undefined && !steps.includes(value) ? [...steps, value].sort((a, b) => a - b) : steps
  return (
    <label className="flex items-center gap-1.5 text-sm whitespace-nowrap text-muted-foreground">
      {label}
      <select
        name={name}
        value={value ?? ''}
        onChange={(e) => onChange(e.target.value ? Number(e.target.value) : undefined)}
        className={`${fieldClass} text-foreground`}
      >
        <option value="">{any}</option>
        {shown.map((n) => (
          <option key={n} value={n}>
            {stepLabel(n)}
          </option>
        ))}
      </select>
    </label>
  )
}
