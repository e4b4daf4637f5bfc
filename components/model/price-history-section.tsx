import type { PriceChange, PriceHistoryView } from '@/lib/catalog/price-history'
import { formatDate, formatPrice } from '@/lib/pricing/format'
import { plural } from '@/lib/utils'

import { PriceStepChart } from './price-step-chart'

/** Charts drawn; every change of the rest is still in the table. */
const CHARTS_SHOWN = 6

const percent = (c: PriceChange) =>
  c.percent === undefined ? 'from free' : `${c.percent > 0 ? '+' : c.percent < 0 ? '−' : '±'}${Math.abs(c.percent)} %`

/**
 * A model's "Price history": the newest change called out, "changed N times since", a step
 * chart per provider whose price changed, every change in a table (the charts' text
 * alternative), and the retirement and deprecation dates. Server-rendered; no JavaScript.
 */
export function PriceHistorySection({
  view,
  today,
  modelName,
  deprecationDate,
  retirementDate,
}: {
  view: PriceHistoryView
  /** The chart's right edge (the build day). */
  today: string
  modelName: string
  deprecationDate?: string
  retirementDate?: string
}) {
  const dates = (
    <>
      {deprecationDate ? <li>Deprecated: {formatDate(deprecationDate)}.</li> : null}
      {retirementDate ? <li>Retirement: {formatDate(retirementDate)}.</li> : null}
    </>
  )
  if (!view.since)
    return (
      <div className="space-y-2 text-sm">
        <p className="text-muted-foreground">{`No price history is recorded for ${modelName} yet.`}</p>
        <ul className="list-none p-0">{dates}</ul>
      </div>
    )
  const rows = view.changed
    .flatMap((p) => p.changes.map((c) => ({ ...c, providerName: p.providerName })))
    .sort((a, b) => b.date.localeCompare(a.date) || a.providerName.localeCompare(b.providerName))
  const retired = [...view.changed, ...view.unchanged].filter((p) => p.retirementDate)
  return (
    <div className="space-y-4 text-sm">
      <p data-testid="price-history-summary">
        {view.count === 0
          ? `No price change at any provider since ${formatDate(view.since)}.`
          : `Prices changed ${plural(view.count, 'time')} since ${formatDate(view.since)}.`}{' '}
        {view.latest ? (
          <strong data-testid="latest-change">
            Latest: {percent(view.latest)} on {view.latest.date} at {view.latest.providerName} (input{' '}
            {formatPrice(view.latest.from.input)} → {formatPrice(view.latest.to.input)}, output{' '}
            {formatPrice(view.latest.from.output)} → {formatPrice(view.latest.to.output)} per 1M tokens).
          </strong>
        ) : null}
      </p>
      {(deprecationDate || retirementDate || retired.length > 0) && (
        <ul className="list-none space-y-1 p-0">
          {dates}
          {retired.map((p) => (
            <li key={p.provider}>
              {p.providerName} stopped offering it on {formatDate(p.retirementDate)} (retired).
            </li>
          ))}
        </ul>
      )}
      {view.changed.length > 0 && (
        <div className="grid gap-4 sm:grid-cols-2">
          {view.changed.slice(0, CHARTS_SHOWN).map((p) => (
            <PriceStepChart key={p.provider} view={p} start={view.since!} end={p.retirementDate ?? today} />
          ))}
        </div>
      )}
      {rows.length > 0 && (
        <div className="overflow-x-auto">
          <table className="w-full text-left tabular-nums">
            <caption className="sr-only">Price changes of {modelName}, newest first, in USD per 1M tokens</caption>
            <thead className="text-muted-foreground">
              <tr>
                {['Date', 'Provider', 'Input', 'Output', 'Change'].map((h) => (
                  <th key={h} scope="col" className="py-1 pr-3 font-medium">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((c) => (
                <tr key={`${c.provider}-${c.date}`} className="border-t border-border">
                  <td className="py-1 pr-3 whitespace-nowrap">{c.date}</td>
                  <td className="py-1 pr-3">{c.providerName}</td>
                  <td className="py-1 pr-3 whitespace-nowrap">
                    {formatPrice(c.from.input)} → {formatPrice(c.to.input)}
                  </td>
                  <td className="py-1 pr-3 whitespace-nowrap">
                    {formatPrice(c.from.output)} → {formatPrice(c.to.output)}
                  </td>
                  <td className="py-1 whitespace-nowrap">{c.kind === 'change' ? 'other prices' : percent(c)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {view.unchanged.length > 0 && (
        <p className="text-muted-foreground">
          Unchanged since their records began:{' '}
          {view.unchanged.map((p, i) => (
            <span key={p.provider}>
              {i > 0 ? ', ' : ''}
              {p.providerName} ({p.since})
            </span>
          ))}
          .
        </p>
      )}
    </div>
  )
}
