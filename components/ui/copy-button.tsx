'use client'

import { useEffect, useState } from 'react'

import { cn } from '@/lib/utils'

/** Copies `value` to the clipboard and says so (visibly and to screen readers). */
export function CopyButton({
  value,
  label = 'Copy',
  className,
}: {
  value: string
  label?: string
  className?: string
}) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle')
  // Hydrated: clicks before that do nothing (tests wait for it).
  const [ready, setReady] = useState(false)
  useEffect(() => setReady(true), [])
  useEffect(() => {
    if (state === 'idle') return
    const t = setTimeout(() => setState('idle'), 2000)
    return () => clearTimeout(t)
  }, [state])
  return (
    <button
      type="button"
      data-slot="copy-button"
      data-ready={ready ? 'true' : 'false'}
      onClick={() =>
        navigator.clipboard.writeText(value).then(
          () => setState('copied'),
          () => setState('failed'),
        )
      }
      className={cn(
        'inline-flex min-h-8 items-center rounded-md border bg-card px-2.5 py-1 text-xs font-medium hover:bg-muted',
        className,
      )}
      aria-label={`${label}: ${value.length > 60 ? 'code' : value}`}
    >
      <span aria-live="polite">{state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : label}</span>
    </button>
  )
}
