'use client'

import { useId, useState } from 'react'

import type { Workload } from '@/lib/compare/workload'
import { WORKLOAD_LIMITS } from '@/lib/compare/workload'
import { cn, formatCount } from '@/lib/utils'
import { NumberInput } from '@/components/ui/number-input'

interface Field {
  key: keyof Workload
  name: string
  label: string
  unit: string
  /** Whole numbers only (token and request counts); the cached share may be a fraction. */
  whole: boolean
  /** What to enter, said when the text is not it. */
  expect: string
}

const range = (k: keyof Workload) => `${formatCount(WORKLOAD_LIMITS[k].min)} to ${formatCount(WORKLOAD_LIMITS[k].max)}`

const FIELDS: Field[] = [
  {
    key: 'inputTokens',
    name: 'in',
    label: 'Input tokens',
    unit: 'per request',
    whole: true,
    expect: `Enter a whole number of tokens, ${range('inputTokens')}.`,
  },
  {
    key: 'outputTokens',
    name: 'out',
    label: 'Output tokens',
    unit: 'per request',
    whole: true,
    expect: `Enter a whole number of tokens, ${range('outputTokens')}.`,
  },
  {
    key: 'cachedPercent',
    name: 'cached',
    label: 'Cached input',
    unit: '% of input tokens',
    whole: false,
    expect: 'Enter a percentage from 0 to 100.',
  },
  {
    key: 'requestsPerDay',
    name: 'rpd',
    label: 'Requests',
    unit: 'per day',
    whole: true,
    expect: `Enter a whole number of requests, ${range('requestsPerDay')}.`,
  },
]

const parser = (f: Field) => (text: string) => {
  const n = Number(text)
  const { min, max } = WORKLOAD_LIMITS[f.key]
  return Number.isFinite(n) && n >= min && n <= max && (!f.whole || Number.isInteger(n)) ? n : undefined
}

/**
 * The four numbers of a workload. Field names match the comparison's URL (`in`, `out`,
 * `cached`, `rpd`), so inside a GET form they submit without JavaScript. Text that is not a
 * valid value (empty, negative, a fraction of a token, more than 100 %) is marked `aria-invalid`
 * and the field says what it takes; the costs keep the last valid value meanwhile.
 */
export function WorkloadFields({ workload, onChange }: { workload: Workload; onChange: (w: Workload) => void }) {
  const id = useId()
  const [invalid, setInvalid] = useState<Partial<Record<keyof Workload, boolean>>>({})
  return (
    <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
      {FIELDS.map((f) => {
        const bad = invalid[f.key] === true
        return (
          <div key={f.key}>
            <label htmlFor={`${id}-${f.key}`} className="block text-sm font-medium">
              {f.label}
            </label>
            <span id={`${id}-${f.key}-unit`} className="block text-xs text-muted-foreground">
              {f.unit}
            </span>
            <NumberInput
              id={`${id}-${f.key}`}
              name={f.name}
              aria-describedby={bad ? `${id}-${f.key}-unit ${id}-${f.key}-error` : `${id}-${f.key}-unit`}
              value={workload[f.key]}
              min={WORKLOAD_LIMITS[f.key].min}
              max={WORKLOAD_LIMITS[f.key].max}
              // Step 1 (or any): without JavaScript the browser checks the form before it is sent, and a
              // coarser step would refuse 1,234 tokens. `required`: an empty box is refused there too.
              step={f.whole ? 1 : 'any'}
              required
              parse={parser(f)}
              flagInvalid
              onValidityChange={(ok) => setInvalid((s) => (s[f.key] === !ok ? s : { ...s, [f.key]: !ok }))}
              onValueChange={(n) => {
                if (n !== undefined) onChange({ ...workload, [f.key]: n })
              }}
              className={cn(
                'mt-1 min-h-10 w-full rounded-md border bg-card px-3 tabular-nums',
                bad && 'border-danger outline-danger',
              )}
            />
            {bad ? (
              <p id={`${id}-${f.key}-error`} className="mt-1 text-xs text-danger" data-field-error={f.name}>
                {f.expect} The costs use {formatCount(workload[f.key])} until then.
              </p>
            ) : null}
          </div>
        )
      })}
    </div>
  )
}
