/**
 * What the model and router pages hand the snippet panel: the features the model supports, the
 * endpoints a snippet can call, and every language's template highlighted at build time. Server
 * only (it reads the catalog); the panel receives plain data.
 */
import { createHash } from 'node:crypto'

import type { Model, Router } from '@/lib/catalog'
import { getModel, getModels, getProvider, getRouters } from '@/lib/catalog'
import { envPrefix } from '@/lib/env'
import { site } from '@/lib/site'

import type { SnippetFeatures } from './features'
import { optionDefaults, parameterDefault, snippetFeatures } from './features'
import { highlightSnippet } from './highlight'
import { DEFAULT_MESSAGE, proxyTarget, safeEnvName } from './input'
import type { SnippetLanguage } from './languages'
import { LANGUAGE_IDS } from './languages'
import type { PanelTarget, SnippetPanelProps } from './panel-state'
import { DEFAULT_LANGUAGE } from './panel-state'
import { routerSnippetModel } from './router'
import type { PackedTemplate } from './segments'
import { packTemplate } from './segments'

/** Where the templates of every language are served: `/snippets/<hash of the file>.json`. */
export const SNIPPET_TEMPLATES_DIR = '/snippets'

type Templates = Record<SnippetLanguage, PackedTemplate>
/** A feature set's templates, and the file that serves them (named by the hash of its body). */
type TemplatesFile = { templates: Templates; name: string; body: string }

/**
 * Every language's highlighted template for a feature set, and its file, once per build process:
 * a thousand model pages share a few dozen feature sets, so the templates are built, matched,
 * packed, serialised and hashed once per set instead of once per page (the highlighting itself
 * is cached in highlight.ts).
 */
const filesByFeatures = new Map<string, Promise<TemplatesFile>>()

function templatesFile(features: SnippetFeatures): Promise<TemplatesFile> {
  const key = JSON.stringify(features)
  let file = filesByFeatures.get(key)
  if (!file) {
    file = Promise.all(
      LANGUAGE_IDS.map(async (lang) => [lang, packTemplate(await highlightSnippet(lang, features))] as const),
    ).then((entries) => {
      const templates = Object.fromEntries(entries) as Templates
      const body = JSON.stringify(templates)
      return { templates, body, name: `${createHash('sha256').update(body).digest('hex').slice(0, 16)}.json` }
    })
    filesByFeatures.set(key, file)
  }
  return file
}

/**
 * What a page's panel is handed of the templates: the default language's (the server renders
 * it, and it is all a reader without JavaScript gets) and the address of the file with every
 * language, which the live panel fetches. The file is named by its content, so a browser keeps it
 * for good and a page of another model with the same features uses the same copy.
 */
async function panelTemplates(
  features: SnippetFeatures,
): Promise<Pick<SnippetPanelProps, 'templates' | 'templatesUrl'>> {
  const file = await templatesFile(features)
  return {
    templates: { [DEFAULT_LANGUAGE]: file.templates[DEFAULT_LANGUAGE] },
    templatesUrl: `${SNIPPET_TEMPLATES_DIR}/${file.name}`,
  }
}

let templateFiles: Promise<Map<string, string>> | undefined

/** Every templates file the model and router pages link, by file name (app/snippets/[file]/route.ts). */
export function snippetTemplateFiles(): Promise<Map<string, string>> {
  templateFiles ??= (async () => {
    const models = getModels().filter((m) => m.mode === 'chat')
    const routerModels = getRouters().map(routerModel)
    const sets = new Map(
      [...models, ...routerModels].map((m) => {
        const features = snippetFeatures(m)
        return [JSON.stringify(features), features] as const
      }),
    )
    const files = await Promise.all([...sets.values()].map(templatesFile))
    return new Map(files.map((f) => [f.name, f.body]))
  })()
  return templateFiles
}

/** The model's providers that have an OpenAI-compatible base URL, each once, in the model's order. */
function directTargets(model: Model): PanelTarget[] {
  const seen = new Set<string>()
  return model.endpoints.flatMap((e) => {
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
}

/**
 * A chat model's snippet panel: the site's proxy first, then each provider directly. `undefined`
 * for other modes: the site's API serves chat completions only.
 */
export async function modelSnippetPanel(model: Model): Promise<SnippetPanelProps | undefined> {
  if (model.mode !== 'chat') return undefined
  const features = snippetFeatures(model)
  const hint = (name: string) => {
    const d = parameterDefault(model, name)
    return d === undefined ? undefined : String(d)
  }
  return {
    ctx: {
      features,
      defaults: optionDefaults(model),
      targets: [
        { id: 'proxy', label: `${site.name} API (cheapest provider first)`, ...proxyTarget(site.url, model.id) },
        ...directTargets(model),
      ],
      defaultMessage: DEFAULT_MESSAGE,
      maxOutputTokens: model.maxOutputTokens,
    },
    ...(await panelTemplates(features)),
    modelDefaults: { temperature: hint('temperature'), topP: hint('top_p') },
  }
}

/** What a router's snippet stands for: a model with what every variant supports. */
const routerModel = (router: Router) =>
  routerSnippetModel(
    router,
    router.variants.map((v) => getModel(v.model)).filter((m): m is Model => m !== undefined),
  )

/** A router's snippet panel: the model page's, calling the router by name with what every variant supports. */
export async function routerSnippetPanel(router: Router): Promise<SnippetPanelProps> {
  const model = routerModel(router)
  const features = snippetFeatures(model)
  return {
    ctx: {
      features,
      defaults: optionDefaults(model),
      targets: [{ id: 'proxy', label: `${site.name} API (router ${router.id})`, ...proxyTarget(site.url, router.id) }],
      defaultMessage: DEFAULT_MESSAGE,
      maxOutputTokens: model.maxOutputTokens,
    },
    ...(await panelTemplates(features)),
    modelDefaults: {},
  }
}
