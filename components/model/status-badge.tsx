import type { Model } from '@/lib/catalog'
import { STATUS_LABELS } from '@/lib/catalog/vocab'
import { formatDate } from '@/lib/pricing/format'
import { Badge } from '@/components/ui/badge'

function statusText(model: Pick<Model, 'status' | 'deprecationDate' | 'retirementDate'>): string {
  switch (model.status) {
    case 'available':
      return 'Available now'
    case 'preview':
      return STATUS_LABELS.preview
    case 'deprecated':
      return model.retirementDate
        ? `Deprecated: retires ${formatDate(model.retirementDate)}`
        : model.deprecationDate
          ? `Deprecated since ${formatDate(model.deprecationDate)}`
          : STATUS_LABELS.deprecated
  }
}

export function StatusBadge({ model }: { model: Pick<Model, 'status' | 'deprecationDate' | 'retirementDate'> }) {
  const tone = model.status === 'available' ? 'success' : model.status === 'preview' ? 'warning' : 'danger'
  return <Badge tone={tone}>{statusText(model)}</Badge>
}
