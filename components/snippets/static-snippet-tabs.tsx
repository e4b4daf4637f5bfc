'use client'

import { useEffect, useId, useState } from 'react'

import { LANGUAGE_STORAGE_KEY } from '@/lib/snippets/languages'
import type { Segment } from '@/lib/snippets/segments'

import { CopyCodeButton } from './copy-code-button'
import { HighlightedCode } from './highlighted-code'
import { LanguageTabs } from './language-tabs'

export interface StaticSnippet {
  id: string
  label: string
  howToRun: string
  grammar: string
  segments: Segment[]
  text: string
}

/**
 * Language tabs over snippets highlighted at build time (no options). The first one is in the
 * server HTML; the language last chosen on any snippet (localStorage) is selected after load.
 */
export function StaticSnippetTabs({ snippets, label }: { snippets: readonly StaticSnippet[]; label: string }) {
  const id = useId()
  const [selected, setSelected] = useState(snippets[0]?.id ?? '')
  useEffect(() => {
    try {
      const saved = window.localStorage.getItem(LANGUAGE_STORAGE_KEY)
      if (saved && snippets.some((s) => s.id === saved)) setSelected(saved)
    } catch {
      // storage disabled: keep the first language
    }
  }, [snippets])
  const current = snippets.find((s) => s.id === selected) ?? snippets[0]
  if (!current) return null
  const codeId = `${id}-code`
  return (
    <div className="overflow-hidden rounded-lg border bg-card">
      <LanguageTabs items={snippets} selected={current.id} onSelect={setSelected} idPrefix={id} label={label} />
      <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-tab-${current.id}`}>
        <div className="flex flex-wrap items-center justify-between gap-2 border-b bg-muted px-3 py-2 text-xs text-muted-foreground">
          <span>{current.howToRun}</span>
          <CopyCodeButton text={current.text} codeId={codeId} />
        </div>
        <HighlightedCode id={codeId} segments={current.segments} grammar={current.grammar} />
      </div>
    </div>
  )
}
