import type { Mode } from '@/lib/catalog/vocab'
import { MODE_LABELS } from '@/lib/catalog/vocab'
import { snippetStylesCss } from '@/lib/snippets/highlight'
import type { SnippetPanelProps } from '@/lib/snippets/panel-state'

import { SnippetPanelIsland } from './snippet-panel-island'

/**
 * A page's code section (server): the snippet panel with the token colours of its highlighted
 * templates. The panel is in the HTML; its JavaScript loads when the reader gets near it.
 */
export function SnippetSection({ panel }: { panel: SnippetPanelProps }) {
  return (
    <>
      {/* Token colours of the highlighted templates (light and dark), generated with them. */}
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: CSS generated at build time from the shiki themes, no user input */}
      <style dangerouslySetInnerHTML={{ __html: snippetStylesCss() }} />
      <SnippetPanelIsland {...panel} />
    </>
  )
}

/** Where a model has no snippet: it is not a chat model, and the site's API serves chat completions only. */
export function NoSnippet({ mode }: { mode: Mode }) {
  const label = MODE_LABELS[mode].toLowerCase()
  return (
    <p className="text-sm text-muted-foreground">
      This is a{/^[aeiou]/.test(label) ? 'n' : ''} {label} model. This site&apos;s API serves chat completions, so there
      is no snippet for it here; see its providers&apos; documentation.
    </p>
  )
}
