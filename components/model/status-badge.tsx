import type { Model } from '@/lib/catalog'
import { formatDate } from '@/lib/pricing/format'
import { Badge } from '@/components/ui/badge'

export function statusText(model: Pick<Model, 'status' | 'deprecationDate' | 'retirementDate'>): string {
  switch (model.status) {
    case 'available':
      return 'Available now'
    case 'preview':
      return 'Preview'
    case 'deprecated':
      return model.retirementDate
        ? `Deprecated: retires ${formatDate(model.retirementDate)}`
        : model.deprecationDate
          ? `Deprecated since ${formatDate(model.deprecationDate)}`
          : 'Deprecated'
  }
}

export function StatusBadge({ model }: { model: Pick<Model, 'status' | 'deprecationDate' | 'retirementDate'> }) {
  const tone = model.status === 'available' ? 'success' : model.status === 'preview' ? 'warning' : 'danger'
  return <Badge tone={tone}>{statusText(model)}</Badge>
}
