'use client'

import { startTransition, useCallback, useEffect, useId, useMemo, useState } from 'react'

import type { ReasoningEffort } from '@/lib/snippets/features'
import { REASONING_EFFORTS } from '@/lib/snippets/features'
import { slotValues, snippetFlags } from '@/lib/snippets/input'
import type { SnippetLanguage } from '@/lib/snippets/languages'
import { isSnippetLanguage, LANGUAGE_IDS, LANGUAGE_STORAGE_KEY, LANGUAGES } from '@/lib/snippets/languages'
import type { PanelState, SnippetPanelProps } from '@/lib/snippets/panel-state'
import {
  defaultPanelState,
  LIMITS,
  panelStateFromParams,
  panelStateToParams,
  parseOption,
  requestFromPanelState,
} from '@/lib/snippets/panel-state'
import type { PackedTemplate } from '@/lib/snippets/segments'
import { renderSegments, segmentsText, unpackTemplate } from '@/lib/snippets/segments'
import { CopyButton } from '@/components/ui/copy-button'

import { HighlightedCode } from './highlighted-code'
import { LanguageTabs } from './language-tabs'
import { Check, NumberOption, StopOption } from './option-fields'

const TABS = LANGUAGE_IDS.map((id) => ({ id, label: LANGUAGES[id].label }))

type Templates = Partial<Record<SnippetLanguage, PackedTemplate>>

/** Template files already fetched (or on their way), by address: another page with the same features reuses them. */
const templateFiles = new Map<string, Promise<Templates>>()

const isPacked = (t: unknown): t is PackedTemplate =>
  typeof t === 'object' &&
  t !== null &&
  typeof (t as PackedTemplate).code === 'string' &&
  Array.isArray((t as PackedTemplate).when)

function fetchTemplates(url: string): Promise<Templates> {
  let file = templateFiles.get(url)
  if (!file) {
    file = fetch(url)
      .then((res) => {
        if (!res.ok) throw new Error(`${url}: ${res.status}`)
        return res.json() as Promise<unknown>
      })
      .then((json) => {
        const all = (json ?? {}) as Record<string, unknown>
        if (!LANGUAGE_IDS.every((lang) => isPacked(all[lang]))) throw new Error(`${url}: not a templates file`)
        return all as Templates
      })
    // A failure is not kept: the next attempt fetches again.
    file.catch(() => templateFiles.delete(url))
    templateFiles.set(url, file)
  }
  return file
}

/**
 * The templates the panel can show: the ones it was handed, then every language once the file
 * at `url` has arrived (fetched as the panel goes live). `retry` after a failure.
 */
function useTemplates(given: Templates, url: string | undefined) {
  const complete = LANGUAGE_IDS.every((lang) => given[lang])
  const [fetched, setFetched] = useState<{ url: string; templates: Templates } | null>(null)
  const [failed, setFailed] = useState(false)
  const load = useCallback(() => {
    if (!url || complete) return () => {}
    let current = true
    setFailed(false)
    fetchTemplates(url).then(
      // Nothing on screen changes until another language is picked: render it when React has time.
      (templates) => current && startTransition(() => setFetched({ url, templates })),
      () => current && setFailed(true),
    )
    return () => {
      current = false
    }
  }, [url, complete])
  useEffect(() => load(), [load])
  const templates = fetched && fetched.url === url ? { ...given, ...fetched.templates } : given
  return { templates, failed, retry: load }
}

/**
 * The "Call it from your code" panel: language tabs, endpoint, message and options; the code
 * updates as they change. Renders the default (curl, not streaming) on the server, so it reads
 * without JavaScript; after hydration it takes its state from the URL (else the last language
 * from localStorage) and keeps the URL in step, so a page stays static and a link reproduces
 * the snippet.
 */
