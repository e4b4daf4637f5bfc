import type { Metadata } from 'next'
import { redirect } from 'next/navigation'

import { getModels } from '@/lib/catalog'
import { unusableWorkloadParams } from '@/lib/compare/params'
import { comparison, comparisonTitle, selectModels } from '@/lib/compare/selection'
import { MAX_MODELS } from '@/lib/compare/url'
import { absoluteUrl } from '@/lib/site'
import { Link } from '@/components/ui/link'
import { CompareView } from '@/components/compare/compare-view'

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const title = comparisonTitle(selectModels(await searchParams, getModels()).chosen)
  return {
    title: title ?? 'Compare models side by side',
    description: `Compare up to ${MAX_MODELS} language models: prices at every provider, context windows, capabilities, modalities, parameters and what your workload would cost on each.`,
    alternates: { canonical: absoluteUrl('/compare') },
    robots: title ? undefined : { index: false },
  }
}

/**
 * Rendered per request from the URL, so a shared link arrives as a complete comparison (it
 * reads with JavaScript off) and the browser receives the chosen models' facts only, never
 * the catalog. A static shell would have to ship every model's comparison data, or fetch it
 * after load and show an empty table first.
 */
export default async function ComparePage({ searchParams }: Props) {
  const query = await searchParams
  const { params, chosen, dropped, unknown, href, redirect: to } = selectModels(query, getModels())
  if (to) redirect(to)
  const unusable = unusableWorkloadParams(query)
  const { models, groups } = comparison(chosen)

  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-3xl font-bold tracking-tight">Compare models</h1>
        <p className="text-muted-foreground">
          Up to {MAX_MODELS} models side by side: prices at every provider, limits, capabilities, and what your workload
          costs on each.
        </p>
      </div>
      {unknown.length > 0 ? (
        <div
          role="alert"
          className="rounded-lg border border-danger/40 bg-danger-soft p-4 text-sm"
          data-testid="unknown-models"
        >
          <p className="font-medium">
            {unknown.length === 1 ? 'This model is' : 'These models are'} not in the catalog:{' '}
            {unknown.map((id, i) => (
              <span key={id}>
                {i > 0 ? ', ' : ''}
                <code>{id}</code>
              </span>
            ))}
            .
          </p>
          <p className="mt-1">
            {chosen.length > 0 ? 'The others are compared below. ' : ''}Check the id in the{' '}
            <Link href="/models" className="underline">
              models index
            </Link>
            {chosen.length > 0 ? (
              <>
                , or{' '}
                {/* A plain link, a full page load: a client navigation from here sometimes changed the URL
                    without rendering the new view (a click soon after load, on a freshly started
                    server, in the browser tests). */}
                <a href={href} className="underline">
                  drop {unknown.length === 1 ? 'it' : 'them'} from the link
                </a>
              </>
            ) : null}
            .
          </p>
        </div>
      ) : null}
      {unusable.length > 0 ? (
        <p role="status" className="rounded-lg border bg-warning-soft p-4 text-sm" data-testid="unusable-workload">
          The link&apos;s {unusable.length === 1 ? 'number' : 'numbers'}{' '}
          {unusable.map((u, i) => (
            <span key={u}>
              {i > 0 ? ', ' : ''}
              <code>{u}</code>
            </span>
          ))}{' '}
          could not be used (token and request counts are whole numbers of 0 or more, the cached share 0 to 100 %): the
          workload below uses the starting {unusable.length === 1 ? 'value' : 'values'} instead.
        </p>
      ) : null}
      {dropped.length > 0 ? (
        <p role="status" className="rounded-lg border bg-warning-soft p-4 text-sm">
          A comparison holds {MAX_MODELS} models; left out: {dropped.map((m) => m.name).join(', ')}.
        </p>
      ) : null}
      <CompareView models={models} groups={groups} initial={params} />
    </div>
  )
}
