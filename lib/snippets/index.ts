/**
 * The code-snippet generator: copy-paste code that calls a model's chat completions, in six
 * languages, with the options the model supports. Pure (no React, no Next, no environment).
 *
 *   generateSnippet({ model, target: proxyTarget(site.url, model.id), message: 'Hi' }, 'python')
 *
 * Each language is a template (templates/*.ts) holding every line the snippet can have for the
 * model's features; the input decides which lines show (template flags) and fills the slots with
 * literals escaped for that language (escape.ts). See template.ts for why.
 */
import type { SnippetFeatures } from './features'
import { snippetFeatures } from './features'
import type { SnippetInput } from './input'
import { slotValues, snippetFlags } from './input'
import type { SnippetLanguage } from './languages'
import type { Template } from './template'
import { renderText } from './template'
import { curlTemplate } from './templates/curl'
import { goTemplate } from './templates/go'
import { pythonTemplate } from './templates/python'
import { pythonUrllibTemplate } from './templates/python-urllib'
import { javascriptTemplate, typescriptTemplate } from './templates/typescript'

export * from './escape'
export * from './features'
export * from './input'
export * from './languages'

const BUILDERS: Record<SnippetLanguage, (f: SnippetFeatures) => Template> = {
  curl: curlTemplate,
  python: pythonTemplate,
  typescript: typescriptTemplate,
  javascript: javascriptTemplate,
  'python-urllib': pythonUrllibTemplate,
  go: goTemplate,
}

const cache = new Map<string, Template>()

/**
 * The template of one language for a feature set. Many models share a feature set, so templates
 * (and their highlighting, done once per template at build time) are cached by it.
 */
export function snippetTemplate(lang: SnippetLanguage, features: SnippetFeatures): Template {
  const key = `${lang}:${templateKey(features)}`
  let t = cache.get(key)
  if (!t) {
    t = BUILDERS[lang](features)
    cache.set(key, t)
  }
  return t
}

/** A stable key for a feature set. */
function templateKey(features: SnippetFeatures): string {
  return JSON.stringify(Object.entries(features).sort(([a], [b]) => a.localeCompare(b)))
}

/** The snippet's source text. */
export function generateSnippet(input: SnippetInput, lang: SnippetLanguage): string {
  const features = snippetFeatures(input.model)
  return renderText(snippetTemplate(lang, features), snippetFlags(input, features), slotValues(lang, input))
}
