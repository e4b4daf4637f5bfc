/**
 * Build-time highlighting of snippet templates with shiki. Server-side only (shiki never reaches
 * the browser); the result is plain data the snippet panel renders.
 *
 * How build-time highlighting meets options that change in the browser: a template holds every
 * line a snippet can have (see template.ts), and slot values are always single literals (a
 * string, a number, a name). So each template line is highlighted once, here, inside a real
 * rendering of the snippet where that line shows; slots keep the colour of the literal they sit
 * in. The browser then only filters lines and inserts escaped slot text into coloured spans: any
 * combination of language, options and message is shown highlighted, without shipping a
 * highlighter. The alternative, pre-rendering highlighted HTML per combination, explodes (6
 * languages × stream × 2^9 options × free text) and would still need a fallback for edits.
 * Tests check that the assembled colours match shiki's own output for whole rendered snippets.
 */
import type { HighlighterCore, ThemedTokenWithVariants } from 'shiki/core'
import { createHighlighterCore } from 'shiki/core'
import { createJavaScriptRegexEngine } from 'shiki/engine/javascript'

import type { SnippetFeatures } from './features'
import { snippetTemplate } from './index'
import type { SnippetRequest } from './input'
import { slotValues } from './input'
import type { SnippetLanguage } from './languages'
import { LANGUAGES } from './languages'
import type { HighlightedPart, HighlightedTemplate } from './segments'
import type { Flags, Slot, Template, When } from './template'
import { alignPads, FLAGS, holds, isPad, padCell, pieceText } from './template'

export type { HighlightedPart, HighlightedTemplate } from './segments'

/** Light and dark themes; their colours pass WCAG AA on the site's card backgrounds (tested). */
export const THEMES = { light: 'github-light-default', dark: 'github-dark-default' } as const

/** A token style: colours for the light and dark theme, and italics. Style 0 is the plain text colour. */
export interface TokenStyle {
  light: string
  dark: string
  italic: boolean
}

let highlighter: Promise<HighlighterCore> | undefined

function getHighlighter(): Promise<HighlighterCore> {
  // The JavaScript regex engine: no WebAssembly to load in the build workers.
  highlighter ??= createHighlighterCore({
    themes: [import('@shikijs/themes/github-light-default'), import('@shikijs/themes/github-dark-default')],
    langs: [
      import('@shikijs/langs/bash'),
      import('@shikijs/langs/python'),
      import('@shikijs/langs/typescript'),
      import('@shikijs/langs/javascript'),
      import('@shikijs/langs/go'),
    ],
    engine: createJavaScriptRegexEngine(),
  })
  return highlighter
}

/** Styles seen so far; indices are stable for the life of the process (one build worker). */
const styles: TokenStyle[] = []
const styleIndex = new Map<string, number>()

function styleOf(token: ThemedTokenWithVariants, plain: { light: string; dark: string }): number {
  const light = (token.variants.light?.color ?? plain.light).toLowerCase()
  const dark = (token.variants.dark?.color ?? plain.dark).toLowerCase()
  const italic = ((token.variants.light?.fontStyle ?? 0) & 1) === 1
  if (light === plain.light && dark === plain.dark && !italic) return 0
  const key = `${light}|${dark}|${italic ? 1 : 0}`
  let i = styleIndex.get(key)
  if (i === undefined) {
    styles.push({ light, dark, italic })
    i = styles.length // style 0 is plain text
    styleIndex.set(key, i)
  }
  return i
}

/** Representative slot values to tokenize with: real literals of each kind. */
export const HIGHLIGHT_SAMPLE: SnippetRequest = {
  target: { baseUrl: 'https://example.com/api/v1', modelId: 'vendor/model', apiKeyEnv: 'YOUR_API_KEY' },
  system: 'You are brief.',
  message: 'Hello!',
  stream: true,
  options: {
    temperature: 0.7,
    maxTokens: 256,
    topP: 0.9,
    stop: 'END',
    seed: 42,
    reasoningEffort: 'low',
    jsonSchema: true,
    tools: true,
    imageUrl: 'https://example.com/a.png',
  },
}

const allFlags = (value: boolean): Flags => Object.fromEntries(FLAGS.map((f) => [f, value])) as Flags

/** Flags under which a line shows: the first of a few whole-snippet renderings, else its own condition. */
function flagsShowing(when: When | undefined): Flags {
  const tries = [
    allFlags(false),
    allFlags(true),
    { ...allFlags(true), stream: false },
    { ...allFlags(false), stream: true },
  ]
  const found = tries.find((f) => holds(when, f))
  if (found) return found
  const first = Array.isArray(when) ? when[0] : when
  return { ...allFlags(false), ...first }
}

const cache = new Map<string, Promise<HighlightedTemplate>>()
const lineKey = (line: Template[number]) => JSON.stringify([line.when ?? null, line.pieces])

/**
 * The highlighted form of a language's template for a feature set.
 *
 * A model's template is the fullest template (every feature) minus the lines of the features it
 * lacks, so only the fullest ones are highlighted (one per output-limit parameter name) and each
 * model's lines are looked up in them: 12 highlightings for the whole catalog instead of one per
 * distinct feature set (about 60 × 6, a third of the build's page generation time on two cores).
 * A line not found falls back to highlighting the template itself.
 */
