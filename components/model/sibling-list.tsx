import type { Model } from '@/lib/catalog'
import { Link } from '@/components/ui/link'

import { modelFigures } from './model-card'

/**
 * "Other models from <vendor>" on a model page: a short list, one line each (the name, a link;
 * context and headline prices; the status when not available). Lighter than a table of the same
 * rows (issue 14: the page's HTML carries every row twice), and the vendor page has the full,
 * sortable table.
 */
export function SiblingList({ models }: { models: Model[] }) {
  return (
    <ul className="divide-y rounded-lg border bg-card text-sm">
      {models.map((m) => (
        <li key={m.id} className="flex flex-wrap items-baseline justify-between gap-x-3 px-3 py-2">
          <Link href={`/models/${m.id}`} className="font-medium hover:underline">
            {m.name}
          </Link>
          <span className="text-xs text-muted-foreground tabular-nums">
            {m.status === 'available' ? modelFigures(m) : `${modelFigures(m)} · ${m.status}`}
          </span>
        </li>
      ))}
    </ul>
  )
}
