import { describe, expect, it } from 'vitest'

import { ALL_OPTIONS, BARE_MODEL, FULL_MODEL } from '@/test-support/snippet-fixtures'
import { TRICKY_MESSAGES } from '@/test-support/snippets/tricky-messages'

import {
  fullestFeatures,
  HIGHLIGHT_SAMPLE,
  highlighterForTests,
  highlightSnippet,
  snippetStylesCss,
  THEMES,
  tokenStyles,
} from './highlight'
import type { SnippetLanguage, SnippetRequest } from './index'
import { LANGUAGE_IDS, LANGUAGES, slotValues, snippetFeatures, snippetFlags, snippetTemplate } from './index'
import { packTemplate, renderSegments, segmentsText, unpackTemplate } from './segments'
import type { Flags } from './template'
import { FLAGS, renderText } from './template'

const features = snippetFeatures(FULL_MODEL)
const everyFlags = (): Flags[] =>
  Array.from(
    { length: 2 ** FLAGS.length },
    (_, n) => Object.fromEntries(FLAGS.map((f, i) => [f, Boolean(n & (1 << i))])) as Flags,
  )

describe('highlighted templates render the same text as the generator', () => {
  for (const lang of LANGUAGE_IDS) {
    it(`${lang}: all ${2 ** FLAGS.length} option combinations, tricky values`, { timeout: 60_000 }, async () => {
      const template = snippetTemplate(lang, features)
      const highlighted = await highlightSnippet(lang, features)
      expect(highlighted).toHaveLength(template.length)
      TRICKY_MESSAGES.forEach((m, i) => {
        const request: SnippetRequest = {
          target: { baseUrl: `https://x.example/${i}'"`, modelId: m.text, apiKeyEnv: 'K' },
          message: m.text,
          system: m.text,
          options: { ...ALL_OPTIONS, stop: m.text },
        }
        const values = slotValues(lang, request)
        for (const flags of everyFlags()) {
          expect(segmentsText(renderSegments(highlighted, flags, values))).toBe(renderText(template, flags, values))
        }
      })
    })
  }

  it('a model with fewer features gets fewer lines, same guarantee', async () => {
    const bare = snippetFeatures(BARE_MODEL)
    for (const lang of LANGUAGE_IDS) {
      const highlighted = await highlightSnippet(lang, bare)
      const values = slotValues(lang, HIGHLIGHT_SAMPLE)
      for (const flags of everyFlags().slice(0, 64))
        expect(segmentsText(renderSegments(highlighted, flags, values))).toBe(
          renderText(snippetTemplate(lang, bare), flags, values),
        )
    }
  })
})

describe("a model's template is the fullest template minus lines (so only the fullest are highlighted)", () => {
  const key = (l: { when?: unknown; pieces: unknown }) => JSON.stringify([l.when ?? null, l.pieces])
  const names = [
    'stream',
    'temperature',
    'topP',
    'stop',
    'seed',
    'reasoning',
    'jsonSchema',
    'tools',
    'toolChoice',
    'image',
  ] as const
  it('holds for every feature set', () => {
    for (const lang of LANGUAGE_IDS) {
      for (const maxTokens of ['max_tokens', 'max_completion_tokens', null] as const) {
        for (let n = 0; n < 2 ** names.length; n++) {
          const f = {
            ...Object.fromEntries(names.map((name, i) => [name, Boolean(n & (1 << i))])),
            maxTokens,
          } as ReturnType<typeof snippetFeatures>
          const fullest = new Set(snippetTemplate(lang, fullestFeatures(f)).map(key))
          const missing = snippetTemplate(lang, f).filter((l) => !fullest.has(key(l)))
          expect(missing, `${lang} ${JSON.stringify(f)}`).toEqual([])
        }
      }
    }
  }, 120_000)

  it('identical lines are highlighted identically', async () => {
    for (const lang of LANGUAGE_IDS) {
      const template = snippetTemplate(lang, fullestFeatures(features))
      const highlighted = await highlightSnippet(lang, fullestFeatures(features))
      const seen = new Map<string, string>()
      template.forEach((l, i) => {
        const parts = JSON.stringify(highlighted[i]!.parts)
        expect(seen.get(key(l)) ?? parts, `${lang}: ${key(l)}`).toBe(parts)
        seen.set(key(l), parts)
      })
    }
  })
})

