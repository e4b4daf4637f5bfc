import type { EndpointView } from '@/lib/catalog'
import { formatPrice, formatTokens } from '@/lib/pricing/format'
import type { EndpointColumnId, EndpointMeasures } from '@/lib/table/endpoints'
import { toEndpointRow } from '@/lib/table/endpoints'

import { EndpointRowsTableIsland } from './endpoint-rows-table-island'

/** Shown before the rest fold behind "Show all N providers". */
const VISIBLE_PROVIDERS = 5

/** Every provider of a model, cheapest first and sortable; prices in USD per 1M tokens, limits in tokens. */
export function ProvidersTable({
  endpoints,
  modelName,
  measured,
}: {
  endpoints: EndpointView[]
  modelName: string
  /** What this site measured per provider (the Performance section's last 24 hours). */
  measured?: (provider: string) => EndpointMeasures
}) {
  if (endpoints.length === 0)
    return <p className="text-sm text-muted-foreground">No provider serves {modelName} in this catalog yet.</p>
  const hasReasoning = endpoints.some((e) => e.pricing.reasoning !== undefined)
  const columns: EndpointColumnId[] = [
    'provider',
    'context',
    'maxOutput',
    'input',
    'output',
    'cacheRead',
    'cacheWrite',
    ...(hasReasoning ? (['reasoning'] as const) : []),
  ]
  const rows = endpoints.map((e) => toEndpointRow(e, undefined, measured?.(e.provider)))
  // The measured columns only once there is something to show in them.
  if (rows.some((r) => r.ttft !== undefined || r.throughput !== undefined || r.uptime !== undefined))
    columns.push('ttft', 'throughput', 'uptime')
  const tiered = endpoints.filter((e) => e.pricing.tiers?.length)
  const extras = endpoints.filter((e) => e.pricing.request !== undefined || e.pricing.image !== undefined)
  return (
    <div className="space-y-3">
      <EndpointRowsTableIsland
        rows={rows}
        columns={columns}
        rowKey="provider"
        caption={`Providers of ${modelName}, cheapest first. Prices in USD per 1M tokens, limits in tokens.`}
        foldAfter={VISIBLE_PROVIDERS}
        foldNoun="providers"
      />
      {tiered.map((e) => (
        <p key={`tier-${e.provider}`} className="text-sm text-muted-foreground">
          {e.providerName}: for prompts above{' '}
          {(e.pricing.tiers ?? []).map((t, i) => (
            <span key={t.above}>
              {i > 0 ? '; above ' : ''}
              {formatTokens(t.above)} tokens, input {formatPrice(t.input ?? e.pricing.input)} and output{' '}
              {formatPrice(t.output ?? e.pricing.output)}
              {t.cacheRead !== undefined ? `, cache read ${formatPrice(t.cacheRead)}` : ''} per 1M tokens
            </span>
          ))}
          .
        </p>
      ))}
      {extras.map((e) => (
        <p key={`extra-${e.provider}`} className="text-sm text-muted-foreground">
          {e.providerName} also charges
          {e.pricing.request !== undefined ? ` ${formatPrice(e.pricing.request)} per request` : ''}
          {e.pricing.request !== undefined && e.pricing.image !== undefined ? ' and' : ''}
          {e.pricing.image !== undefined ? ` ${formatPrice(e.pricing.image)} per input image` : ''}.
        </p>
      ))}
    </div>
  )
}
