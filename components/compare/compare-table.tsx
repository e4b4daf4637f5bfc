import type { CompareGroup, CompareRow } from '@/lib/compare/rows'
import { cn } from '@/lib/utils'
import { Link } from '@/components/ui/link'

interface Column {
  id: string
  name: string
  vendorName: string
}

function Mark({ on }: { on: boolean }) {
  return (
    <span
      aria-hidden="true"
      className={cn(
        'mr-1.5 inline-flex size-4 items-center justify-center rounded-full text-[0.65rem] font-bold',
        on ? 'bg-success-soft text-success' : 'bg-muted text-muted-foreground',
      )}
    >
      {on ? '✓' : '–'}
    </span>
  )
}

const iconLink = 'inline-flex size-7 items-center justify-center rounded-md border bg-card text-xs hover:bg-muted'

/**
 * The grouped side-by-side table: one column per model (with move and remove links, which are
 * plain URLs, so they work without JavaScript; never prefetched: their URLs carry the workload,
 * so each keystroke in the calculator would prefetch every one of them again), one row per fact, the best value of each row
 * highlighted and named for screen readers. "Differences only" hides rows where every model
 * agrees (and groups left empty).
 */
export function CompareTable({
  models,
  groups,
  differencesOnly,
  hrefWith,
}: {
  models: Column[]
  groups: CompareGroup[]
  differencesOnly: boolean
  hrefWith: (ids: string[]) => string
}) {
  const ids = models.map((m) => m.id)
  const shown = groups
    .map((g) => ({ ...g, rows: differencesOnly && models.length > 1 ? g.rows.filter((r) => !r.same) : g.rows }))
    .filter((g) => g.rows.length > 0)
  const hidden = groups.reduce((n, g) => n + g.rows.length, 0) - shown.reduce((n, g) => n + g.rows.length, 0)
  const move = (i: number, by: number) => {
    const next = [...ids]
    const [id] = next.splice(i, 1)
    next.splice(i + by, 0, id!)
    return hrefWith(next)
  }
  return (
    <div className="space-y-2">
      {differencesOnly && hidden > 0 ? (
        <p className="text-sm text-muted-foreground" role="status">
          Hiding {hidden} {hidden === 1 ? 'row' : 'rows'} where all models agree.
        </p>
      ) : null}
      <div className="overflow-x-auto rounded-lg border">
        <table className="w-full border-separate border-spacing-0 text-sm" data-testid="compare-table">
          <caption className="sr-only">
            {models.map((m) => m.name).join(', ')} side by side. Prices in USD per 1M tokens at each model&apos;s
            cheapest provider. The best value in a row is marked.
          </caption>
          <thead>
            <tr>
              <td className="sticky left-0 z-[1] w-32 min-w-32 border-b bg-muted sm:w-56 sm:min-w-56" />
              {models.map((m, i) => (
                <th
                  key={m.id}
                  scope="col"
                  data-model={m.id}
                  className="min-w-36 border-b border-l bg-muted px-3 py-2 text-left align-top font-medium sm:min-w-44"
                >
                  <Link href={`/models/${m.id}`} className="block font-semibold text-foreground hover:underline">
                    {m.name}
                  </Link>
                  <span className="block text-xs font-normal text-muted-foreground">{m.vendorName}</span>
                  <span className="mt-2 flex gap-1">
                    {i > 0 ? (
                      <Link
                        href={move(i, -1)}
                        scroll={false}
                        prefetch={false}
                        className={iconLink}
                        aria-label={`Move ${m.name} left`}
                        title="Move left"
                      >
                        ←
                      </Link>
                    ) : null}
                    {i < models.length - 1 ? (
                      <Link
                        href={move(i, 1)}
                        scroll={false}
                        prefetch={false}
                        className={iconLink}
                        aria-label={`Move ${m.name} right`}
                        title="Move right"
                      >
                        →
                      </Link>
                    ) : null}
                    <Link
                      href={hrefWith(ids.filter((x) => x !== m.id))}
                      scroll={false}
                      prefetch={false}
                      className={iconLink}
                      aria-label={`Remove ${m.name}`}
                      title="Remove"
                    >
                      ✕
                    </Link>
                  </span>
                </th>
              ))}
            </tr>
          </thead>
          {shown.map((g) => (
            <tbody key={g.key} data-group={g.key}>
              <tr>
                <th
                  scope="colgroup"
                  colSpan={models.length + 1}
                  className="border-b bg-card px-3 pt-4 pb-1 text-left text-xs font-semibold tracking-wide text-muted-foreground uppercase"
                >
                  <span className="sticky left-3">
                    {g.title}
                    {g.note ? <span className="ml-2 font-normal tracking-normal normal-case">{g.note}</span> : null}
                  </span>
                </th>
              </tr>
              {g.rows.map((r) => (
                <Row key={r.key} row={r} ids={ids} />
              ))}
            </tbody>
          ))}
        </table>
      </div>
    </div>
  )
}

/** One fact: `row.cells[i]` is the value of the model `ids[i]`. */
function Row({ row, ids }: { row: CompareRow; ids: readonly string[] }) {
  return (
    <tr data-row={row.key}>
      <th scope="row" className="sticky left-0 z-[1] border-b bg-card px-3 py-2 text-left align-top font-normal">
        <span className="block">{row.label}</span>
        {row.hint ? <span className="block text-xs text-muted-foreground">{row.hint}</span> : null}
      </th>
      {row.cells.map((c, i) => {
        const best = row.best[i] === true
        return (
          <td
            key={ids[i]}
            data-best={best ? '' : undefined}
            className={cn(
              'border-b border-l px-3 py-2 align-top',
              best && 'bg-success-soft/60',
              c.missing && 'text-muted-foreground',
            )}
          >
            {c.flag !== undefined ? <Mark on={c.flag} /> : null}
            <span className={cn(best && 'font-semibold')}>{c.text}</span>
            {best && c.flag === undefined && row.bestWord ? (
              <span className="ml-2 inline-block rounded-full bg-success-soft px-2 py-0.5 text-xs font-medium text-success">
                {row.bestWord[0]!.toUpperCase() + row.bestWord.slice(1)}
              </span>
            ) : best ? (
              <span className="sr-only"> ({row.bestWord ?? 'best'})</span>
            ) : null}
            {c.note ? <span className="block text-xs text-muted-foreground">{c.note}</span> : null}
          </td>
        )
      })}
    </tr>
  )
}
