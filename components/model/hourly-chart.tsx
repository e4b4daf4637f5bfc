import { formatMs, formatUptime } from '@/lib/store/format'
import type { HourFigures } from '@/lib/store/performance'
import { plural } from '@/lib/utils'

const WIDTH = 240
const HEIGHT = 48
const GAP = 2

/** Bar colour by the hour's uptime: a failing hour stands out. */
const tone = (uptime: number | null) =>
  uptime === null || uptime >= 0.99 ? 'fill-success' : uptime >= 0.9 ? 'fill-warning' : 'fill-danger'

const hourLabel = (iso: string) => `${iso.slice(11, 16)} UTC`

/** One string: React renders an SVG <title> from a single text child only. */
const hourTitle = (h: HourFigures) =>
  `${hourLabel(h.hour)}: ${plural(h.requests, 'request')}` +
  (h.uptime !== null ? `, ${formatUptime(h.uptime)} up` : '') +
  (h.ttftP50Ms !== null ? `, first token ${formatMs(h.ttftP50Ms)} (median)` : '')

/**
 * Requests per hour over the last 24 hours as a server-rendered SVG bar chart (no JavaScript):
 * bar height is the hour's requests, its colour the hour's uptime; each bar's tooltip gives the
 * hour's figures. The figures beside it are the text alternative.
 */
export function HourlyChart({ hours, label }: { hours: HourFigures[]; label: string }) {
  const max = Math.max(1, ...hours.map((h) => h.requests))
  const slot = WIDTH / hours.length
  return (
    <figure className="m-0">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        className="h-12 w-full"
        preserveAspectRatio="none"
        role="img"
        aria-label={label}
        data-chart="requests-per-hour"
      >
        <line x1={0} y1={HEIGHT - 0.5} x2={WIDTH} y2={HEIGHT - 0.5} className="stroke-border" strokeWidth={1} />
        {hours.map((h, i) => {
          // An hour with attempts but no call served (all failed) still shows, as a short red mark.
          const height = h.requests === 0 ? (h.uptime === null ? 0 : 3) : Math.max(2, (h.requests / max) * (HEIGHT - 2))
          return (
            <rect
              key={h.hour}
              x={i * slot + GAP / 2}
              y={HEIGHT - height}
              width={slot - GAP}
              height={height}
              className={tone(h.uptime)}
              data-requests={h.requests}
            >
              <title>{hourTitle(h)}</title>
            </rect>
          )
        })}
      </svg>
      <figcaption className="mt-1 flex justify-between text-xs text-muted-foreground">
        <span>24 h ago</span>
        <span>Requests per hour</span>
        <span>now</span>
      </figcaption>
    </figure>
  )
}
