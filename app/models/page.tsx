import type { Metadata } from 'next'

import { ModelsTable } from '@/components/model/models-table'
import { getModels } from '@/lib/catalog'
import { absoluteUrl } from '@/lib/site'

export const metadata: Metadata = {
  title: 'All models',
  description: 'Every model in the catalog with its context window, max output and cheapest price per 1M tokens.',
  alternates: { canonical: absoluteUrl('/models') },
}

type Props = { searchParams: Promise<{ q?: string | string[] }> }

const normalise = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '')

export default async function ModelsPage({ searchParams }: Props) {
  const raw = (await searchParams).q
  const q = (Array.isArray(raw) ? raw[0] : raw)?.trim() ?? ''
  const all = getModels()
  const needle = normalise(q)
  const models = needle
    ? all.filter((m) => [m.name, m.id, m.vendorName, ...m.aliases].some((s) => normalise(s).includes(needle)))
    : all
  return (
    <div className="space-y-4">
      <h1 className="text-3xl font-bold tracking-tight">Models</h1>
      <form action="/models" method="get" role="search" className="flex max-w-xl gap-2">
        <label htmlFor="models-search" className="sr-only">Search models</label>
        <input id="models-search" name="q" type="search" defaultValue={q} placeholder="Name, id, vendor or alias" className="min-h-10 flex-1 rounded-md border bg-card px-3" />
        <button type="submit" className="min-h-10 rounded-md bg-accent px-4 font-medium text-accent-foreground">Search</button>
      </form>
      <p className="text-sm text-muted-foreground" aria-live="polite">
        {models.length} of {all.length} models{q ? <> matching “{q}”</> : null}
      </p>
      {models.length > 0 ? (
        <ModelsTable models={models} showVendor caption="Models. Prices in USD per 1M tokens at the cheapest provider." />
      ) : (
        <p>No model matches “{q}”. Try a shorter or different term.</p>
      )}
    </div>
  )
}
