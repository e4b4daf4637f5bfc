import type { Model } from '@/lib/catalog'
import { costOfUsage } from '@/lib/pricing/cost'
import { formatCost, formatPrice, formatTokens } from '@/lib/pricing/format'

/** A fixed, worked example at the cheapest endpoint. */
export const EXAMPLE = { requests: 1000, inputTokens: 1000, outputTokens: 500 } as const

export function CostExample({ model }: { model: Model }) {
  const c = model.cheapest
  if (!c) return <p className="text-sm text-muted-foreground">No priced provider to compute an example with.</p>
  const one = costOfUsage(c.pricing, { inputTokens: EXAMPLE.inputTokens, outputTokens: EXAMPLE.outputTokens })
  const all = costOfUsage(c.pricing, {
    inputTokens: EXAMPLE.inputTokens * EXAMPLE.requests,
    outputTokens: EXAMPLE.outputTokens * EXAMPLE.requests,
    requests: EXAMPLE.requests,
  })
  return (
    <div className="rounded-lg border bg-card p-4 text-sm">
      <p>
        {formatTokens(EXAMPLE.requests)} requests of {formatTokens(EXAMPLE.inputTokens)} input and {formatTokens(EXAMPLE.outputTokens)} output tokens each, at {c.providerName}:
      </p>
      <dl className="mt-3 grid gap-x-6 gap-y-1 sm:grid-cols-[auto_1fr]">
        <dt className="text-muted-foreground">Input</dt>
        <dd className="tabular-nums">{formatTokens(EXAMPLE.inputTokens * EXAMPLE.requests)} tokens × {formatPrice(c.pricing.input)} / 1M = {formatCost(all.input)}</dd>
        <dt className="text-muted-foreground">Output</dt>
        <dd className="tabular-nums">{formatTokens(EXAMPLE.outputTokens * EXAMPLE.requests)} tokens × {formatPrice(c.pricing.output)} / 1M = {formatCost(all.output)}</dd>
        {all.request.gt(0) ? (
          <>
            <dt className="text-muted-foreground">Request fees</dt>
            <dd className="tabular-nums">{formatCost(all.request)}</dd>
          </>
        ) : null}
        <dt className="font-medium">Total</dt>
        <dd className="font-semibold tabular-nums" data-testid="cost-example-total">{formatCost(all.total)}</dd>
        <dt className="text-muted-foreground">Per request</dt>
        <dd className="tabular-nums">{formatCost(one.total)}</dd>
      </dl>
    </div>
  )
}
