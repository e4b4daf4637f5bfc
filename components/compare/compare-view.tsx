'use client'

import { Activity, useEffect, useMemo, useState, useTransition } from 'react'
import { useRouter } from 'next/navigation'

import type { CompareGroup } from '@/lib/compare/rows'
import type { CompareModelView } from '@/lib/compare/selection'
import type { CompareParams } from '@/lib/compare/url'
import { compareHref, MAX_MODELS, MIN_MODELS } from '@/lib/compare/url'
import type { Quote, Workload, WorkloadCost } from '@/lib/compare/workload'
import { DAYS_PER_MONTH, misfitText, multipleOf, quoteWorkload } from '@/lib/compare/workload'
import { useHydrated } from '@/lib/hooks/use-hydrated'
import { formatCost, formatTokens } from '@/lib/pricing/format'
import { cn } from '@/lib/utils'
import { Link } from '@/components/ui/link'
import { WorkloadFields } from '@/components/calculator/workload-fields'

import { CompareTable } from './compare-table'
import { ModelPicker } from './model-picker'

/**
 * The comparison's live parts: the picker, the workload calculator and the differences-only
 * switch. The set of models is server state (adding one renders the page for the new URL, so
 * only the chosen models' data ever reaches the browser); the workload and the switch are
 * client state mirrored into the URL with `history.replaceState`.
 */
export function CompareView(props: CompareViewProps) {
  // A hydration boundary: the comparison hydrates after the page's first task, in slices that
  // yield to the browser (see components/ui/section.tsx for why Activity).
  return (
    <Activity>
      <LiveCompare {...props} />
    </Activity>
  )
}

interface CompareViewProps {
  models: CompareModelView[]
  groups: CompareGroup[]
  initial: CompareParams
}

function LiveCompare({ models, groups, initial }: CompareViewProps) {
  const router = useRouter()
  const [workload, setWorkload] = useState<Workload>(initial.workload)
  const [differencesOnly, setDifferencesOnly] = useState(initial.differencesOnly)
  const [pending, startTransition] = useTransition()
  const hydrated = useHydrated()
  const ids = models.map((m) => m.id)
  const params = { ids, workload, differencesOnly }
  const hrefWith = (nextIds: string[]) => compareHref({ ...params, ids: nextIds })

  const idsKey = ids.join(',')
  useEffect(() => {
    // Debounced: each history write makes Next sync its router, which re-requests the page's
    // icon; typing "123456" must not cost a request per keystroke (issue 15, item 5).
    const t = setTimeout(() => {
      const url = compareHref({ ids: idsKey ? idsKey.split(',') : [], workload, differencesOnly })
      // `null` state: Next's patched history method keeps its own entry state and syncs its router.
      if (url !== `${window.location.pathname}${window.location.search}`) window.history.replaceState(null, '', url)
    }, 300)
    return () => clearTimeout(t)
  }, [idsKey, workload, differencesOnly])

  const quotes = useMemo(() => models.map((m) => quoteWorkload(m.endpoints, workload)), [models, workload])

  return (
    // data-ready: the view is live (hydrated); tests wait for it.
    <div className="space-y-8" data-testid="compare-view" data-ready={hydrated ? '' : undefined}>
      <div className="flex flex-wrap items-end gap-3">
        <ModelPicker
          exclude={ids}
          disabled={ids.length >= MAX_MODELS}
          disabledReason={`A comparison holds up to ${MAX_MODELS} models: remove one to add another.`}
          onPick={(id) => startTransition(() => router.push(hrefWith([...ids, id]), { scroll: false }))}
        />
        <p className="pb-2 text-sm text-muted-foreground" aria-live="polite">
          {pending ? 'Adding…' : `${ids.length} of ${MAX_MODELS} models`}
        </p>
        <noscript>
          <form method="get" action="/compare" className="flex items-end gap-2">
            <input type="hidden" name="models" value={ids.join(',')} />
            {/* No list of every model here (it would ride in every compare page): an id or an exact
                name is enough, and the index lists them. */}
            <label className="text-sm">
              Model id or name
              <input name="add" className="ml-2 min-h-10 rounded-md border bg-card px-3" />
            </label>
            <button type="submit" className="min-h-10 rounded-md bg-accent px-4 font-medium text-accent-foreground">
              Add
            </button>
          </form>
        </noscript>
      </div>

      {models.length < MIN_MODELS ? (
        <p className="rounded-lg border border-dashed p-4 text-sm">
          {models.length === 0
            ? 'Pick at least two models to compare them.'
            : 'Add at least one more model to compare.'}{' '}
          You can also tick models in the{' '}
          <Link href="/models" className="text-accent hover:underline">
            models index
          </Link>{' '}
          and press “Compare”.
        </p>
      ) : null}

      {models.length > 0 ? (
        <section aria-labelledby="workload-title" className="space-y-4">
          <div>
            <h2 id="workload-title" className="text-xl font-semibold tracking-tight">
              What your workload costs
            </h2>
            <p className="text-sm text-muted-foreground">
              Each model at the provider that is cheapest for this workload. A month is {DAYS_PER_MONTH} days.
            </p>
          </div>
          <form method="get" action="/compare" onSubmit={(e) => e.preventDefault()} className="space-y-3">
            <input type="hidden" name="models" value={ids.join(',')} />
            {differencesOnly ? <input type="hidden" name="diff" value="1" /> : null}
            <WorkloadFields workload={workload} onChange={setWorkload} />
            <noscript>
              <button type="submit" className="min-h-10 rounded-md bg-accent px-4 font-medium text-accent-foreground">
                Update
              </button>
            </noscript>
          </form>
          <WorkloadTable models={models} quotes={quotes} workload={workload} />
        </section>
      ) : null}

      {models.length > 0 ? (
        <section aria-labelledby="side-by-side-title" className="space-y-3">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <h2 id="side-by-side-title" className="text-xl font-semibold tracking-tight">
              Side by side
            </h2>
            <a
              href={compareHref({ ...params, differencesOnly: !differencesOnly })}
              role="switch"
              aria-checked={differencesOnly}
              onClick={(e) => {
                e.preventDefault()
                setDifferencesOnly((d) => !d)
              }}
              // A switch toggles with Space as well as Enter (a link alone answers Enter only).
              onKeyDown={(e) => {
                if (e.key === ' ') {
                  e.preventDefault()
                  setDifferencesOnly((d) => !d)
                }
              }}
              className="inline-flex min-h-9 items-center gap-2 rounded-md border bg-card px-3 text-sm font-medium hover:bg-muted"
            >
              <span
                aria-hidden="true"
                className={cn(
                  'relative h-5 w-9 rounded-full transition-colors',
                  differencesOnly ? 'bg-accent' : 'bg-border',
                )}
              >
                <span
                  className={cn(
                    'absolute top-0.5 size-4 rounded-full bg-card shadow transition-all',
                    differencesOnly ? 'left-[1.125rem]' : 'left-0.5',
                  )}
                />
              </span>
              Differences only
            </a>
          </div>
          <CompareTable models={models} groups={groups} differencesOnly={differencesOnly} hrefWith={hrefWith} />
        </section>
      ) : null}
    </div>
  )
}

