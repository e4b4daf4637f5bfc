/** Small hand-made rows for lib/table's unit tests. */
import type { ModelRow } from '@/lib/table/rows'

export function row(id: string, over: Partial<ModelRow> = {}): ModelRow {
  const [vendor = '', slug = id] = id.split('/')
  return {
    id,
    name: slug,
    vendor,
    vendorName: vendor.toUpperCase(),
    context: 128_000,
    input: 1,
    output: 2,
    providers: ['p1'],
    inputModalities: ['text'],
    outputModalities: ['text'],
    capabilities: ['tools', 'streaming'],
    released: '2025-01-01',
    status: 'available',
    openWeights: false,
    ...over,
  }
}
