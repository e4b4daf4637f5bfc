/**
 * Highlighted templates (made at build time by highlight.ts) and how the browser turns one into
 * coloured text for the current flags and slot values. Client-safe, no dependencies.
 */
import type { Flags, Slot, SlotValues, When } from './template'
import { alignPads, SLOTS, visibleLines } from './template'

/**
 * A coloured run of literal text, a slot coloured like the literal it stands in, or a PAD
 * (alignment spaces, as many as `alignPads` says for the lines shown; see template.ts).
 */
export type HighlightedPart =
  | [style: number, text: string]
  | [style: number, slot: Slot, isSlot: 1]
  | [style: number, pad: '', isPad: 2]

export interface HighlightedLine {
  when?: When
  parts: HighlightedPart[]
}

export type HighlightedTemplate = HighlightedLine[]

/** A run of text in one token style (0: plain text). */
export type Segment = [style: number, text: string]

/** The snippet as styled runs, adjacent runs of one style merged; lines end with `\n` except the last. */
export function renderSegments(template: HighlightedTemplate, flags: Flags, values: SlotValues): Segment[] {
  const out: Segment[] = []
  const push = (style: number, text: string) => {
    if (!text) return
    const last = out[out.length - 1]
    if (last && last[0] === style) last[1] += text
    else out.push([style, text])
  }
  const lines = visibleLines(template, flags)
  const pads = alignPads(lines.map((line) => padCell(line.parts, values)))
  lines.forEach((line, i) => {
    if (i > 0) push(0, '\n')
    for (const part of line.parts) push(part[0], partText(part, values, pads[i]!))
  })
  return out
}

function partText(part: HighlightedPart, values: SlotValues, pad: number): string {
  return part.length === 2 ? part[1] : part[2] === 1 ? values[part[1]] : ' '.repeat(pad)
}

/** The text of a highlighted line before its PAD, or null: what `alignPads` measures (as `padCell` in template.ts). */
function padCell(parts: readonly HighlightedPart[], values: SlotValues): string | null {
  const at = parts.findIndex((p) => p.length === 3 && p[2] === 2)
  return at < 0
    ? null
    : parts
        .slice(0, at)
        .map((p) => partText(p, values, 0))
        .join('')
}

export const segmentsText = (segments: readonly Segment[]) => segments.map((s) => s[1]).join('')

/**
 * A highlighted template packed for the page: one string, a line per template line, with
 * private-use characters as markers: U+E000+n switches to style n, U+E100+i is slot i (in the
 * current style), U+E300 is a PAD (in the current style), a leading U+E200+k says the line
 * shows under condition k (1-based, `when`).
 *
 * Why: the panel gets six templates as props, serialised into every model page. As arrays of
 * [style, text] pairs they were ~40 KB of JSON per page (quotes escaped again inside the HTML);
 * packed they are less than half, and the build serialises less.
 */
export interface PackedTemplate {
  when: When[]
  code: string
}

const STYLE = 0xe000
const SLOT = 0xe100
const COND = 0xe200
const PAD = 0xe300
const MARKERS = /[\ue000-\ue3ff]/

export function packTemplate(template: HighlightedTemplate): PackedTemplate {
  const when: When[] = []
  const whenIndex = new Map<string, number>()
  const lines = template.map((line) => {
    let out = ''
    if (line.when) {
      const key = JSON.stringify(line.when)
      let k = whenIndex.get(key)
      if (k === undefined) {
        when.push(line.when)
        k = when.length
        whenIndex.set(key, k)
      }
      out += String.fromCharCode(COND + k)
    }
    let style = 0
    for (const part of line.parts) {
      if (part[0] > 0xff || (part.length === 2 && (MARKERS.test(part[1]) || part[1].includes('\n'))))
        throw new Error(`cannot pack ${JSON.stringify(part)}`)
      if (part[0] !== style) {
        style = part[0]
        out += String.fromCharCode(STYLE + style)
      }
      out +=
        part.length === 2
          ? part[1]
          : part[2] === 1
            ? String.fromCharCode(SLOT + SLOTS.indexOf(part[1]))
            : String.fromCharCode(PAD)
    }
    return out
  })
  return { when, code: lines.join('\n') }
}

export function unpackTemplate(packed: PackedTemplate): HighlightedTemplate {
  return packed.code.split('\n').map((text) => {
    const line: HighlightedLine = { parts: [] }
    let style = 0
    let run = ''
    const flush = () => {
      if (run) line.parts.push([style, run])
      run = ''
    }
    for (const ch of text) {
      const c = ch.charCodeAt(0)
      if (c >= COND && c < COND + 0x100) line.when = packed.when[c - COND - 1]
      else if (c === PAD) {
        flush()
        line.parts.push([style, '', 2])
      } else if (c >= SLOT && c < SLOT + 0x100) {
        flush()
        line.parts.push([style, SLOTS[c - SLOT]!, 1])
      } else if (c >= STYLE && c < STYLE + 0x100) {
        flush()
        style = c - STYLE
      } else run += ch
    }
    flush()
    return line.when ? { when: line.when, parts: line.parts } : { parts: line.parts }
  })
}
