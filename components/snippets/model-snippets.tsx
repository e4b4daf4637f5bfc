import type { Model } from '@/lib/catalog'
import { getProvider } from '@/lib/catalog'
import { MODE_LABELS } from '@/lib/catalog/vocab'
import { envPrefix } from '@/lib/env'
import { site } from '@/lib/site'
import { optionDefaults, parameterDefault, snippetFeatures } from '@/lib/snippets/features'
import { highlightSnippet, snippetStylesCss } from '@/lib/snippets/highlight'
import { DEFAULT_MESSAGE, proxyTarget, safeEnvName } from '@/lib/snippets/input'
import type { SnippetLanguage } from '@/lib/snippets/languages'
import { LANGUAGE_IDS } from '@/lib/snippets/languages'
import type { PackedTemplate } from '@/lib/snippets/segments'
import { packTemplate } from '@/lib/snippets/segments'

import type { SnippetPanelProps } from './snippet-panel'
import { SnippetPanel } from './snippet-panel'

/**
 * The model page's code section (server): works out what the model supports, highlights the six
 * language templates at build time and hands the panel plain data. Only the model's features,
 * endpoint choices and templates cross into the client, never the catalog entry.
 */
export async function ModelSnippets({ model }: { model: Model }) {
  if (model.mode !== 'chat') {
    return (
      <p className="text-sm text-muted-foreground">
        This is a{/^[aeiou]/.test(model.mode) ? 'n' : ''} {MODE_LABELS[model.mode].toLowerCase()} model. This
        site&apos;s API serves chat completions, so there is no snippet for it here; see its providers&apos;
        documentation.
      </p>
    )
  }
  const features = snippetFeatures(model)
  const entries = await Promise.all(
    LANGUAGE_IDS.map(async (lang) => [lang, packTemplate(await highlightSnippet(lang, features))] as const),
  )
  const templates = Object.fromEntries(entries) as Record<SnippetLanguage, PackedTemplate>

  const seen = new Set<string>()
  const direct = model.endpoints.flatMap((e) => {
    const provider = getProvider(e.provider)
    if (!provider?.baseUrl || seen.has(provider.id)) return []
    seen.add(provider.id)
    return [
      {
        id: provider.id,
        label: `${provider.name} directly`,
        baseUrl: provider.baseUrl,
        modelId: e.modelId,
        apiKeyEnv: safeEnvName(`${envPrefix(provider.id)}_API_KEY`),
      },
    ]
  })
  const hint = (name: string) => {
    const d = parameterDefault(model, name)
    return d === undefined ? undefined : String(d)
  }
  const props: SnippetPanelProps = {
    ctx: {
      features,
      defaults: optionDefaults(model),
      targets: [
        { id: 'proxy', label: `${site.name} API (cheapest provider first)`, ...proxyTarget(site.url, model.id) },
        ...direct,
      ],
      defaultMessage: DEFAULT_MESSAGE,
      maxOutputTokens: model.maxOutputTokens,
    },
    templates,
    modelDefaults: { temperature: hint('temperature'), topP: hint('top_p') },
  }
  return (
    <>
      {/* Token colours of the highlighted templates (light and dark), generated with them. */}
      <style dangerouslySetInnerHTML={{ __html: snippetStylesCss() }} />
      <SnippetPanel {...props} />
    </>
  )
}
