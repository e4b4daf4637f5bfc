import type { Model } from '@/lib/catalog'
import { CAPABILITIES, CAPABILITY_KEYS, MODALITIES, MODALITY_LABELS } from '@/lib/catalog/vocab'
import { cn } from '@/lib/utils'

function Mark({ on }: { on: boolean }) {
  return (
    <span
      aria-hidden="true"
      className={cn(
        'inline-flex size-5 items-center justify-center rounded-full text-xs font-bold',
        on ? 'bg-success-soft text-success' : 'bg-muted text-muted-foreground',
      )}
    >
      {on ? '✓' : '–'}
    </span>
  )
}

export function CapabilitiesList({ model }: { model: Model }) {
  return (
    <ul className="grid gap-2 sm:grid-cols-2" aria-label="Capabilities">
      {CAPABILITY_KEYS.map((k) => (
        <li
          key={k}
          className="flex items-center gap-2 text-sm"
          data-capability={k}
          data-supported={model.capabilities[k]}
        >
          <Mark on={model.capabilities[k]} />
          <span>{CAPABILITIES[k]}</span>
          <span className={cn('text-xs', model.capabilities[k] ? 'text-success' : 'text-muted-foreground')}>
            {model.capabilities[k] ? 'Supported' : 'Not supported'}
          </span>
        </li>
      ))}
    </ul>
  )
}

export function Modalities({ model }: { model: Model }) {
  return (
    <dl className="grid gap-4 sm:grid-cols-2">
      {(['input', 'output'] as const).map((dir) => (
        <div key={dir}>
          <dt className="text-sm font-medium">{dir === 'input' ? 'Input' : 'Output'}</dt>
          <dd>
            <ul className="mt-2 flex flex-wrap gap-2" aria-label={`${dir === 'input' ? 'Input' : 'Output'} modalities`}>
              {MODALITIES.map((m) => {
                const on = model.modalities[dir].includes(m)
                return (
                  <li
                    key={m}
                    className={cn(
                      'rounded-md border px-2 py-1 text-xs',
                      on ? 'border-accent bg-accent-soft' : 'text-muted-foreground line-through',
                    )}
                  >
                    {MODALITY_LABELS[m]}
                    <span className="sr-only">{on ? ' (supported)' : ' (not supported)'}</span>
                  </li>
                )
              })}
            </ul>
          </dd>
        </div>
      ))}
    </dl>
  )
}
