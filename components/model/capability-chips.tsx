import type { Model } from '@/lib/catalog'
import { formatTokensCompact } from '@/lib/pricing/format'
import { Badge } from '@/components/ui/badge'

/** The short chips under a model's name: what it reads and the headline features. */
function capabilityChips(model: Model): string[] {
  const c = model.capabilities
  const chips: string[] = []
  if (model.modalities.input.includes('text')) chips.push('Text')
  if (c.vision || model.modalities.input.includes('image')) chips.push('Vision')
  if (model.modalities.input.includes('audio')) chips.push('Audio')
  if (model.modalities.input.includes('video')) chips.push('Video')
  if (c.fileInput || model.modalities.input.includes('file')) chips.push('Files')
  if (c.tools) chips.push('Tools')
  if (c.reasoning) chips.push('Reasoning')
  if (c.structuredOutputs) chips.push('Structured outputs')
  if (c.promptCaching) chips.push('Cache')
  if (c.webSearch) chips.push('Web search')
  chips.push(`${formatTokensCompact(model.contextWindow)} context`)
  if (model.openWeights) chips.push('Open weights')
  return chips
}

export function CapabilityChips({ model }: { model: Model }) {
  return (
    <ul aria-label="Highlights" className="flex flex-wrap gap-2">
      {capabilityChips(model).map((chip) => (
        <li key={chip}>
          <Badge tone="accent">{chip}</Badge>
        </li>
      ))}
    </ul>
  )
}
