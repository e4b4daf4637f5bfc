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
}) {
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
      <Button size="sm" onClick={() => onExport('csv')} disabled={shown === 0 || exporting}>
        Export CSV
      </Button>
      <Button size="sm" onClick={() => onExport('json')} disabled={shown === 0 || exporting}>
        Export JSON
      </Button>
    </div>
  )
}