/**
 * One row per model. Only a priced workload competes for "Cheapest": a model without a live
 * price, or one the workload does not fit (longer than its context window or maximum output),
 * says so in its row and is never marked.
 */
function WorkloadTable({
  models,
  quotes,
  workload,
}: {
  models: CompareModelView[]
  quotes: Quote[]
  workload: Workload
}) {
  const costs = quotes.map((q) => (q.kind === 'priced' ? q.cost : undefined))
  const priced = costs.filter((c): c is WorkloadCost => c !== undefined)
  // "Cheapest" needs a second priced model to be cheaper than.
  const cheapest =
    priced.length < 2
      ? undefined
      : priced.reduce<WorkloadCost | undefined>((a, c) => (!a || c.perRequest.lt(a.perRequest) ? c : a), undefined)
  return (
    <div className="overflow-x-auto rounded-lg border">
      <table className="w-full border-collapse text-sm" data-testid="workload-costs">
        <caption className="sr-only">
          Cost of {formatTokens(workload.requestsPerDay)} requests a day of {formatTokens(workload.inputTokens)} input
          and {formatTokens(workload.outputTokens)} output tokens
          {workload.cachedPercent ? `, ${workload.cachedPercent}% of the input cached` : ''}, in USD.
        </caption>
        <thead>
          <tr className="bg-muted text-left whitespace-nowrap text-muted-foreground">
            <th scope="col" className="sticky left-0 bg-muted px-3 py-2 font-medium">
              Model
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Provider
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              Per request
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              Per day
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              Per month
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              vs cheapest
            </th>
          </tr>
        </thead>
        <tbody>
          {models.map((m, i) => {
            const c = costs[i]
            const q = quotes[i]
            const best = c !== undefined && cheapest !== undefined && c.perRequest.eq(cheapest.perRequest)
            const multiple = c && cheapest ? multipleOf(c.perRequest, cheapest.perRequest) : null
            return (
              <tr
                key={m.id}
                data-model={m.id}
                className={cn('border-t', best ? '[&>*]:bg-success-soft' : '[&>*]:bg-card')}
              >
                <th scope="row" className="sticky left-0 px-3 py-2 text-left font-medium whitespace-nowrap">
                  {m.name}
                  {best ? (
                    <span className="ml-2 rounded-full bg-success-soft px-2 py-0.5 text-xs font-medium text-success">
                      Cheapest
                    </span>
                  ) : q?.kind === 'misfit' ? (
                    // In the sticky column, so a phone shows it without scrolling to the reason.
                    <span className="ml-2 rounded-full bg-warning-soft px-2 py-0.5 text-xs font-medium text-warning">
                      Too long
                    </span>
                  ) : null}
                </th>
                {c ? (
                  <>
                    <td className="px-3 py-2 whitespace-nowrap">{c.endpoint.providerName}</td>
                    <td className="px-3 py-2 text-right whitespace-nowrap tabular-nums" data-cost="request">
                      {formatCost(c.perRequest)}
                    </td>
                    <td className="px-3 py-2 text-right whitespace-nowrap tabular-nums" data-cost="day">
                      {formatCost(c.perDay)}
                    </td>
                    <td className="px-3 py-2 text-right whitespace-nowrap tabular-nums" data-cost="month">
                      {formatCost(c.perMonth)}
                    </td>
                    <td className="px-3 py-2 text-right whitespace-nowrap tabular-nums" data-cost="multiple">
                      {multiple ?? '—'}
                    </td>
                  </>
                ) : q?.kind === 'misfit' ? (
                  <td colSpan={5} className="min-w-72 px-3 py-2" data-cost="misfit">
                    <strong className="font-medium">Does not fit:</strong> {misfitText(q.misfit, workload)}
                  </td>
                ) : (
                  <td colSpan={5} className="px-3 py-2 text-muted-foreground" data-cost="unpriced">
                    No price: no provider prices this model.
                  </td>
                )}
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
