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
 * Client-safe: no dependencies; the browser runs `renderText`/`visibleLines` on every change.
 */

/** Switches that choose lines: streaming, and each option the user turned on. */
export const FLAGS = ['stream', 'system', 'temperature', 'maxTokens', 'topP', 'stop', 'seed', 'reasoning', 'jsonSchema', 'tools', 'image'] as const
export type Flag = (typeof FLAGS)[number]
export type Flags = Record<Flag, boolean>

/** Values that change without changing the code's shape. Slot text is already a literal of the language. */
export const SLOTS = ['url', 'baseUrl', 'keyEnv', 'model', 'system', 'message', 'temperature', 'maxTokens', 'topP', 'stop', 'seed', 'reasoningEffort', 'imageUrl'] as const
export type Slot = (typeof SLOTS)[number]
export type SlotValues = Record<Slot, string>

/** Every flag listed must have the given value. A list means any one of the conditions. */
export type Condition = Partial<Flags>
export type When = Condition | Condition[]

/** A piece of a line: literal source text, or a slot. */
export type Piece = string | { slot: Slot }

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
  return visibleLines(template, flags)
    .map((l) => l.pieces.map((p) => (typeof p === 'string' ? p : values[p.slot])).join(''))
    .join('\n')
}

/**
 * Builds templates from tagged template literals: `` add({ stream: true })`  -N \\` ``. Text may
 * span several lines (each gets the condition); `${slot('message')}` marks a slot (a plain string
 * interpolated is literal text, on one line). `indent`
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