export async function highlightSnippet(lang: SnippetLanguage, features: SnippetFeatures): Promise<HighlightedTemplate> {
  const template = snippetTemplate(lang, features)
  const fullest = snippetTemplate(lang, fullestFeatures(features))
  const lines = await cached(lang, fullest)
  const byKey = new Map(fullest.map((line, i) => [lineKey(line), lines[i]!] as const))
  const found = template.map((line) => byKey.get(lineKey(line)))
  if (found.every((l) => l !== undefined)) return found
  return cached(lang, template)
}

function cached(lang: SnippetLanguage, template: Template): Promise<HighlightedTemplate> {
  const key = `${lang}:${JSON.stringify(template)}`
  let result = cache.get(key)
  if (!result) {
    result = highlightTemplate(template, lang)
    cache.set(key, result)
  }
  return result
}

/** Every feature on, keeping the output-limit parameter's name (it is part of the line text). */
export function fullestFeatures(features: SnippetFeatures): SnippetFeatures {
  return {
    stream: true,
    temperature: true,
    maxTokens: features.maxTokens ?? 'max_tokens',
    topP: true,
    stop: true,
    seed: true,
    reasoning: true,
    jsonSchema: true,
    tools: true,
    toolChoice: true,
    image: true,
  }
}

function highlightTemplate(template: Template, lang: SnippetLanguage): Promise<HighlightedTemplate> {
  return highlightLines(template, LANGUAGES[lang].grammar, slotValues(lang, HIGHLIGHT_SAMPLE))
}

type Grammar = (typeof LANGUAGES)[SnippetLanguage]['grammar']

async function highlightLines(
  template: Template,
  grammar: Grammar,
  values: Record<Slot, string>,
): Promise<HighlightedTemplate> {
  const h = await getHighlighter()
  const theme = { light: h.getTheme(THEMES.light), dark: h.getTheme(THEMES.dark) }
  const plain = { light: theme.light.fg.toLowerCase(), dark: theme.dark.fg.toLowerCase() }

  // Group lines by the rendering they are highlighted in.
  const groups = new Map<string, { flags: Flags; lines: number[] }>()
  template.forEach((line, i) => {
    const flags = flagsShowing(line.when)
    const k = JSON.stringify(flags)
    const g = groups.get(k) ?? { flags, lines: [] }
    g.lines.push(i)
    groups.set(k, g)
  })

  const out: HighlightedTemplate = new Array(template.length)
  for (const { flags } of groups.values()) {
    const shown = template.map((l, i) => [l, i] as const).filter(([l]) => holds(l.when, flags))
    // Aligned as the renderers align this rendering (PADs), so shiki sees the code as shown.
    const pads = alignPads(shown.map(([l]) => padCell(l.pieces, values)))
    const code = shown.map(([l], n) => l.pieces.map((p) => pieceText(p, values, pads[n]!)).join('')).join('\n')
    // No time limit per line: shiki's default (500 ms) gives up mid-line on a busy build machine
    // and colours the rest of the line as one token.
    const tokens = h.codeToTokensWithThemes(code, { lang: grammar, themes: THEMES, tokenizeTimeLimit: 0 })
    shown.forEach(([line, index], n) => {
      if (out[index]) return
      const parts = splitLine(line.pieces, tokens[n] ?? [], values, pads[n]!, (t) => styleOf(t, plain))
      out[index] = line.when ? { when: line.when, parts } : { parts }
    })
  }
  return out
}

/**
 * Cuts a line's tokens at its piece boundaries: literal text keeps token colours, a slot (or a
 * PAD, `pad` spaces wide here) takes its first token's.
 */
function splitLine(
  pieces: Template[number]['pieces'],
  tokens: ThemedTokenWithVariants[],
  values: Record<Slot, string>,
  pad: number,
  style: (t: ThemedTokenWithVariants) => number,
): HighlightedPart[] {
  // Per character of the line: its style.
  const perChar: number[] = []
  for (const t of tokens) for (let i = 0; i < t.content.length; i++) perChar.push(style(t))
  const parts: HighlightedPart[] = []
  let at = 0
  const pushText = (style: number, text: string) => {
    const last = parts[parts.length - 1]
    if (last && last.length === 2 && last[0] === style) last[1] += text
    else parts.push([style, text])
  }
  for (const p of pieces) {
    if (typeof p === 'string') {
      for (let i = 0; i < p.length; i++) pushText(perChar[at + i] ?? 0, p[i]!)
      at += p.length
    } else if (isPad(p)) {
      parts.push([perChar[at] ?? 0, '', 2])
      at += pad
    } else {
      parts.push([perChar[at] ?? 0, p.slot, 1])
      at += values[p.slot].length
    }
  }
  return parts
}

/**
 * CSS for the token styles used so far: class `sk<n>` for style n, inside `.snippet-code`. The
 * light colour by default, the dark one when the site is dark (the system's preference unless
 * the theme toggle chose light, or the toggle chose dark), as app/globals.css decides.
 */
export function snippetStylesCss(): string {
  const sel = '.snippet-code span[class^=sk]'
  return [
    `${sel}{color:var(--l)}`,
    `:root[data-theme=dark] ${sel}{color:var(--d)}`,
    `@media (prefers-color-scheme:dark){:root:not([data-theme=light]) ${sel}{color:var(--d)}}`,
    ...styles.map((s, i) => `.sk${i + 1}{--l:${s.light};--d:${s.dark}${s.italic ? ';font-style:italic' : ''}}`),
  ].join('\n')
}

/** The highlighter itself, for tests comparing against shiki's own output. */
export const highlighterForTests = getHighlighter

/** The token styles (for tests and tooling). */
export const tokenStyles = (): readonly TokenStyle[] => styles
