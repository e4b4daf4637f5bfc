/**
 * Snippets for the catalog API's models list (`GET /api/v1/models`, public, no key). Same
 * template machinery as the chat snippets, with no options: only the URL is a slot.
 */
import type { SnippetLanguage } from './languages'
import { LITERALS } from './languages'
import type { SlotValues, Template } from './template'
import { renderText, slot, templateBuilder } from './template'

/** The languages offered for the models list: no SDK needed for one public GET. */
export const MODELS_LIST_LANGUAGES = [
  'curl',
  'python-urllib',
  'javascript',
  'go',
] as const satisfies readonly SnippetLanguage[]
export type ModelsListLanguage = (typeof MODELS_LIST_LANGUAGES)[number]

const NO_FLAGS = {
  stream: false,
  system: false,
  temperature: false,
  maxTokens: false,
  topP: false,
  stop: false,
  seed: false,
  reasoning: false,
  jsonSchema: false,
  tools: false,
  image: false,
}

function modelsListTemplate(lang: ModelsListLanguage): Template {
  const { line, lines } = templateBuilder()
  switch (lang) {
    case 'curl':
      line`curl '${slot('url')}'`
      break
    case 'python-urllib':
      line`import json
import urllib.request

with urllib.request.urlopen(${slot('url')}) as response:
    models = json.load(response)["data"]
for model in models:
    print(model["id"], model["name"], sep="\\t")`
      break
    case 'javascript':
      line`// Node.js 18 or later: save as models.mjs and run node models.mjs
const response = await fetch(${slot('url')});
if (!response.ok) throw new Error(\`\${response.status} \${await response.text()}\`);
const { data } = await response.json();
for (const model of data) console.log(\`\${model.id}\\t\${model.name}\`);`
      break
    case 'go':
      line`package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"os"
)

func main() {
	resp, err := http.Get(${slot('url')})
	if err != nil {
		panic(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		fmt.Fprintln(os.Stderr, resp.Status)
		os.Exit(1)
	}
	var list struct {
		Data []struct{ ID, Name string }
	}
	if err := json.NewDecoder(resp.Body).Decode(&list); err != nil {
		panic(err)
	}
	for _, model := range list.Data {
		fmt.Printf("%s\\t%s\\n", model.ID, model.Name)
	}
}`
      break
  }
  return lines
}

/** Slot values: the list's URL; nothing else appears in these templates. */
function modelsListValues(lang: ModelsListLanguage, siteUrl: string): SlotValues {
  const url = LITERALS[lang].url(`${siteUrl.replace(/\/+$/, '')}/api/v1/models`)
  return {
    url,
    baseUrl: url,
    keyEnv: '',
    model: '',
    system: '',
    message: '',
    temperature: '',
    maxTokens: '',
    topP: '',
    stop: '',
    seed: '',
    reasoningEffort: '',
    imageUrl: '',
  }
}

/** The models-list snippet's source text. */
export function modelsListSnippet(lang: ModelsListLanguage, siteUrl: string): string {
  return renderText(modelsListTemplate(lang), NO_FLAGS, modelsListValues(lang, siteUrl))
}
