/**
 * A snippet template: every line a language's snippet can have for one model, each with the
 * condition under which it appears, and slots where values go (the message, the model id,
 * option values, ...). Rendering picks the lines whose condition holds and fills the slots.
 *
 * Why templates and not string concatenation: the same template is rendered to plain text here
 * (what `generateSnippet` returns) and, highlighted once at build time, to coloured code in the
 * browser (see highlight.ts and components/snippets/snippet-panel.tsx). Both render the same
 * lines with the same slot values, so what the page shows is what this module generates.
 *
 * Alignment: gofmt lines up the values of consecutive `key: value` lines, so how far a value
 * sits depends on which other lines show (the longest key among them). Such lines mark the
 * place with a `PAD` piece and every renderer turns it into spaces with `alignPads`, from the
 * lines that show: the plain text here, the coloured text in the browser (segments.ts) and the
 * renderings highlighted at build time (highlight.ts) all pad the same way.
 *
 * Client-safe: no dependencies; the browser runs `renderText`/`visibleLines` on every change.
 */

/** Switches that choose lines: streaming, and each option the user turned on. */
export const FLAGS = [
  'stream',
  'system',
  'temperature',
  'maxTokens',
  'topP',
  'stop',
  'seed',
  'reasoning',
  'jsonSchema',
  'tools',
  'image',
] as const
export type Flag = (typeof FLAGS)[number]
export type Flags = Record<Flag, boolean>

/** Values that change without changing the code's shape. Slot text is already a literal of the language. */
export const SLOTS = [
  'url',
  'baseUrl',
  'keyEnv',
  'model',
  'system',
  'message',
  'temperature',
  'maxTokens',
  'topP',
  'stop',
  'seed',
  'reasoningEffort',
  'imageUrl',
] as const
export type Slot = (typeof SLOTS)[number]
export type SlotValues = Record<Slot, string>

/** Every flag listed must have the given value. A list means any one of the conditions. */
export type Condition = Partial<Flags>
export type When = Condition | Condition[]

/**
 * A piece of a line: literal source text, a slot, or `PAD`: the spaces after the `key:` of a
 * gofmt-aligned line (see `alignPads`).
 */
export type Piece = string | { slot: Slot } | Pad

export interface Pad {
  pad: true
}

/** Alignment padding: `` line`\t"model":${PAD}${slot('model')},` `` (see `alignPads`). */
export const PAD: Pad = { pad: true }

export const isPad = (p: Piece): p is Pad => typeof p !== 'string' && 'pad' in p

export interface TemplateLine {
  when?: When
  pieces: Piece[]
}

export type Template = TemplateLine[]

export function holds(when: When | undefined, flags: Flags): boolean {
  if (!when) return true
  const one = (c: Condition) => (Object.keys(c) as Flag[]).every((f) => flags[f] === c[f])
  return Array.isArray(when) ? when.some(one) : one(when)
}

/** The lines of a template (or of its highlighted form) that a given set of flags shows. */
export function visibleLines<L extends { when?: When }>(lines: readonly L[], flags: Flags): L[] {
  return lines.filter((l) => holds(l.when, flags))
}

export function renderText(template: Template, flags: Flags, values: SlotValues): string {
  const lines = visibleLines(template, flags)
  const pads = alignPads(lines.map((l) => padCell(l.pieces, values)))
  return lines.map((l, i) => l.pieces.map((p) => pieceText(p, values, pads[i]!)).join('')).join('\n')
}

/** A piece's text in a rendering: a PAD is `pad` spaces. */
export function pieceText(p: Piece, values: SlotValues, pad: number): string {
  return typeof p === 'string' ? p : isPad(p) ? ' '.repeat(pad) : values[p.slot]
}

/** A line's text before its PAD (what `alignPads` measures), or null when it has none. */
export function padCell(pieces: readonly Piece[], values: SlotValues): string | null {
  const at = pieces.findIndex(isPad)
  return at < 0
    ? null
    : pieces
        .slice(0, at)
        .map((p) => pieceText(p, values, 0))
        .join('')
}

