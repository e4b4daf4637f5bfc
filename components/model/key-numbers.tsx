import type { Model } from '@/lib/catalog'
import { formatPrice, formatTokens } from '@/lib/pricing/format'

export function KeyNumbers({ model }: { model: Model }) {
  const c = model.cheapest
  const items = [
    {
      label: 'Input',
      value: formatPrice(c?.pricing.input),
      unit: c && c.pricing.input > 0 ? 'per 1M tokens' : undefined,
    },
    {
      label: 'Output',
      value: formatPrice(c?.pricing.output),
      unit: c && c.pricing.output > 0 ? 'per 1M tokens' : undefined,
    },
    { label: 'Context window', value: formatTokens(model.contextWindow), unit: 'tokens' },
    {
      label: 'Max output',
      value: formatTokens(model.maxOutputTokens),
      unit: model.maxOutputTokens ? 'tokens' : undefined,
    },
    { label: 'Providers', value: String(model.endpoints.length), unit: undefined },
  ]
  return (
    <section aria-labelledby="key-numbers-title" className="py-6">
      <h2 id="key-numbers-title" className="sr-only">
        Key numbers
      </h2>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
        {items.map((i) => (
          <div key={i.label} className="rounded-lg border bg-card p-4">
            <dt className="text-xs font-medium text-muted-foreground uppercase">{i.label}</dt>
            <dd className="mt-1 text-2xl font-semibold tabular-nums">{i.value}</dd>
            {i.unit ? <dd className="text-xs text-muted-foreground">{i.unit}</dd> : null}
          </div>
        ))}
      </dl>
      {c ? (
        <p className="mt-2 text-xs text-muted-foreground">{`Prices from the cheapest provider, ${c.providerName}.`}</p>
      ) : null}
    </section>
  )
}