describe('colours match shiki highlighting each whole snippet', () => {
  const requests: Array<[string, SnippetRequest]> = [false, true].flatMap((stream) => [
    [`stream=${stream}, no options`, { ...HIGHLIGHT_SAMPLE, stream, system: '', options: {} }] as [
      string,
      SnippetRequest,
    ],
    [`stream=${stream}, every option`, { ...HIGHLIGHT_SAMPLE, stream, options: ALL_OPTIONS }] as [
      string,
      SnippetRequest,
    ],
    ...(Object.keys(ALL_OPTIONS) as Array<keyof typeof ALL_OPTIONS>).map(
      (k) =>
        [`stream=${stream}, only ${k}`, { ...HIGHLIGHT_SAMPLE, stream, options: { [k]: ALL_OPTIONS[k] } }] as [
          string,
          SnippetRequest,
        ],
    ),
  ])

  for (const [lang, model] of LANGUAGE_IDS.flatMap(
    (l) =>
      [
        [l, FULL_MODEL],
        [l, BARE_MODEL],
      ] as const,
  )) {
    it(`${lang}, ${model.id}: every character has shiki's colour (${requests.length} renderings)`, async () => {
      const features = snippetFeatures(model)
      const h = await highlighterForTests()
      const plain = `${h.getTheme(THEMES.light).fg}|${h.getTheme(THEMES.dark).fg}`.toLowerCase()
      const normal = (c: string | undefined) => (c === undefined || c === plain ? PLAIN : c)
      const highlighted = await highlightSnippet(lang, features)
      for (const [name, request] of requests) {
        const segments = renderSegments(
          highlighted,
          snippetFlags(request, features),
          slotValues(lang as SnippetLanguage, request),
        )
        const text = segmentsText(segments)
        const ours = segments.flatMap(([style, t]) => Array.from({ length: t.length }, () => colourOf(style)))
        const theirs = h
          .codeToTokensWithThemes(text, { lang: LANGUAGES[lang].grammar, themes: THEMES, tokenizeTimeLimit: 0 })
          .flatMap((line, i) => [...(i > 0 ? ['\n'] : []), ...line])
          .flatMap((t) =>
            typeof t === 'string'
              ? [PLAIN]
              : Array.from(
                  { length: t.content.length },
                  () => `${t.variants.light?.color?.toLowerCase()}|${t.variants.dark?.color?.toLowerCase()}`,
                ),
          )
        const differ = ours.map((c, i) => (normal(c) === normal(theirs[i]) ? -1 : i)).filter((i) => i >= 0)
        expect(
          differ.map((i) => `${name}: ${JSON.stringify(text.slice(Math.max(0, i - 20), i + 20))} at ${i}`).slice(0, 3),
        ).toEqual([])
      }
    })
  }
})

const PLAIN = 'plain'
function colourOf(style: number): string {
  if (style === 0) return PLAIN
  const s = tokenStyles()[style - 1]!
  return `${s.light}|${s.dark}`
}

describe('packed templates (what the page carries)', () => {
  it('unpack to exactly the highlighted template, and are much smaller', async () => {
    for (const model of [FULL_MODEL, BARE_MODEL]) {
      for (const lang of LANGUAGE_IDS) {
        const highlighted = await highlightSnippet(lang, snippetFeatures(model))
        const packed = packTemplate(highlighted)
        expect(unpackTemplate(packed)).toEqual(highlighted)
        expect(JSON.stringify(packed).length).toBeLessThan(JSON.stringify(highlighted).length * 0.6)
      }
    }
  })
})

describe('token colours', () => {
  it('every colour reaches WCAG AA contrast (4.5:1) on the code background, light and dark', async () => {
    for (const lang of LANGUAGE_IDS) await highlightSnippet(lang, features)
    // The code sits on the site's --card colour (app/globals.css): oklch(1 0 0) light, oklch(0.2 0.01 260) dark.
    const light = oklchToRgb(1, 0, 0)
    const dark = oklchToRgb(0.2, 0.01, 260)
    expect(tokenStyles().length).toBeGreaterThan(3)
    for (const s of tokenStyles()) {
      expect(contrast(hexToRgb(s.light), light), `${s.light} on light`).toBeGreaterThanOrEqual(4.5)
      expect(contrast(hexToRgb(s.dark), dark), `${s.dark} on dark`).toBeGreaterThanOrEqual(4.5)
    }
  })

  it('ships CSS for every style, light and dark', () => {
    const css = snippetStylesCss()
    for (const [i, s] of tokenStyles().entries()) expect(css).toContain(`.sk${i + 1}{--l:${s.light};--d:${s.dark}`)
    expect(css).toContain(':root[data-theme=dark]')
    expect(css).toContain('prefers-color-scheme:dark')
  })
})

function hexToRgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1, 7), 16)
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((v) => v / 255) as [number, number, number]
}
/** CSS oklch() to gamma-encoded sRGB in 0..1 (CSS Color 4's matrices). */
function oklchToRgb(l: number, c: number, hDeg: number): [number, number, number] {
  const h = (hDeg * Math.PI) / 180
  const a = c * Math.cos(h)
  const b = c * Math.sin(h)
  const l_ = (l + 0.3963377774 * a + 0.2158037573 * b) ** 3
  const m_ = (l - 0.1055613458 * a - 0.0638541728 * b) ** 3
  const s_ = (l - 0.0894841775 * a - 1.291485548 * b) ** 3
  const lin = [
    4.0767416621 * l_ - 3.3077115913 * m_ + 0.2309699292 * s_,
    -1.2684380046 * l_ + 2.6097574011 * m_ - 0.3413193965 * s_,
    -0.0041960863 * l_ - 0.7034186147 * m_ + 1.707614701 * s_,
  ]
  return lin.map((v) => Math.min(1, Math.max(0, v <= 0.0031308 ? 12.92 * v : 1.055 * v ** (1 / 2.4) - 0.055))) as [
    number,
    number,
    number,
  ]
}
function luminance([r, g, b]: [number, number, number]): number {
  const lin = (v: number) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
}
function contrast(a: [number, number, number], b: [number, number, number]): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number]
  return (hi + 0.05) / (lo + 0.05)
}
