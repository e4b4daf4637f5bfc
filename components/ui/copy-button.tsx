'use client'

import { useEffect, useState } from 'react'

import { useHydrated } from '@/lib/hooks/use-hydrated'
import { cn } from '@/lib/utils'

type CopyState = 'idle' | 'copied' | 'selected' | 'failed'

/**
 * Copies `value` to the clipboard and says so, visibly and to screen readers. Where the
 * Clipboard API is missing or refuses (pages served over plain http from another host), it
 * selects the element `selectId` names instead, so Ctrl+C copies it.
 */
export function CopyButton({
  value,
  label = 'Copy',
  accessibleName,
  selectId,
  className,
}: {
  value: string
  /** The button's text while idle. */
  label?: string
  /** A fixed accessible name, where the label alone does not say what is copied ("Copy id: …"). */
  accessibleName?: string
  /** Id of the element holding the text, selected when copying fails. */
  selectId?: string
  className?: string
}) {
  const [state, setState] = useState<CopyState>('idle')
  // Clicks before hydration do nothing; tests wait for data-ready.
  const ready = useHydrated()
  useEffect(() => {
    if (state === 'idle') return
    const t = setTimeout(() => setState('idle'), 2000)
    return () => clearTimeout(t)
  }, [state])

  function select() {
    const el = selectId ? document.getElementById(selectId) : null
    const selection = window.getSelection()
    if (!el || !selection) return setState('failed')
    selection.selectAllChildren(el)
    setState('selected')
  }

  function copy() {
    if (!navigator.clipboard?.writeText) return select()
    navigator.clipboard.writeText(value).then(() => setState('copied'), select)
  }

  const text = { idle: label, copied: 'Copied', selected: 'Selected: press Ctrl+C', failed: 'Copy failed' }[state]
  return (
    <button
      type="button"
      data-slot="copy-button"
      data-ready={ready ? 'true' : 'false'}
      onClick={copy}
      className={cn(
        'inline-flex min-h-8 items-center rounded-md border bg-card px-2.5 py-1 text-xs font-medium hover:bg-muted',
        className,
      )}
      aria-label={accessibleName}
    >
      <span aria-live="polite">{text}</span>
    </button>
  )
}