export function SnippetPanel({ ctx, templates: given, templatesUrl, modelDefaults }: SnippetPanelProps) {
  const id = useId()
  const { templates, failed: templatesFailed, retry } = useTemplates(given, templatesUrl)
  const [state, setState] = useState<PanelState>(() => defaultPanelState(ctx))
  const [loaded, setLoaded] = useState(false)
  // Remounts the uncontrolled drafts of the number fields when the URL replaced the state.
  const [formKey, setFormKey] = useState(0)
  // The Options fields render once the panel is opened (or when the URL turns an option on): the
  // page's HTML carries the closed panel only (issue 14: every byte of it is in the page twice).
  const [optionsOpened, setOptionsOpened] = useState(false)

  useEffect(() => {
    const params = new URLSearchParams(window.location.search)
    let next = panelStateFromParams(params, ctx)
    if (!params.has('lang')) {
      const saved = readStorage(LANGUAGE_STORAGE_KEY)
      if (isSnippetLanguage(saved)) next = { ...next, lang: saved }
    }
    // In slices, as the panel itself went live (components/ui/deferred-island.tsx).
    startTransition(() => {
      setState(next)
      setFormKey((k) => k + 1)
      setLoaded(true)
    })
    // ctx comes from the server once per page; a new one (another model's page in the same
    // panel) starts again from the URL.
  }, [ctx])

  useEffect(() => {
    if (!loaded) return
    // Debounced: typing a message should not write history on every key.
    const t = setTimeout(() => {
      const { pathname, search, hash } = window.location
      const qs = panelStateToParams(state, ctx, new URLSearchParams(search)).toString()
      const url = `${pathname}${qs ? `?${qs}` : ''}${hash}`
      if (url !== `${pathname}${search}${hash}`) window.history.replaceState(null, '', url)
    }, 250)
    return () => clearTimeout(t)
  }, [state, loaded, ctx])

  const packed = templates[state.lang]
  const template = useMemo(() => (packed ? unpackTemplate(packed) : null), [packed])
  const shown = useMemo(() => {
    if (!template) return null
    const request = requestFromPanelState(state, ctx)
    const segments = renderSegments(template, snippetFlags(request, ctx.features), slotValues(state.lang, request))
    return { segments, text: segmentsText(segments) }
  }, [state, ctx, template])

  const set = <K extends keyof PanelState>(key: K, value: PanelState[K]) => setState((s) => ({ ...s, [key]: value }))
  const selectLanguage = (lang: string) => {
    if (!isSnippetLanguage(lang)) return
    set('lang', lang)
    writeStorage(LANGUAGE_STORAGE_KEY, lang)
  }

  const f = ctx.features
  const target = ctx.targets.find((t) => t.id === state.via) ?? ctx.targets[0]
  const activeOptions = [
    state.system,
    state.temperature !== null,
    state.maxTokens !== null,
    state.topP !== null,
    state.stop !== null,
    state.seed !== null,
    state.reasoningEffort,
    state.jsonSchema,
    state.tools,
    state.image,
  ].filter(Boolean).length
  const lang = LANGUAGES[state.lang]
  const codeId = `${id}-code`

  return (
    // data-ready: the panel has taken its state from the URL and answers to input (tests wait for it).
    <div className="space-y-3" data-testid="snippet-panel" data-ready={loaded ? 'true' : 'false'}>
      {/* The fields only work with JavaScript: hidden without it (app/layout.tsx), where the curl command is the panel. */}
      <div className="grid gap-3 md:grid-cols-[2fr_1fr]" data-needs-js>
        {/* Labels point at their fields (htmlFor) rather than wrapping them: a wrapping label's
            accessible name would include the field's value ("Message Hello! …"). */}
        <div className="text-sm">
          <label htmlFor={`${id}-message`} className="font-medium">
            Message
          </label>
          <textarea
            id={`${id}-message`}
            value={state.message}
            onChange={(e) => set('message', e.target.value)}
            rows={2}
            className="mt-1 block w-full rounded-md border bg-background px-3 py-2"
          />
        </div>
        <div className="space-y-2 text-sm">
          <div>
            <label htmlFor={`${id}-via`} className="font-medium">
              Send to
            </label>
            <select
              id={`${id}-via`}
              value={state.via}
              onChange={(e) => set('via', e.target.value)}
              className="mt-1 block min-h-10 w-full rounded-md border bg-background px-2"
            >
              {ctx.targets.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.label}
                </option>
              ))}
            </select>
          </div>
          {f.stream ? (
            <label className="flex min-h-8 items-center gap-2">
              <input
                type="checkbox"
                checked={state.stream}
                onChange={(e) => set('stream', e.target.checked)}
                className="size-4"
              />
              Stream the answer
            </label>
          ) : null}
        </div>
      </div>

      <details
        className="rounded-md border bg-card text-sm"
        open={activeOptions > 0 || undefined}
        onToggle={(e) => {
          if (e.currentTarget.open) setOptionsOpened(true)
        }}
        data-needs-js
      >
        <summary className="min-h-10 cursor-pointer px-3 py-2 font-medium">
          Options{activeOptions > 0 ? ` (${activeOptions} on)` : ''}
        </summary>
        {optionsOpened || activeOptions > 0 ? (
          <div key={formKey} className="grid gap-3 border-t p-3 sm:grid-cols-2 lg:grid-cols-3">
            <div className="sm:col-span-2 lg:col-span-3">
              <label htmlFor={`${id}-system`} className="font-medium">
                System message
              </label>
              <input
                id={`${id}-system`}
                type="text"
                value={state.system}
                onChange={(e) => set('system', e.target.value)}
                placeholder="None"
                className="mt-1 block min-h-9 w-full rounded-md border bg-background px-3"
              />
            </div>
            {f.temperature ? (
              <NumberOption
                label="Temperature"
                value={state.temperature}
                fallback={ctx.defaults.temperature}
                range={LIMITS.temperature}
                hint={modelDefaults.temperature}
                parse={(s) => parseOption('temperature', s, ctx)}
                onChange={(v) => set('temperature', v)}
              />
            ) : null}
            {f.maxTokens ? (
              <NumberOption
                label="Max tokens"
                code={f.maxTokens}
                value={state.maxTokens}
                fallback={ctx.defaults.maxTokens}
                range={{ min: 1, max: ctx.maxOutputTokens, step: 1 }}
                parse={(s) => parseOption('maxTokens', s, ctx)}
                onChange={(v) => set('maxTokens', v)}
              />
            ) : null}
            {f.topP ? (
              <NumberOption
                label="Top P"
                code="top_p"
                value={state.topP}
                fallback={ctx.defaults.topP}
                range={LIMITS.topP}
                hint={modelDefaults.topP}
                parse={(s) => parseOption('topP', s, ctx)}
                onChange={(v) => set('topP', v)}
              />
            ) : null}
            {f.seed ? (
              <NumberOption
                label="Seed"
                value={state.seed}
                fallback={ctx.defaults.seed}
                range={LIMITS.seed}
                parse={(s) => parseOption('seed', s, ctx)}
                onChange={(v) => set('seed', v)}
              />
            ) : null}
            {f.stop ? (
              <StopOption value={state.stop} fallback={ctx.defaults.stop} onChange={(v) => set('stop', v)} />
            ) : null}
            {f.reasoning ? (
              <div>
                <label htmlFor={`${id}-effort`} className="font-medium">
                  Reasoning effort
                </label>
                <select
                  id={`${id}-effort`}
                  value={state.reasoningEffort ?? ''}
                  onChange={(e) => set('reasoningEffort', (e.target.value || null) as ReasoningEffort | null)}
                  className="mt-1 block min-h-9 w-full rounded-md border bg-background px-2"
                >
                  <option value="">Model default</option>
                  {REASONING_EFFORTS.map((r) => (
                    <option key={r} value={r}>
                      {r}
                    </option>
                  ))}
                </select>
              </div>
            ) : null}
            {f.jsonSchema ? (
              <Check checked={state.jsonSchema} onChange={(v) => set('jsonSchema', v)}>
                JSON output with a schema
              </Check>
            ) : null}
            {f.tools ? (
              <Check checked={state.tools} onChange={(v) => set('tools', v)}>
                Tool calling example
              </Check>
            ) : null}
            {f.image ? (
              <Check checked={state.image} onChange={(v) => set('image', v)}>
                Send an image
              </Check>
            ) : null}
          </div>
        ) : null}
      </details>

      <div className="overflow-hidden rounded-lg border bg-card">
        <LanguageTabs items={TABS} selected={state.lang} onSelect={selectLanguage} idPrefix={id} label="Language" />
        <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-tab-${state.lang}`}>
          <div className="flex flex-wrap items-center justify-between gap-2 border-b bg-muted px-3 py-2 text-xs text-muted-foreground">
            <span>
              {lang.howToRun} Key from <code className="text-foreground">{target?.apiKeyEnv}</code>.
            </span>
            {shown ? <CopyButton value={shown.text} label="Copy code" selectId={codeId} /> : null}
          </div>
          {shown ? (
            <HighlightedCode id={codeId} segments={shown.segments} grammar={lang.grammar} />
          ) : templatesFailed ? (
            <p role="alert" className="flex flex-wrap items-center gap-2 p-4 text-sm">
              The {lang.label} example could not be loaded.
              <button
                type="button"
                onClick={retry}
                className="min-h-9 rounded-md border bg-background px-3 font-medium hover:bg-muted"
              >
                Try again
              </button>
            </p>
          ) : (
            <p aria-busy="true" className="p-4 text-sm text-muted-foreground">
              Loading the {lang.label} example…
            </p>
          )}
        </div>
      </div>
      <noscript>
        <p className="text-sm text-muted-foreground">
          Other languages and options need JavaScript; the curl command above works as shown.
        </p>
      </noscript>
    </div>
  )
}

function readStorage(key: string): string | null {
  try {
    return window.localStorage.getItem(key)
  } catch {
    return null // storage disabled (privacy settings): just no memory
  }
}

function writeStorage(key: string, value: string) {
  try {
    window.localStorage.setItem(key, value)
  } catch {
    // storage disabled or full: remembering the language is a nicety
  }
}
