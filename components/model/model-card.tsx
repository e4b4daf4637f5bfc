import type { Model } from '@/lib/catalog'
import { clipWords } from '@/lib/catalog/derive'
import { formatPrice, formatTokensCompact } from '@/lib/pricing/format'
import { Link } from '@/components/ui/link'

/**
 * The longest summary a card prints: `line-clamp-2` shows about 90 characters of it on a phone and
 * a little more in the wider grid columns, and the page carries the text twice (HTML and RSC payload).
 */
export const CARD_SUMMARY_LENGTH = 110

/**
 * A model's context window and headline prices (its cheapest provider's), as one string: one text
 * node in the HTML (no `<!-- -->` between JSX pieces).
 */
export function modelFigures(model: Model): string {
  const c = model.cheapest
  return `${formatTokensCompact(model.contextWindow)} context · ${
    c ? `${formatPrice(c.pricing.input)} in / ${formatPrice(c.pricing.output)} out per 1M` : 'no price listed'
  }`
}

/** A model in a grid: vendor, name, summary (or a curated list's note), context and headline price. */
export function ModelCard({ model, headingLevel = 3, note }: { model: Model; headingLevel?: 2 | 3; note?: string }) {
  const H = headingLevel === 2 ? 'h2' : 'h3'
  const figures = modelFigures(model)
  return (
    <article className="flex flex-col rounded-lg border bg-card p-4">
      <p className="text-xs text-muted-foreground">{model.vendorName}</p>
      <H className="font-semibold">
        <Link href={`/models/${model.id}`} className="hover:underline">
          {model.name}
        </Link>
      </H>
      {/* Two lines at most, also when a taller card in the same grid row stretches this one: the
          figures line takes the spare height (mt-auto), not the clamped summary. */}
      <p className="mt-1 line-clamp-2 text-sm text-muted-foreground">
        {note ?? clipWords(model.summary, CARD_SUMMARY_LENGTH)}
      </p>
      <p className="mt-auto pt-3 text-xs tabular-nums">{figures}</p>
    </article>
  )
}
