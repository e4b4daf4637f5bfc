'use client'

import { useState } from 'react'

import type { PricedEndpoint, Workload } from '@/lib/compare/workload'
import { cachedTokens, cheapestFor, DAYS_PER_MONTH, DEFAULT_WORKLOAD } from '@/lib/compare/workload'
import { useHydrated } from '@/lib/hooks/use-hydrated'
import { formatCost, formatPrice, formatTokens } from '@/lib/pricing/format'

import { WorkloadFields } from './workload-fields'

/**
 * What a workload costs on one model, at the provider cheapest for that workload, with the
 * arithmetic shown. Starts from the worked example (1,000 requests a day of 1,000 input and
 * 500 output tokens); the server-rendered HTML holds that example, so it reads without JavaScript.
 */
export function CostCalculator({
  endpoints,
  modelName,
  initial = DEFAULT_WORKLOAD,
}: {
  endpoints: PricedEndpoint[]
  modelName: string
  initial?: Workload
}) {
  const [w, setW] = useState(initial)
  const hydrated = useHydrated()
  const best = cheapestFor(endpoints, w)
  if (!best)
    return (
      <p className="text-sm text-muted-foreground">
        No provider prices {modelName} yet, so there is nothing to compute.
      </p>
    )
  const p = best.request
  const price = best.endpoint.pricing
  const cached = cachedTokens(w)
  const lines: [string, string][] = [
    [`${formatTokens(w.inputTokens - cached)} input tokens × ${formatPrice(price.input)} / 1M`, formatCost(p.input)],
  ]
  if (cached > 0)
    lines.push([
      `${formatTokens(cached)} cached tokens × ${formatPrice(price.cacheRead ?? price.input)} / 1M`,
      formatCost(p.cachedInput),
    ])
  lines.push([
    `${formatTokens(w.outputTokens)} output tokens × ${formatPrice(price.output)} / 1M`,
    formatCost(p.output),
  ])
  if (p.request.gt(0)) lines.push(['Request fee', formatCost(p.request)])

  return (
    // data-ready: the calculator is live (hydrated); tests wait for it.
    <div className="space-y-4 rounded-lg border bg-card p-4 text-sm" data-ready={hydrated ? '' : undefined}>
      <WorkloadFields workload={w} onChange={setW} />
      <div className="space-y-3">
        <p>
          At <strong>{best.endpoint.providerName}</strong>, the cheapest provider for this workload:
        </p>
        <dl className="grid max-w-lg grid-cols-[1fr_auto] gap-x-6 gap-y-1 [&_dd]:text-right">
          {lines.map(([what, cost]) => (
            <div key={what} className="contents">
              <dt className="text-muted-foreground">{what}</dt>
              <dd className="tabular-nums">{cost}</dd>
            </div>
          ))}
          <dt className="font-medium">Per request</dt>
          <dd className="font-medium tabular-nums" data-testid="cost-per-request">
            {formatCost(best.perRequest)}
          </dd>
          <dt className="font-medium">Per day ({formatTokens(w.requestsPerDay)} requests)</dt>
          <dd className="text-base font-semibold tabular-nums" data-testid="cost-example-total">
            {formatCost(best.perDay)}
          </dd>
          <dt className="font-medium">Per month ({DAYS_PER_MONTH} days)</dt>
          <dd className="font-medium tabular-nums" data-testid="cost-per-month">
            {formatCost(best.perMonth)}
          </dd>
        </dl>
        <p className="sr-only" aria-live="polite">
          {`${formatCost(best.perDay)} a day, ${formatCost(best.perMonth)} a month, at ${best.endpoint.providerName}`}
        </p>
      </div>
    </div>
  )
}
