import type { Metadata } from 'next'

import { getCatalogChanges, getProviders, getVendors } from '@/lib/catalog'
import { CHANGE_KINDS, changeDetail, changeTitle, filterChanges, parseChangesQuery } from '@/lib/catalog/changes'
import { absoluteUrl } from '@/lib/site'
import { plural } from '@/lib/utils'
import { Link } from '@/components/ui/link'

export const metadata: Metadata = {
  title: 'Changes: price cuts and rises, new models, deprecations and retirements',
  description:
    'Every dated change in the catalog, newest first: price cuts and rises with the percentage, new models and providers, deprecations and retirements.',
  alternates: {
    canonical: absoluteUrl('/changes'),
    types: { 'application/atom+xml': absoluteUrl('/changes.xml') },
  },
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

/**
 * Rendered per request: the filters (vendor, provider, kind) and the page come from the URL, and
 * the filter bar is a plain GET form, so the page works without JavaScript.
 */
export default async function ChangesPage({ searchParams }: Props) {
  const query = parseChangesQuery(await searchParams)
  const { items, total, page, pages } = filterChanges(getCatalogChanges(), query)
  const providers = getProviders()
  const providerName = new Map(providers.map((p) => [p.id, p.name]))
  const name = (id: string) => providerName.get(id) ?? id
  const pageHref = (n: number) => {
    const p = new URLSearchParams()
    if (query.vendor) p.set('vendor', query.vendor)
    if (query.provider) p.set('provider', query.provider)
    if (query.kind) p.set('kind', query.kind)
    if (n > 1) p.set('page', String(n))
    const s = p.toString()
    return s ? `/changes?${s}` : '/changes'
  }
  return (
    <div className="space-y-4">
      <div className="space-y-1">
        <h1 className="text-3xl font-bold tracking-tight">Changes</h1>
        <p className="text-muted-foreground">
          What changed in the catalog, newest first: price cuts and rises (input + output per 1M tokens), new models and
          providers, deprecations and retirements. Follow it as an <a href="/changes.xml">Atom feed</a>.
        </p>
      </div>
      <form method="get" action="/changes" className="flex flex-wrap items-end gap-3 text-sm">
        <FilterSelect
          label="Vendor"
          name="vendor"
          value={query.vendor}
          options={getVendors().map((v) => [v.id, v.name])}
        />
        <FilterSelect
          label="Provider"
          name="provider"
          value={query.provider}
          options={providers.map((p) => [p.id, p.name])}
        />
        <FilterSelect label="Kind" name="kind" value={query.kind} options={Object.entries(CHANGE_KINDS)} />
        <button type="submit" className="rounded bg-accent px-3 py-1 text-accent-foreground">
          Filter
        </button>
      </form>
      <p className="text-sm text-muted-foreground" data-testid="changes-count">
        {total === 0
          ? 'No change matches.'
          : `${plural(total, 'change')}${pages > 1 ? `, page ${page} of ${pages}` : ''}.`}
      </p>
      <ol className="list-none space-y-2 p-0">
        {items.map((c) => (
          <li
            key={`${c.date}-${c.kind}-${c.model}-${c.provider ?? ''}`}
            className="border-t border-border pt-2"
            data-kind={c.kind}
          >
            <span className="mr-2 text-sm text-muted-foreground tabular-nums">{c.date}</span>
            <Link href={`/models/${c.model}`} prefetch={false} className="hover:underline">
              {changeTitle(c, name)}
            </Link>
            {changeDetail(c) ? <span className="ml-2 text-sm text-muted-foreground">{changeDetail(c)}</span> : null}
          </li>
        ))}
      </ol>
      {pages > 1 ? (
        <nav aria-label="Pages" className="flex gap-4 text-sm">
          {page > 1 ? <a href={pageHref(page - 1)}>← Newer</a> : null}
          {page < pages ? <a href={pageHref(page + 1)}>Older →</a> : null}
        </nav>
      ) : null}
    </div>
  )
}

/** One filter of the GET form: "Any" or one of `options` (value, label). */
function FilterSelect({
  label,
  name,
  value,
  options,
}: {
  label: string
  name: string
  value: string | undefined
  options: Array<[string, string]>
}) {
  return (
    <label className="flex flex-col gap-1">
      {label}
      <select name={name} defaultValue={value ?? ''} className="rounded border border-border bg-background px-2 py-1">
        <option value="">Any</option>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </label>
  )
}
