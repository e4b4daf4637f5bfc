import Link from 'next/link'

import { Table, TableFrame, Td, Th } from '@/components/ui/table'
import type { Model } from '@/lib/catalog'
import { formatPrice, formatTokens } from '@/lib/pricing/format'
import { StatusBadge } from './status-badge'

/** A compact table of models: context, max output and cheapest prices (USD per 1M tokens). */
export function ModelsTable({ models, caption, showVendor = false }: { models: Model[]; caption: string; showVendor?: boolean }) {
  return (
    <TableFrame>
      <Table>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <Th scope="col" className="sticky left-0 z-[1]">Model</Th>
            {showVendor ? <Th scope="col">Vendor</Th> : null}
            <Th scope="col" className="text-right">Context</Th>
            <Th scope="col" className="text-right">Max output</Th>
            <Th scope="col" className="text-right">Input</Th>
            <Th scope="col" className="text-right">Output</Th>
            <Th scope="col">Status</Th>
          </tr>
        </thead>
        <tbody>
          {models.map((m) => (
            <tr key={m.id}>
              <Th scope="row" className="sticky left-0 bg-card font-normal text-foreground">
                <Link href={`/models/${m.id}`} className="font-medium hover:underline">{m.name}</Link>
                <div className="text-xs text-muted-foreground"><code>{m.id}</code></div>
              </Th>
              {showVendor ? <Td>{m.vendorName}</Td> : null}
              <Td className="text-right tabular-nums">{formatTokens(m.contextWindow)}</Td>
              <Td className="text-right tabular-nums">{formatTokens(m.maxOutputTokens)}</Td>
              <Td className="text-right tabular-nums">{formatPrice(m.cheapest?.pricing.input)}</Td>
              <Td className="text-right tabular-nums">{formatPrice(m.cheapest?.pricing.output)}</Td>
              <Td><StatusBadge model={m} /></Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </TableFrame>
  )
}
