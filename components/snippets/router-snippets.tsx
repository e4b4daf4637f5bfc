import type { Model, Router } from '@/lib/catalog'
import { getModel } from '@/lib/catalog'
import { site } from '@/lib/site'
import { optionDefaults, snippetFeatures } from '@/lib/snippets/features'
import { highlightSnippet, snippetStylesCss } from '@/lib/snippets/highlight'
import { DEFAULT_MESSAGE, proxyTarget } from '@/lib/snippets/input'
import type { SnippetLanguage } from '@/lib/snippets/languages'
import { LANGUAGE_IDS } from '@/lib/snippets/languages'
import { routerSnippetModel } from '@/lib/snippets/router'
import type { PackedTemplate } from '@/lib/snippets/segments'
import { packTemplate } from '@/lib/snippets/segments'

import { SnippetPanel } from './snippet-panel'

/** The router page's code section: the model page's snippet panel, calling the router by name. */
export async function RouterSnippets({ router }: { router: Router }) {
  const models = router.variants.map((v) => getModel(v.model)).filter((m): m is Model => m !== undefined)
  const model = routerSnippetModel(router, models)
  const features = snippetFeatures(model)
  const entries = await Promise.all(
    LANGUAGE_IDS.map(async (lang) => [lang, packTemplate(await highlightSnippet(lang, features))] as const),
  )
  const templates = Object.fromEntries(entries) as Record<SnippetLanguage, PackedTemplate>
  return (
    <>
      <style dangerouslySetInnerHTML={{ __html: snippetStylesCss() }} />
      <SnippetPanel
        ctx={{
          features,
          defaults: optionDefaults(model),
          targets: [
            { id: 'proxy', label: `${site.name} API (router ${router.id})`, ...proxyTarget(site.url, router.id) },
          ],
          defaultMessage: DEFAULT_MESSAGE,
          maxOutputTokens: model.maxOutputTokens,
        }}
        templates={templates}
        modelDefaults={{}}
      />
    </>
  )
}
