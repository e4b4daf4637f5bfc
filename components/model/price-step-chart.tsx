import type { ProviderHistoryView } from '@/lib/catalog/price-history'
import { formatPrice } from '@/lib/pricing/format'

const WIDTH = 320
const HEIGHT = 80
const PAD = 4

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`)

/**
 * SVG path of a step line: one horizontal segment (`H`) per period at its price, joined by a
 * vertical step where the next period begins the day this one ends; a gap moves (`M`) instead.
 */
export function stepPath(
  periods: ProviderHistoryView['periods'],
  value: (p: ProviderHistoryView['periods'][number]) => number,
  x: (iso: string) => number,
  y: (v: number) => number,
  end: string,
): string {
  let d = ''
  let open: string | null = null
  for (const p of periods) {
    const y0 = y(value(p)).toFixed(1)
    d += open === p.from ? ` V${y0}` : `${d ? ' ' : ''}M${x(p.from).toFixed(1)} ${y0}`
    d += ` H${x(p.to ?? end).toFixed(1)}`
    open = p.to
  }
  return d
}

/**
 * One provider's input and output price per 1M tokens over time, as a server-rendered step
 * chart (no JavaScript). The table of changes beside it is the text alternative.
 */
export function PriceStepChart({ view, start, end }: { view: ProviderHistoryView; start: string; end: string }) {
  const t0 = day(start)
  const span = Math.max(1, day(end) - t0)
  const x = (iso: string) => PAD + ((day(iso) - t0) / span) * (WIDTH - 2 * PAD)
  const max = Math.max(...view.periods.flatMap((p) => [p.input, p.output])) || 1
  const y = (v: number) => PAD + (1 - v / max) * (HEIGHT - 2 * PAD)
  const last = view.periods.at(-1)!
  const label =
    `${view.providerName}: input and output price per 1M tokens from ${start} to ${end}; ` +
    `now input ${formatPrice(last.input)}, output ${formatPrice(last.output)}`
  return (
    <figure className="m-0">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        className="h-20 w-full"
        preserveAspectRatio="none"
        role="img"
        aria-label={label}
        data-chart="price-history"
      >
        <line x1={0} y1={HEIGHT - 0.5} x2={WIDTH} y2={HEIGHT - 0.5} className="stroke-border" strokeWidth={1} />
        <path
          d={stepPath(view.periods, (p) => p.output, x, y, end)}
          className="fill-none stroke-accent"
          strokeWidth={2}
          vectorEffect="non-scaling-stroke"
          data-series="output"
        />
        <path
          d={stepPath(view.periods, (p) => p.input, x, y, end)}
          className="fill-none stroke-foreground"
          strokeWidth={2}
          strokeDasharray="4 3"
          vectorEffect="non-scaling-stroke"
          data-series="input"
        />
      </svg>
      {/* On a phone the dates share the first line and the legend takes the second; wider, one line. */}
      <figcaption className="mt-1 grid grid-cols-2 gap-x-3 text-xs text-muted-foreground sm:grid-cols-[auto_1fr_auto]">
        <span>{start}</span>
        <span className="col-span-2 row-start-2 sm:col-span-1 sm:col-start-2 sm:row-start-1 sm:text-center">
          {view.providerName}: <span className="font-medium text-foreground">input</span> (dashed),{' '}
          <span className="font-medium text-accent">output</span>, up to {formatPrice(max)}
        </span>
        <span className="col-start-2 row-start-1 text-right sm:col-start-3">{end}</span>
      </figcaption>
    </figure>
  )
}
