import type { Metadata } from 'next'

import { getPackedModelsIndex } from '@/lib/catalog'
import { MAX_MODELS, MIN_MODELS } from '@/lib/compare/url'
import { absoluteUrl } from '@/lib/site'
import { todayUtc } from '@/lib/table/filters'
import { parseIndexState } from '@/lib/table/state'
import { ModelsIndex } from '@/components/models-table/models-index'

export const metadata: Metadata = {
  title: 'All models: compare prices, context windows and capabilities',
  description:
    'Every model in the catalog in one table: search, filter by vendor, provider, modality and capability, sort by price or context, and compare.',
  alternates: { canonical: absoluteUrl('/models') },
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

/**
 * Rendered per request: the view (search, filters, sort, columns) comes from the URL, so a
 * shared link or a reload shows the same rows in the first HTML, and the filter form works
 * without JavaScript. The work per request is small: ~340 flat rows, filtered and rendered.
 */
export default async function ModelsPage({ searchParams }: Props) {
  const state = parseIndexState(await searchParams)
  return (
    <div className="space-y-4">
      <div className="space-y-1">
        <h1 className="text-3xl font-bold tracking-tight">Models</h1>
        <p className="text-muted-foreground">
          Every model in the catalog. Search, filter and sort; tick {MIN_MODELS} to {MAX_MODELS} models to compare them
          side by side.
        </p>
      </div>
      {/* Not keyed on the view: the index adopts a navigation's new view itself (use-index-state.ts),
          so a change made while Next is still fetching one is not thrown away by a remount. */}
      <ModelsIndex index={getPackedModelsIndex()} initialState={state} today={todayUtc()} />
    </div>
  )
}
