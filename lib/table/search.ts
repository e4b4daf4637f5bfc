/**
 * Typo-tolerant search over model name, id, vendor and aliases.
 *
 * - Text is normalised to lower-case letters and digits only, so "GPT-4o mini", "gpt4o-mini" and
 *   "gpt 4o mini" meet ("gpt-4o" → "gpt4o" is a substring of "gpt4omini").
 * - The query is split on spaces; every word must match some field (AND), in any field.
 * - A word matches exactly (substring) where it can. Only a word that matches nothing in the
 *   whole catalog is looked up approximately: as a substring within 1 edit (words of 4–7
 *   characters) or 2 edits (8 or more), counting a swap of neighbours as one edit ("cluade" →
 *   "claude", "sonet" → "sonnet"). So "gpt5" never drags in every "gpt4" model, and a digit is
 *   never replaced by another digit or dropped (versions are not typos).
 * - Results are ranked: whole-field matches, then prefixes, then substrings, then approximate
 *   matches; name and id count more than vendor and aliases. Ties keep the incoming order.
 *
 * Pure and allocation-light: 5,000 rows answer a keystroke in a few milliseconds.
 */
import type { ModelRow } from './rows'

/** Lower-case ASCII letters and digits only (accents folded: "Mistral Médium" → "mistralmedium"). */
export function normalize(s: string): string {
  return s
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '')
}

/** The query's words, normalised; empty words dropped. */
export function queryWords(query: string): string[] {
  return query
    .split(/[\s,]+/)
    .map(normalize)
    .filter((w) => w.length > 0)
}

/** Edits a word of this length may be off by. */
export function allowedEdits(length: number): number {
  return length >= 8 ? 2 : length >= 4 ? 1 : 0
}

interface Doc {
  /** Normalised fields; the first `primary` ones (name, id) rank higher than the rest. */
  fields: string[]
  primary: number
}

const isDigit = (c: number) => c >= 48 && c <= 57

/** Reused work buffers for the approximate matcher (search runs on one thread). */
let prev2 = new Int32Array(64)
let prev = new Int32Array(64)
let curr = new Int32Array(64)

/**
 * Smallest number of edits (insert, delete, substitute, swap neighbours) turning `word` into
 * some substring of `text` (Sellers' algorithm with optimal-string-alignment swaps). Gives up
 * early and returns `limit + 1` once no alignment can stay within `limit`.
 */
export function substringDistance(word: string, text: string, limit: number): number {
  const m = word.length
  const n = text.length
  if (m === 0) return 0
  if (prev.length < n + 1) {
    prev2 = new Int32Array(n + 1)
    prev = new Int32Array(n + 1)
    curr = new Int32Array(n + 1)
  }
  // Row 0: the empty prefix of `word` matches anywhere at no cost.
  prev.fill(0, 0, n + 1)
  for (let i = 1; i <= m; i++) {
    const wc = word.charCodeAt(i - 1)
    curr[0] = i
    let rowMin = i
    for (let j = 1; j <= n; j++) {
      const tc = text.charCodeAt(j - 1)
      let sub: number
      if (wc === tc) sub = prev[j - 1]!
      else sub = isDigit(wc) && isDigit(tc) ? limit + 1 + prev[j - 1]! : prev[j - 1]! + 1
      let best = sub
      // Dropping a digit of the word is not a typo either ("gpt5" is not "gpt").
      const del = prev[j]! + (isDigit(wc) ? limit + 1 : 1)
      if (del < best) best = del
      const ins = curr[j - 1]! + 1
      if (ins < best) best = ins
      if (i > 1 && j > 1 && wc === text.charCodeAt(j - 2) && word.charCodeAt(i - 2) === tc) {
        const swap = prev2[j - 2]! + 1
        if (swap < best) best = swap
      }
      curr[j] = best
      if (best < rowMin) rowMin = best
    }
    if (rowMin > limit) return limit + 1
    const t = prev2
    prev2 = prev
    prev = curr
    curr = t
  }
  let min = limit + 1
  for (let j = 0; j <= n; j++) if (prev[j]! < min) min = prev[j]!
  return min
}

/** How well `word` matches one field: lower is better; `undefined` when it does not. */
function fieldScore(word: string, field: string, fuzzy: boolean): number | undefined {
  if (field === word) return 0
  if (field.startsWith(word)) return 1
  if (field.includes(word)) return 2
  if (!fuzzy) return undefined
  const limit = allowedEdits(word.length)
  if (limit === 0 || field.length + limit < word.length) return undefined
  const d = substringDistance(word, field, limit)
  return d <= limit ? 3 + d : undefined
}

function wordScore(word: string, doc: Doc, fuzzy: boolean): number | undefined {
  let best: number | undefined
  for (let f = 0; f < doc.fields.length; f++) {
    const s = fieldScore(word, doc.fields[f]!, fuzzy)
    if (s === undefined) continue
    const weighted = f < doc.primary ? s : s + 0.5
    if (best === undefined || weighted < best) best = weighted
    if (best === 0) break
  }
  return best
}

export interface SearchHit<T> {
  row: T
  /** Lower is a better match. */
  score: number
}

/**
 * A search index over rows: build once per data set, then `search(query)` per keystroke.
 * Remembers recent answers (typing and deleting revisit the same queries).
 */
export class ModelSearch<T extends Pick<ModelRow, 'id' | 'name' | 'vendor' | 'vendorName' | 'aliases'>> {
  /** Normalised fields per row and all of them joined (one `includes` tells whether a word matches anything). */
  private index?: { docs: Doc[]; haystack: string }
  private readonly cache = new Map<string, SearchHit<T>[]>()

  /** Cheap: the rows are normalised on the first search (or `prepare`), not when the page hydrates. */
  constructor(private readonly rows: readonly T[]) {}

  /** Normalises the rows now (the index calls it when the browser is idle, before the first keystroke). */
  prepare() {
    if (this.index) return this.index
    const docs = this.rows.map((r) => ({
      fields: [
        normalize(r.name),
        normalize(r.id),
        normalize(r.vendorName),
        normalize(r.vendor),
        ...(r.aliases ?? []).map(normalize),
      ],
      primary: 2,
    }))
    this.index = { docs, haystack: docs.map((d) => d.fields.join('|')).join('\n') }
    return this.index
  }

  /** Matching rows, best first (ties in the rows' own order). All rows for an empty query. */
  search(query: string): SearchHit<T>[] {
    const words = queryWords(query)
    const key = words.join(' ')
    const cached = this.cache.get(key)
    if (cached) return cached
    let hits: SearchHit<T>[]
    if (words.length === 0) {
      hits = this.rows.map((row) => ({ row, score: 0 }))
    } else {
      // Approximate matching only for words that match nothing anywhere.
      const { docs, haystack } = this.prepare()
      const fuzzy = words.map((w) => !haystack.includes(w))
      hits = []
      for (let i = 0; i < docs.length; i++) {
        const doc = docs[i]!
        let score = 0
        for (let w = 0; w < words.length; w++) {
          const s = wordScore(words[w]!, doc, fuzzy[w]!)
          if (s === undefined) {
            score = -1
            break
          }
          score += s
        }
        if (score < 0) continue
        // The whole query spelling the name exactly ("gpt 4o mini" for "GPT-4o mini") ranks first.
        if (words.join('') === doc.fields[0]) score -= 1
        hits.push({ row: this.rows[i]!, score })
      }
      hits.sort((a, b) => a.score - b.score)
    }
    if (this.cache.size > 64) this.cache.delete(this.cache.keys().next().value!)
    this.cache.set(key, hits)
    return hits
  }
}
