'use client'

import { useEffect, useState } from 'react'

import { cn } from '@/lib/utils'

/**
 * Copies code and says so, visibly and to screen readers. Where the Clipboard API is missing
 * (pages served over plain http from another host), it selects the code so Ctrl+C copies it.
 */
export function CopyCodeButton({ text, codeId, className }: { text: string; codeId: string; className?: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'selected' | 'failed'>('idle')
  useEffect(() => {
    if (state === 'idle') return
    const t = setTimeout(() => setState('idle'), 2000)
    return () => clearTimeout(t)
  }, [state])

  function selectCode() {
    const el = document.getElementById(codeId)
    const selection = window.getSelection()
    if (!el || !selection) return setState('failed')
    selection.selectAllChildren(el)
    setState('selected')
  }

  function copy() {
    if (!navigator.clipboard?.writeText) return selectCode()
    navigator.clipboard.writeText(text).then(() => setState('copied'), selectCode)
  }

  const label = { idle: 'Copy code', copied: 'Copied', selected: 'Selected: press Ctrl+C', failed: 'Copy failed' }[
    state
  ]
  return (
    <button
      type="button"
      onClick={copy}
      className={cn(
        'inline-flex min-h-8 items-center rounded-md border bg-card px-2.5 py-1 text-xs font-medium hover:bg-muted',
        className,
      )}
    >
      <span aria-live="polite">{label}</span>
    </button>
  )
}
