import type { Metadata } from 'next'

import { getModelsIndex, getModelsIndexCounts, getModelsIndexFile, getModelsIndexSearch } from '@/lib/catalog'
import { MAX_MODELS, MIN_MODELS } from '@/lib/compare/url'
import { absoluteUrl } from '@/lib/site'
import { loosenings, todayUtc } from '@/lib/table/filters'
import { packIndex } from '@/lib/table/packed'
import type { IndexState } from '@/lib/table/state'
import { parseFacetPick, parseIndexState } from '@/lib/table/state'
import { searchWithin, viewPage } from '@/lib/table/view'
import { ModelsIndex } from '@/components/models-table/models-index'

export const metadata: Metadata = {
  title: 'All models: compare prices, context windows and capabilities',
  description:
    'Every model in the catalog in one table: search, filter by vendor, provider, modality and capability, sort by price or context, and compare.',
  alternates: { canonical: absoluteUrl('/models') },
}

/** The state with the page actually shown (a page past the end shows the last). */
function withPage(state: IndexState, page: number): IndexState {
  const { page: _asked, ...rest } = state
  return page > 1 ? { ...rest, page } : rest
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

/**
 * Rendered per request: the view (search, filters, sort, columns, page) comes from the URL, so a
 * shared link or a reload shows the same rows in the first HTML, and the filter form and the
 * pager work without JavaScript. The HTML holds one page of the view; the live table fetches
 * every row (/models/index.json, cached) at the reader's first sign of use.
 */
export default async function ModelsPage({ searchParams }: Props) {
  const params = await searchParams
  const state = parseIndexState(params)
  const data = getModelsIndex()
  const today = todayUtc()
  const search = getModelsIndexSearch()
  const page = viewPage(data.rows, search, state, today)
  const facets = { vendors: data.vendors, providers: data.providers }
  const loosen =
    page.shown === 0 ? loosenings(data.rows, state.filters, state.q, searchWithin(search), facets, today) : undefined
  const { page: shownPage, rows, ...served } = page
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
      <ModelsIndex
        first={packIndex({ ...facets, rows })}
        served={{ ...served, page: shownPage, total: data.rows.length }}
        counts={getModelsIndexCounts()}
        loosen={loosen}
        dataUrl={`/models/index.json?v=${getModelsIndexFile().version}`}
        initialState={withPage(state, shownPage)}
        today={today}
        pick={parseFacetPick(params)}
      />
    </div>
  )
}
