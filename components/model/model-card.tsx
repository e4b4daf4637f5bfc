import type { Model } from '@/lib/catalog'
import { formatPrice, formatTokensCompact } from '@/lib/pricing/format'
import { Link } from '@/components/ui/link'

/** A model in a grid: vendor, name, summary (or a curated list's note), context and headline price. */
export function ModelCard({ model, headingLevel = 3, note }: { model: Model; headingLevel?: 2 | 3; note?: string }) {
  const H = headingLevel === 2 ? 'h2' : 'h3'
  const c = model.cheapest
  return (
    <article className="flex flex-col rounded-lg border bg-card p-4">
      <p className="text-xs text-muted-foreground">{model.vendorName}</p>
      <H className="font-semibold">
        <Link href={`/models/${model.id}`} className="hover:underline">
          {model.name}
        </Link>
      </H>
      <p className="mt-1 line-clamp-2 flex-1 text-sm text-muted-foreground">{note ?? model.summary}</p>
      <p className="mt-3 text-xs tabular-nums">
        {formatTokensCompact(model.contextWindow)} context ·{' '}
        {c ? (
          <>
            {formatPrice(c.pricing.input)} in / {formatPrice(c.pricing.output)} out per 1M
          </>
        ) : (
          'no price listed'
        )}
      </p>
    </article>
  )
}
