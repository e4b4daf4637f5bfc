import type { PerformanceReading } from '@/lib/server/performance'
import { formatMs, formatRate, formatUptime } from '@/lib/store/format'
import type { ProviderPerformance, WindowFigures } from '@/lib/store/performance'
import type { StatsWindow } from '@/lib/store/types'
import { plural } from '@/lib/utils'

import { HourlyChart } from './hourly-chart'

const WINDOW_TITLES: Record<StatsWindow, string> = { '30m': '30 min', '24h': '24 h', '7d': '7 days' }
const WINDOW_ORDER: StatsWindow[] = ['30m', '24h', '7d']

type Row = { label: string; title?: string; value: (w: WindowFigures) => string }

const ROWS: Row[] = [
  { label: 'Requests', value: (w) => w.requests.toLocaleString('en-US') },
  {
    label: 'Uptime',
    title: "Share of attempts that did not fail on the provider's side",
    value: (w) => formatUptime(w.uptime),
  },
  { label: 'First token p50', title: 'Time to the first token, median', value: (w) => formatMs(w.ttftMs?.p50) },
  { label: 'First token p90', value: (w) => formatMs(w.ttftMs?.p90) },
  { label: 'First token p99', value: (w) => formatMs(w.ttftMs?.p99) },
  {
    label: 'Throughput p50',
    title: 'Output tokens per second after the first token, median',
    value: (w) => formatRate(w.throughput?.p50),
  },
  { label: 'Latency p50', title: 'Whole call, median', value: (w) => formatMs(w.latencyP50Ms) },
]

const timeOf = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`

/**
 * The model page's "Performance" section: what calls through this site's proxy measured, per
 * provider (server-rendered, readable without JavaScript).
 */
export function PerformanceSection({ reading, modelName }: { reading: PerformanceReading; modelName: string }) {
  if (reading.state === 'off')
    return (
      <p className="text-sm text-muted-foreground">This site does not record its calls, so it has no measurements.</p>
    )
  if (reading.state === 'unavailable')
    return (
      <p className="text-sm text-muted-foreground">
        The measurements cannot be read right now; this page is refreshed within a minute.
      </p>
    )
  const { providers, measuredAt } = reading.performance
  const lastDay = providers.filter((p) => (p.windows['24h']?.requests ?? 0) > 0 || p.windows['24h']?.uptime != null)
  return (
    <div className="space-y-4" data-measured-at={measuredAt}>
      {lastDay.length === 0 ? (
        <p className="text-sm" data-testid="no-traffic">
          No traffic through this site in the last 24 hours.
        </p>
      ) : null}
      {providers.length > 0 ? (
        <div className="grid gap-4 md:grid-cols-2">
          {providers.map((p) => (
            <ProviderCard key={p.provider} perf={p} modelName={modelName} />
          ))}
        </div>
      ) : null}
      <p className="text-xs text-muted-foreground">
        {`Measured on calls through this site's proxy, as of ${timeOf(measuredAt)}. Uptime counts attempts that did not fail on the provider's side; first token and throughput are over streamed calls.`}
      </p>
    </div>
  )
}

function ProviderCard({ perf, modelName }: { perf: ProviderPerformance; modelName: string }) {
  const day = perf.windows['24h']
  const uptime = day?.uptime != null ? `, ${formatUptime(day.uptime)} up` : ''
  const summary = !day
    ? 'No requests in the last 24 hours'
    : day.requests === 0
      ? `No request served in the last 24 hours${uptime}`
      : `${plural(day.requests, 'request')} in the last 24 hours${uptime}`
  return (
    <section
      className="rounded-lg border border-border p-4"
      aria-label={`${perf.providerName}: measured performance of ${modelName}`}
      data-performance-provider={perf.provider}
    >
      <h3 className="font-semibold">{perf.providerName}</h3>
      <p className="text-xs text-muted-foreground">{summary}</p>
      <div className="mt-3">
        <HourlyChart hours={perf.hours} label={`${perf.providerName}, requests per hour over the last 24 hours`} />
      </div>
      <table className="mt-3 w-full text-sm tabular-nums">
        <caption className="sr-only">
          {perf.providerName}: measured figures over the last 30 minutes, 24 hours and 7 days
        </caption>
        <thead>
          <tr className="text-xs text-muted-foreground">
            <th scope="col" className="text-left font-normal">
              <span className="sr-only">Measure</span>
            </th>
            {WINDOW_ORDER.map((w) => (
              <th key={w} scope="col" className="text-right font-normal">
                {WINDOW_TITLES[w]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {ROWS.map((r) => (
            <tr key={r.label} className="border-t border-border/60">
              <th scope="row" className="py-1 text-left font-normal text-muted-foreground" title={r.title}>
                {r.label}
              </th>
              {WINDOW_ORDER.map((w) => {
                const figures = perf.windows[w]
                return (
                  <td key={w} className="py-1 text-right" data-window={w} data-measure={r.label}>
                    {figures ? r.value(figures) : '—'}
                  </td>
                )
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
