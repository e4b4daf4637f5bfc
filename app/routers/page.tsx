import type { Metadata } from 'next'

import { getRouters } from '@/lib/catalog'
import { formatPrice } from '@/lib/pricing/format'
import { absoluteUrl } from '@/lib/site'
import { Link } from '@/components/ui/link'
import { Table, TableFrame, Td, Th } from '@/components/ui/table'

export const metadata: Metadata = {
  title: 'Routers',
  description: 'Named, weighted routes across models, called by name like a model: for A/B tests and resilience.',
  alternates: { canonical: absoluteUrl('/routers') },
}

export default function RoutersPage() {
  const routers = getRouters()
  return (
    <div className="space-y-4">
      <h1 className="text-3xl font-bold tracking-tight">Routers</h1>
      <p className="max-w-3xl text-muted-foreground">
        A router spreads calls over several models by weight and falls back to the next one when a model&apos;s
        providers all fail. Call it like a model: <code>&quot;model&quot;: &quot;router/&lt;name&gt;&quot;</code>. The
        response headers <code>x-router-variant</code> and <code>x-provider</code> say who answered.
      </p>
      <TableFrame>
        <Table>
          <caption className="sr-only">Routers, their variants and expected price in USD per 1M tokens</caption>
          <thead>
            <tr>
              <Th scope="col">Router</Th>
              <Th scope="col">Variants</Th>
              <Th scope="col" className="text-right">
                Expected input
              </Th>
              <Th scope="col" className="text-right">
                Expected output
              </Th>
            </tr>
          </thead>
          <tbody>
            {routers.map((r) => (
              <tr key={r.id}>
                <Th scope="row" className="bg-transparent font-normal text-foreground">
                  <Link href={`/routers/${r.slug}`} className="font-medium hover:underline">
                    {r.name}
                  </Link>
                  <div className="text-xs text-muted-foreground">
                    <code>{r.id}</code>
                  </div>
                </Th>
                <Td className="whitespace-normal">
                  {r.variants.map((v) => `${v.modelName} (${v.weight})`).join(' · ')}
                </Td>
                <Td className="text-right tabular-nums">{formatPrice(r.blended?.input)}</Td>
                <Td className="text-right tabular-nums">{formatPrice(r.blended?.output)}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </TableFrame>
    </div>
  )
}
