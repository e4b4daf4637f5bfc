/**
 * Highlighted templates (made at build time by highlight.ts) and how the browser turns one into
 * coloured text for the current flags and slot values. Client-safe, no dependencies.
 */
import { type Flags, type Slot, type SlotValues, visibleLines, type When } from './template'

/** A coloured run of literal text, or a slot coloured like the literal it stands in. */
export type HighlightedPart = [style: number, text: string] | [style: number, slot: Slot, isSlot: 1]

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
  visibleLines(template, flags).forEach((line, i) => {
    if (i > 0) push(0, '\n')
    for (const part of line.parts) push(part[0], part.length === 3 ? values[part[1]] : part[1])
  })
  return out
}

export const segmentsText = (segments: readonly Segment[]) => segments.map((s) => s[1]).join('')
