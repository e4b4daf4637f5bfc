import type { Model } from '@/lib/catalog'
import { Table, TableFrame, Td, Th } from '@/components/ui/table'

export function ParametersTable({ model }: { model: Model }) {
  if (model.parameters.length === 0) {
    return <p className="text-sm text-muted-foreground">No request parameters are recorded for {model.name} yet.</p>
  }
  return (
    <TableFrame className="max-w-xl">
      <Table>
        <caption className="sr-only">{`Request parameters ${model.name} supports`}</caption>
        <thead>
          <tr>
            <Th scope="col">Parameter</Th>
            <Th scope="col">Default</Th>
          </tr>
        </thead>
        <tbody>
          {model.parameters.map((p) => (
            <tr key={p.name}>
              <Td>
                <code>{p.name}</code>
              </Td>
              <Td className="text-muted-foreground">
                {p.default === undefined ? '—' : <code>{String(p.default)}</code>}
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </TableFrame>
  )
}
