import type { Model } from '@/lib/catalog'
import { capabilityStates } from '@/lib/catalog/capabilities'
import { CAPABILITIES, MODALITIES, MODALITY_LABELS } from '@/lib/catalog/vocab'
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

/**
 * Each capability: supported, not supported, or (where the flags say no but the model's
 * parameter list has the parameter that turns it on) the parameter, so the page never
 * contradicts its own parameter table.
 */
export function CapabilitiesList({ model }: { model: Model }) {
  return (
    <ul className="grid gap-2 sm:grid-cols-2" aria-label="Capabilities">
      {capabilityStates(model).map((s) => (
        <li
          key={s.capability}
          className="flex flex-wrap items-center gap-x-2 gap-y-0.5 text-sm"
          data-capability={s.capability}
          data-supported={s.state === 'supported'}
          data-parameter={s.state === 'parameter' ? s.parameter : undefined}
        >
          <Mark on={s.state !== 'unsupported'} />
          <span>{CAPABILITIES[s.capability]}</span>
          <span className={cn('text-xs', s.state === 'unsupported' ? 'text-muted-foreground' : 'text-success')}>
            {s.state === 'supported' ? (
              'Supported'
            ) : s.state === 'parameter' ? (
              <>
                Through the <code>{s.parameter}</code> parameter
              </>
            ) : (
              'Not supported'
            )}
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
