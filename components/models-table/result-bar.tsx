import type { MouseEvent } from 'react'

import { MAX_MODELS, MIN_MODELS } from '@/lib/compare/limits'
import { formatCount, plural } from '@/lib/utils'
import { Button, buttonClass } from '@/components/ui/button'
import { Link } from '@/components/ui/link'

/** Above the table: how many models match, the ticked rows' Compare link, and the exports. */
export function ResultBar({
  shown,
  total,
  selectedIds,
  onClearSelection,
  onExport,
  exporting,
  viewQuery,
}: {
  /** Rows in the view; `undefined` while the view asked for waits for every row to arrive. */
  shown: number | undefined
  total: number
  /** Ticked model ids, in the order ticked. */
  selectedIds: readonly string[]
  onClearSelection: () => void
  onExport: (kind: 'csv' | 'json') => void
  /** An export waits for every row to arrive. */
  exporting?: boolean
  /** The view's query string (search, filters, sort, columns): the server makes the same files from it. */
  viewQuery: string
}) {
  // With JavaScript the file is made here, from the rows the table holds; without it (or before
  // hydration) the buttons submit the view to /models/export.csv|json, which makes the same file.
  const inBrowser = (kind: 'csv' | 'json') => (e: MouseEvent) => {
    e.preventDefault()
    onExport(kind)
  }
  return (
    <div className="flex flex-wrap items-center gap-2">
      <p className="mr-auto text-sm font-medium" role="status" aria-live="polite" data-testid="result-count">
        {shown === undefined
          ? `Loading all ${plural(total, 'model')}…`
          : `${formatCount(shown)} of ${plural(total, 'model')}`}
      </p>
      {selectedIds.length > 0 ? (
        <Button size="sm" variant="ghost" onClick={onClearSelection}>
          Clear selection
        </Button>
      ) : null}
      {selectedIds.length >= MIN_MODELS ? (
        <Link
          href={`/compare?models=${selectedIds.join(',')}`}
          className={buttonClass({ variant: 'primary', size: 'sm' })}
        >
          Compare ({selectedIds.length})
        </Link>
      ) : (
        <Button
          size="sm"
          variant="primary"
          disabled
          title={`Tick ${MIN_MODELS} to ${MAX_MODELS} models to compare them`}
        >
          Compare ({selectedIds.length})
        </Button>
      )}
      <form method="get" action="/models/export.csv" className="contents">
        {[...new URLSearchParams(viewQuery)].map(([name, value]) => (
          <input key={`${name}=${value}`} type="hidden" name={name} value={value} />
        ))}
        <Button type="submit" size="sm" onClick={inBrowser('csv')} disabled={shown === 0 || exporting}>
          Export CSV
        </Button>
        <Button
          type="submit"
          formAction="/models/export.json"
          size="sm"
          onClick={inBrowser('json')}
          disabled={shown === 0 || exporting}
        >
          Export JSON
        </Button>
      </form>
    </div>
  )
}
