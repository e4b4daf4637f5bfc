'use client'

import { useState } from 'react'

import type { PricedEndpoint, Workload, WorkloadCost } from '@/lib/compare/workload'
import { cachedTokens, DAYS_PER_MONTH, DEFAULT_WORKLOAD, misfitText, quoteWorkload } from '@/lib/compare/workload'
import { useHydrated } from '@/lib/hooks/use-hydrated'
import { formatCost, formatPrice, formatTokens } from '@/lib/pricing/format'

import { WorkloadFields } from './workload-fields'

/**
 * What a workload costs on one model, at the provider cheapest for that workload, with the
 * arithmetic shown. Starts from the worked example (1,000 requests a day of 1,000 input and
 * 500 output tokens); the server-rendered HTML holds that example, so it reads without JavaScript,
 * and without JavaScript the fields are a GET form that prices the workload on the compare page.
 * A workload longer than every provider's context window (or maximum output) is not priced: the
 * calculator says which limit it breaks.
 */
export function CostCalculator({
  endpoints,
  modelId,
  modelName,
  initial = DEFAULT_WORKLOAD,
}: {
  endpoints: PricedEndpoint[]
  modelId: string
  modelName: string
  initial?: Workload
}) {
  const [w, setW] = useState(initial)
  const hydrated = useHydrated()
  const quote = quoteWorkload(endpoints, w)
  if (quote.kind === 'unpriced')
    return (
      <p className="text-sm text-muted-foreground">
        No provider prices {modelName} yet, so there is nothing to compute.
      </p>
    )
  return (
    // data-ready: the calculator is live (hydrated); tests wait for it.
    <div className="space-y-4 rounded-lg border bg-card p-4 text-sm" data-ready={hydrated ? '' : undefined}>
      <form method="get" action="/compare" onSubmit={(e) => e.preventDefault()} className="space-y-3">
        <input type="hidden" name="models" value={modelId} />
        <WorkloadFields workload={w} onChange={setW} />
        <noscript>
          <button type="submit" className="min-h-10 rounded-md bg-accent px-4 font-medium text-accent-foreground">
            Compute
          </button>
        </noscript>
      </form>
      {quote.kind === 'misfit' ? (
        <p className="rounded-md bg-warning-soft p-3" data-testid="cost-misfit" role="status">
          <strong>Not priced: this workload does not fit {modelName}.</strong> {misfitText(quote.misfit, w)}
        </p>
      ) : (
        <Breakdown best={quote.cost} w={w} />
      )}
    </div>
  )
}

function Breakdown({ best, w }: { best: WorkloadCost; w: Workload }) {
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
  )
}
