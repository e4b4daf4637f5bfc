import Link from 'next/link'

import { Badge } from '@/components/ui/badge'
import { Table, TableFrame, Td, Th } from '@/components/ui/table'
import type { EndpointView } from '@/lib/catalog'
import { formatPrice, formatTokens } from '@/lib/pricing/format'

/** Shown before the rest fold behind "+N providers". */
export const VISIBLE_PROVIDERS = 5

function EndpointTable({ endpoints, caption }: { endpoints: EndpointView[]; caption: string }) {
  const hasReasoning = endpoints.some((e) => e.pricing.reasoning !== undefined)
  return (
    <TableFrame>
      <Table>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <Th scope="col">Provider</Th>
            <Th scope="col" className="text-right">Context</Th>
            <Th scope="col" className="text-right">Max output</Th>
            <Th scope="col" className="text-right">Input</Th>
            <Th scope="col" className="text-right">Output</Th>
            <Th scope="col" className="text-right">Cache read</Th>
            <Th scope="col" className="text-right">Cache write</Th>
            {hasReasoning ? <Th scope="col" className="text-right">Reasoning</Th> : null}
          </tr>
        </thead>
        <tbody>
          {endpoints.map((e) => (
            <tr key={`${e.provider}/${e.modelId}`} data-provider={e.provider} className={e.cheapest ? 'bg-success-soft/40' : undefined}>
              <Th scope="row" className="bg-transparent font-normal text-foreground">
                <Link href={`/providers/${e.provider}`} className="font-medium hover:underline">{e.providerName}</Link>
                {e.cheapest ? <Badge tone="success" className="ml-2">Cheapest</Badge> : null}
                {e.status !== 'available' ? <Badge tone={e.status === 'preview' ? 'warning' : 'danger'} className="ml-2">{e.status}</Badge> : null}
                <div className="text-xs text-muted-foreground"><code>{e.modelId}</code></div>
              </Th>
              <Td className="text-right tabular-nums">{formatTokens(e.contextWindow)}</Td>
              <Td className="text-right tabular-nums">{formatTokens(e.maxOutputTokens)}</Td>
              <Td className="text-right tabular-nums">{formatPrice(e.pricing.input)}</Td>
              <Td className="text-right tabular-nums">{formatPrice(e.pricing.output)}</Td>
              <Td className="text-right tabular-nums">{formatPrice(e.pricing.cacheRead)}</Td>
              <Td className="text-right tabular-nums">{formatPrice(e.pricing.cacheWrite)}</Td>
              {hasReasoning ? <Td className="text-right tabular-nums">{formatPrice(e.pricing.reasoning)}</Td> : null}
            </tr>
          ))}
        </tbody>
      </Table>
    </TableFrame>
  )
}

/** Every provider of a model, cheapest first; prices in USD per 1M tokens, limits in tokens. */
export function ProvidersTable({ endpoints, modelName }: { endpoints: EndpointView[]; modelName: string }) {
  if (endpoints.length === 0) return <p className="text-sm text-muted-foreground">No provider serves {modelName} in this catalog yet.</p>
  const shown = endpoints.slice(0, VISIBLE_PROVIDERS)
  const rest = endpoints.slice(VISIBLE_PROVIDERS)
  const tiered = endpoints.filter((e) => e.pricing.tiers?.length)
  const extras = endpoints.filter((e) => e.pricing.request !== undefined || e.pricing.image !== undefined)
  return (
    <div className="space-y-3">
      <EndpointTable endpoints={shown} caption={`Providers of ${modelName}, cheapest first. Prices in USD per 1M tokens.`} />
      {rest.length > 0 ? (
        <details className="group">
          <summary className="cursor-pointer text-sm font-medium text-accent hover:underline">+{rest.length} providers</summary>
          <div className="mt-3">
            <EndpointTable endpoints={rest} caption={`More providers of ${modelName}. Prices in USD per 1M tokens.`} />
          </div>
        </details>
      ) : null}
      {tiered.map((e) => (
        <p key={`tier-${e.provider}`} className="text-sm text-muted-foreground">
          {e.providerName}: for prompts above{' '}
          {(e.pricing.tiers ?? []).map((t, i) => (
            <span key={t.above}>
              {i > 0 ? '; above ' : ''}
              {formatTokens(t.above)} tokens, input {formatPrice(t.input ?? e.pricing.input)} and output {formatPrice(t.output ?? e.pricing.output)}
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
