import { site } from '@/lib/site'
import { highlightTemplate, snippetStylesCss } from '@/lib/snippets/highlight'
import { LANGUAGES } from '@/lib/snippets/languages'
import {
  MODELS_LIST_FLAGS,
  MODELS_LIST_LANGUAGES,
  modelsListTemplate,
  modelsListValues,
} from '@/lib/snippets/models-list'
import { renderSegments, segmentsText } from '@/lib/snippets/segments'

import type { StaticSnippet } from './static-snippet-tabs'
import { StaticSnippetTabs } from './static-snippet-tabs'

const HOW_TO_RUN: Record<(typeof MODELS_LIST_LANGUAGES)[number], string> = {
  curl: 'Paste into bash or zsh. No key needed.',
  'python-urllib': 'Standard library only: python3 models.py. No key needed.',
  javascript: 'Node.js 18 or later: node models.mjs. No key needed.',
  go: 'go run main.go. No key needed.',
}

/**
 * Code for the catalog API's models list (`GET /api/v1/models`), highlighted at build time, for
 * the models index page. Server component: mount it anywhere on a static page.
 */
export async function ModelsListSnippet() {
  const snippets = await highlighted(site.url)
  return (
    <div data-testid="models-list-snippet">
      <style dangerouslySetInnerHTML={{ __html: snippetStylesCss() }} />
      <StaticSnippetTabs snippets={snippets} label="Language" />
    </div>
  )
}

// Highlighted once per process: the page may render per request (it reads search parameters).
let cache: { siteUrl: string; snippets: Promise<StaticSnippet[]> } | undefined
function highlighted(siteUrl: string): Promise<StaticSnippet[]> {
  if (cache?.siteUrl !== siteUrl) {
    const snippets = Promise.all(
      MODELS_LIST_LANGUAGES.map(async (lang) => {
        const segments = renderSegments(
          await highlightTemplate(modelsListTemplate(lang), lang),
          MODELS_LIST_FLAGS,
          modelsListValues(lang, siteUrl),
        )
        return {
          id: lang,
          label: LANGUAGES[lang].label,
          howToRun: HOW_TO_RUN[lang],
          grammar: LANGUAGES[lang].grammar,
          segments,
          text: segmentsText(segments),
        }
      }),
    )
    cache = { siteUrl, snippets }
  }
  return cache.snippets
}
