import type { Grammar } from '@/lib/snippets/highlight'
import { highlightCode, snippetStylesCss } from '@/lib/snippets/highlight'
import { CopyButton } from '@/components/ui/copy-button'

import { HighlightedCode } from './highlighted-code'

const GRAMMARS: Record<string, Grammar> = {
  bash: 'bash',
  sh: 'bash',
  shell: 'bash',
  python: 'python',
  py: 'python',
  typescript: 'typescript',
  ts: 'typescript',
  javascript: 'javascript',
  js: 'javascript',
  go: 'go',
}

/** A block of fixed code with a copy button, highlighted at build time (server component). */
export async function CodeBlock({ code, language, label }: { code: string; language: string; label: string }) {
  const grammar = GRAMMARS[language]
  const segments = grammar ? await highlightCode(code, grammar) : [[0, code] as [number, string]]
  return (
    <figure className="overflow-hidden rounded-lg border">
      <style dangerouslySetInnerHTML={{ __html: snippetStylesCss() }} />
      <figcaption className="flex items-center justify-between border-b bg-muted px-3 py-2 text-xs">
        <span className="font-medium">{label}</span>
        <CopyButton value={code} label="Copy code" />
      </figcaption>
      <HighlightedCode segments={segments} grammar={language} className="bg-card text-sm" />
    </figure>
  )
}
