import type { Metadata } from 'next'
import Link from 'next/link'
import { redirect } from 'next/navigation'

import { getModels } from '@/lib/catalog'
import { compareHref, MAX_MODELS, parseCompareParams } from '@/lib/compare/params'
import { compareGroups, resolveIds } from '@/lib/compare/rows'
import { absoluteUrl } from '@/lib/site'
import type { CompareModelView } from '@/components/compare/compare-view'
import { CompareView } from '@/components/compare/compare-view'
import type { PickerOption } from '@/components/compare/model-picker'

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { found } = resolveIds(parseCompareParams(await searchParams).ids, getModels())
  const names = found.slice(0, MAX_MODELS).map((m) => m.name)
  const title =
    names.length >= 2 ? `${names.join(' vs ')}: prices, limits and capabilities` : 'Compare models side by side'
  return {
    title,
    description:
      'Compare up to six language models: prices at every provider, context windows, capabilities, modalities, parameters and what your workload would cost on each.',
    alternates: { canonical: absoluteUrl('/compare') },
    robots: names.length >= 2 ? undefined : { index: false },
  }
}

/** Every model as the picker needs it: a handful of strings, never the documents. */
let pickerOptions: PickerOption[] | undefined
const options = () =>
  (pickerOptions ??= getModels().map((m) => {
    const o: PickerOption = { id: m.id, name: m.name, vendor: m.vendor, vendorName: m.vendorName }
    if (m.aliases.length) o.aliases = m.aliases
    return o
  }))

/**
 * Rendered per request from the URL, so a shared link arrives as a complete comparison (it
 * reads with JavaScript off) and the browser receives the chosen models' facts only, never
 * the catalog. A static shell would have to ship every model's comparison data, or fetch it
 * after load and show an empty table first.
 */
export default async function ComparePage({ searchParams }: Props) {
  const raw = await searchParams
  const params = parseCompareParams(raw)
  const { found, unknown } = resolveIds(params.ids, getModels())
  const chosen = found.slice(0, MAX_MODELS)
  const dropped = found.slice(MAX_MODELS)
  // The picker's no-JavaScript form adds with `add=`; answer with the plain URL of the new set.
  if (raw.add !== undefined && unknown.length === 0) redirect(compareHref({ ...params, ids: chosen.map((m) => m.id) }))

  const models: CompareModelView[] = chosen.map((m) => ({
    id: m.id,
    name: m.name,
    vendorName: m.vendorName,
    endpoints: m.endpoints.map((e) => ({
      provider: e.provider,
      providerName: e.providerName,
      pricing: e.pricing,
      status: e.status,
      offer: e.offer,
    })),
  }))

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
                <Link href={compareHref({ ...params, ids: chosen.map((m) => m.id) })} className="underline">
                  drop {unknown.length === 1 ? 'it' : 'them'} from the link
                </Link>
              </>
            ) : null}
            .
          </p>
        </div>
      ) : null}
      {dropped.length > 0 ? (
        <p role="status" className="rounded-lg border bg-warning-soft p-4 text-sm">
          A comparison holds {MAX_MODELS} models; left out: {dropped.map((m) => m.name).join(', ')}.
        </p>
      ) : null}
      <CompareView
        models={models}
        groups={compareGroups(chosen)}
        options={options()}
        initial={{ ...params, ids: chosen.map((m) => m.id) }}
      />
    </div>
  )
}