/**
 * gofmt's alignment of `key: value` lines: how many spaces each line's PAD becomes.
 *
 * `cells[i]` is the text of line i (of the lines shown) before its PAD: indentation, key and
 * colon; null for a line without a PAD. A PAD marks a `key: value` element written on one line
 * in a composite literal spread over several lines: gofmt puts a tabwriter cell boundary after
 * its colon (go/printer's exprList), so within a section of such lines every value starts one
 * column after the longest `key:`. A section is a run of consecutive PAD lines at the same
 * indentation; it ends at any other line (the lines of an element that spans several lines, a
 * closing brace, a blank or comment line), and where gofmt's size heuristic breaks it: when a
 * key or the one before it is longer than 40 bytes, and the key is at least 2.5 times, or at
 * most 1/2.5 of, the geometric mean of the section's key lengths so far.
 *
 * Widths count code points, as gofmt's tabwriter counts runes; key sizes count UTF-8 bytes, as
 * go/printer measures nodes. Returns 0 for lines without a PAD. One case cannot be matched: a
 * key exactly 2.5 times (or 1/2.5 of) the mean, where gofmt's answer depends on how its
 * math.Exp and math.Log round on the machine. Keys of 40 bytes or less never get there.
 */
export function alignPads(cells: ReadonlyArray<string | null>): number[] {
  const section: number[] = []
  let id = -1
  let prev: { indent: string; size: number } | null = null
  let lnsum = 0
  let count = 0
  for (const cell of cells) {
    if (cell === null) {
      section.push(-1)
      prev = null
      continue
    }
    const indent = /^[\t ]*/.exec(cell)![0]
    const size = utf8Length(cell.slice(indent.length).replace(/:\s*$/, ''))
    let fresh = prev === null || prev.indent !== indent
    if (!fresh && count > 0 && (prev!.size > 40 || size > 40)) {
      const ratio = size / Math.exp(lnsum / count)
      fresh = 2.5 * ratio <= 1 || ratio >= 2.5
    }
    if (fresh) {
      id++
      lnsum = 0
      count = 0
    }
    lnsum += Math.log(size)
    count++
    section.push(id)
    prev = { indent, size }
  }
  const width = (cell: string) => [...cell.replace(/^[\t ]*/, '')].length
  const widest = new Map<number, number>()
  cells.forEach((cell, i) => {
    if (cell !== null) widest.set(section[i]!, Math.max(widest.get(section[i]!) ?? 0, width(cell)))
  })
  return cells.map((cell, i) => (cell === null ? 0 : widest.get(section[i]!)! - width(cell) + 1))
}

function utf8Length(s: string): number {
  let n = 0
  for (const ch of s) {
    const c = ch.codePointAt(0)!
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4
  }
  return n
}

/**
 * Builds templates from tagged template literals: `` add({ stream: true })`  -N \\` ``. Text may
 * span several lines (each gets the condition); `${slot('message')}` marks a slot (a plain string
 * interpolated is literal text, on one line), `${PAD}` gofmt's alignment spaces. `indent`
 * prefixes every non-empty line, so shared blocks can sit at different depths.
 */
export function templateBuilder() {
  const lines: TemplateLine[] = []
  function add(when?: When, indent = '') {
    return (strings: readonly string[], ...values: Piece[]) => {
      let current: Piece[] = []
      const flush = () => {
        if (indent && current.length > 0) {
          const [first] = current
          current = typeof first === 'string' ? [indent + first, ...current.slice(1)] : [indent, ...current]
        }
        lines.push(when ? { when, pieces: current } : { pieces: current })
        current = []
      }
      strings.forEach((s, i) => {
        s.split('\n').forEach((part, j) => {
          if (j > 0) flush()
          if (part) current.push(part)
        })
        const value = values[i]
        if (value) current.push(value)
      })
      flush()
    }
  }
  return { add, line: add(), lines }
}

export type TemplateAdd = ReturnType<typeof templateBuilder>['add']

export const slot = (name: Slot) => ({ slot: name })
