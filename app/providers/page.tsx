import type { Metadata } from 'next'

import { getProviderEndpoints, getProviders } from '@/lib/catalog'
import { absoluteUrl } from '@/lib/site'
import { Link } from '@/components/ui/link'
import { Table, TableFrame, Td, Th } from '@/components/ui/table'

export const metadata: Metadata = {
  title: 'Providers',
  description: 'Who serves the models over an API, and how many models each offers.',
  alternates: { canonical: absoluteUrl('/providers') },
}

export default function ProvidersPage() {
  const providers = getProviders().map((p) => ({ ...p, count: getProviderEndpoints(p.id).length }))
  return (
    <div className="space-y-4">
      <h1 className="text-3xl font-bold tracking-tight">Providers</h1>
      <TableFrame>
        <Table>
          <caption className="sr-only">Providers and the number of models each serves</caption>
          <thead>
            <tr>
              <Th scope="col">Provider</Th>
              <Th scope="col" className="text-right">
                Models
              </Th>
              <Th scope="col">OpenAI-compatible API</Th>
            </tr>
          </thead>
          <tbody>
            {providers.map((p) => (
              <tr key={p.id}>
                <Th scope="row" className="bg-transparent font-normal text-foreground">
                  <Link href={`/providers/${p.id}`} className="font-medium hover:underline">
                    {p.name}
                  </Link>
                </Th>
                <Td className="text-right tabular-nums">{p.count}</Td>
                <Td>{p.baseUrl ? <code className="text-xs">{p.baseUrl}</code> : '—'}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </TableFrame>
    </div>
  )
}
