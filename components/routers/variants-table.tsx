import type { Router } from '@/lib/catalog'
import { formatPrice } from '@/lib/pricing/format'
import { Link } from '@/components/ui/link'
import { Table, TableFrame, Td, Th } from '@/components/ui/table'

const percent = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 })

/** A router's variants: weight, share of calls, and each model's cheapest prices (USD per 1M tokens). */
export function VariantsTable({ router }: { router: Router }) {
  return (
    <TableFrame>
      <Table>
        <caption className="sr-only">
          Variants of {router.name}. Prices in USD per 1M tokens at each model&apos;s cheapest provider.
        </caption>
        <thead>
          <tr>
            <Th scope="col">Model</Th>
            <Th scope="col" className="text-right">
              Weight
            </Th>
            <Th scope="col" className="text-right">
              Share of calls
            </Th>
            <Th scope="col" className="text-right">
              Input
            </Th>
            <Th scope="col" className="text-right">
              Output
            </Th>
            <Th scope="col">Defaults</Th>
          </tr>
        </thead>
        <tbody>
          {router.variants.map((v) => (
            <tr key={v.model}>
              <Th scope="row" className="bg-transparent font-normal text-foreground">
                <Link href={`/models/${v.model}`} className="font-medium hover:underline">
                  {v.modelName}
                </Link>
                <div className="text-xs text-muted-foreground">
                  <code>{v.model}</code>
                </div>
              </Th>
              <Td className="text-right tabular-nums">{v.weight}</Td>
              <Td className="text-right tabular-nums">{percent.format(v.share)}</Td>
              <Td className="text-right tabular-nums">{formatPrice(v.cheapest?.pricing.input)}</Td>
              <Td className="text-right tabular-nums">{formatPrice(v.cheapest?.pricing.output)}</Td>
              <Td className="text-xs">
                {v.defaults ? (
                  Object.entries(v.defaults).map(([k, val]) => (
                    <code key={k} className="mr-2">
                      {k}={String(val)}
                    </code>
                  ))
                ) : (
                  <span className="text-muted-foreground">—</span>
                )}
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </TableFrame>
  )
}
