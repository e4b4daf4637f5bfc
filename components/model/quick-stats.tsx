import type { Model } from '@/lib/catalog'
import { MODE_LABELS } from '@/lib/catalog/vocab'
import { formatDate, formatTokens } from '@/lib/pricing/format'

export function QuickStats({ model }: { model: Model }) {
  const rows: Array<[string, string]> = [
    ['Context window', `${formatTokens(model.contextWindow)} tokens`],
    ['Max output', model.maxOutputTokens ? `${formatTokens(model.maxOutputTokens)} tokens` : '—'],
    ['Mode', MODE_LABELS[model.mode]],
    ['Tokenizer', model.tokenizer ?? '—'],
    ['Knowledge cutoff', formatDate(model.knowledgeCutoff)],
    ['Moderated', model.moderated ? 'Yes' : 'No'],
    ['Release date', model.releaseDate ? formatDate(model.releaseDate) : 'Unknown'],
    ['Open weights', model.openWeights ? 'Yes' : 'No'],
    ['License', model.license ?? (model.openWeights ? '—' : 'Proprietary')],
  ]
  if (model.deprecationDate) rows.push(['Deprecated', formatDate(model.deprecationDate)])
  if (model.retirementDate) rows.push(['Retires', formatDate(model.retirementDate)])
  return (
    <dl className="grid grid-cols-1 gap-x-8 sm:grid-cols-2">
      {rows.map(([k, v]) => (
        <div key={k} data-stat={k} className="flex justify-between gap-4 border-b py-2 text-sm">
          <dt className="text-muted-foreground">{k}</dt>
          <dd className="text-right font-medium">{v}</dd>
        </div>
      ))}
    </dl>
  )
}
