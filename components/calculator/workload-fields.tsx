'use client'

import { useId } from 'react'

import type { Workload } from '@/lib/compare/workload'
import { WORKLOAD_LIMITS } from '@/lib/compare/workload'
import { NumberInput } from '@/components/ui/number-input'

const FIELDS: { key: keyof Workload; name: string; label: string; unit: string; step: number }[] = [
  { key: 'inputTokens', name: 'in', label: 'Input tokens', unit: 'per request', step: 100 },
  { key: 'outputTokens', name: 'out', label: 'Output tokens', unit: 'per request', step: 100 },
  { key: 'cachedPercent', name: 'cached', label: 'Cached input', unit: '% of input tokens', step: 5 },
  { key: 'requestsPerDay', name: 'rpd', label: 'Requests', unit: 'per day', step: 100 },
]

/**
 * The four numbers of a workload. Field names match the comparison's URL (`in`, `out`,
 * `cached`, `rpd`), so inside a GET form they submit without JavaScript.
 */
export function WorkloadFields({ workload, onChange }: { workload: Workload; onChange: (w: Workload) => void }) {
  const id = useId()
  return (
    <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
      {FIELDS.map((f) => (
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
            aria-describedby={`${id}-${f.key}-unit`}
            value={workload[f.key]}
            min={WORKLOAD_LIMITS[f.key].min}
            max={WORKLOAD_LIMITS[f.key].max}
            step={f.step}
            onValueChange={(n) => onChange({ ...workload, [f.key]: n ?? 0 })}
            className="mt-1 min-h-10 w-full rounded-md border bg-card px-3 tabular-nums"
          />
        </div>
      ))}
    </div>
  )
}
