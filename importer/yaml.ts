/**
 * Stable YAML output. New files are written from scratch in schema key order; existing files are
 * edited in place through the `yaml` document model, so only the values that changed are
 * rewritten and everything else (hand-written formatting, flow lists, comments, key order) stays
 * byte for byte. Dates are double-quoted so they stay strings for every YAML reader; numbers are
 * written as JavaScript prints them (shortest exact round-trip form).
 */
import { Document, isMap, isScalar, isSeq, Pair, parseDocument, Scalar, YAMLMap, YAMLSeq } from 'yaml'

/** Keys whose string values are dates (`YYYY-MM-DD` / `YYYY-MM`) and are always quoted. */
const DATE_KEYS = new Set(['releaseDate', 'knowledgeCutoff', 'deprecationDate', 'retirementDate', 'from', 'to'])
/** Scalar lists written in flow style (`[text, image]`), like the hand-written files. */
const FLOW_KEYS = new Set(['input', 'output'])
/** Lists of records written one record per line (`- {from: "2025-06-10", input: 1, output: 2}`): price periods. */
const FLOW_ITEM_KEYS = new Set(['history'])

export const STRINGIFY_OPTIONS = { lineWidth: 0, flowCollectionPadding: false } as const

type Plain = null | boolean | number | string | Plain[] | { [k: string]: Plain }

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** Structural equality of plain YAML/JSON values; object key order does not matter. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false
    return a.every((x, i) => deepEqual(x, b[i]))
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const ka = Object.keys(a).filter((k) => a[k] !== undefined)
    const kb = Object.keys(b).filter((k) => b[k] !== undefined)
    if (ka.length !== kb.length) return false
    return ka.every((k) => deepEqual(a[k], b[k]))
  }
  return false
}

function createNode(doc: Document, key: string | undefined, value: unknown): unknown {
  if (Array.isArray(value)) {
    const seq = new YAMLSeq()
    for (const item of value) seq.items.push(itemNode(doc, key, item))
    if (key && FLOW_KEYS.has(key) && value.every((v) => !isPlainObject(v) && !Array.isArray(v))) seq.flow = true
    return seq
  }
  if (isPlainObject(value)) {
    const map = new YAMLMap()
    for (const [k, v] of Object.entries(value)) {
      if (v === undefined) continue
      map.items.push(new Pair(new Scalar(k), createNode(doc, k, v)))
    }
    return map
  }
  if (typeof value === 'string' && key && DATE_KEYS.has(key)) {
    const s = new Scalar(value)
    s.type = Scalar.QUOTE_DOUBLE
    return s
  }
  return doc.createNode(value)
}

/** A list item under `key`: records of FLOW_ITEM_KEYS lists are written on one line. */
function itemNode(doc: Document, key: string | undefined, item: unknown): unknown {
  const node = createNode(doc, undefined, item)
  if (key && FLOW_ITEM_KEYS.has(key) && isMap(node)) node.flow = true
  return node
}

function pairKey(p: Pair): string | undefined {
  const k = p.key
  if (isScalar(k)) return String(k.value)
  return typeof k === 'string' ? k : undefined
}

/**
 * Edit `node` (which holds `before`) so that it holds `after`, touching only what differs.
 * Keys new to the map are inserted before the next key of `after` that the map already has,
 * so a map written in schema order stays in schema order.
 */
function patchMap(doc: Document, node: YAMLMap, before: Record<string, unknown>, after: Record<string, unknown>): void {
  const afterKeys = Object.keys(after).filter((k) => after[k] !== undefined)
  // Removals first.
  for (const p of [...node.items]) {
    const k = pairKey(p)
    if (k !== undefined && after[k] === undefined) node.delete(k)
  }
  afterKeys.forEach((k, i) => {
    const value = after[k]
    const idx = node.items.findIndex((p) => pairKey(p) === k)
    if (idx < 0) {
      const pair = new Pair(new Scalar(k), createNode(doc, k, value))
      const nextKeys = new Set(afterKeys.slice(i + 1))
      const at = node.items.findIndex((p) => nextKeys.has(pairKey(p) ?? ''))
      if (at < 0) node.items.push(pair)
      else node.items.splice(at, 0, pair)
      return
    }
    if (deepEqual(before[k], value)) return
    const pair = node.items[idx]!
    pair.value = patchValue(doc, k, pair.value, before[k], value)
  })
}

function patchValue(doc: Document, key: string | undefined, node: unknown, before: unknown, after: unknown): unknown {
  if (isMap(node) && isPlainObject(before) && isPlainObject(after)) {
    patchMap(doc, node, before, after)
    return node
  }
  if (isSeq(node) && Array.isArray(before) && Array.isArray(after)) {
    const objects = after.every(isPlainObject) && before.every(isPlainObject)
    if (objects) {
      // Lists of records (endpoints, parameters, tiers): patch item by item, append the rest.
      after.forEach((item, i) => {
        if (i < node.items.length && i < before.length) {
          if (!deepEqual(before[i], item)) node.items[i] = patchValue(doc, undefined, node.items[i], before[i], item)
        } else {
          node.items.push(itemNode(doc, key, item))
        }
      })
      node.items.splice(after.length)
      return node
    }
    const fresh = createNode(doc, key, after) as YAMLSeq
    fresh.flow = node.flow ?? fresh.flow
    return fresh
  }
  return createNode(doc, key, after)
}

/** A new YAML file for a plain object (keys in the object's order). */
export function renderNew(data: Record<string, unknown>): string {
  const doc = new Document()
  doc.contents = createNode(doc, undefined, data) as YAMLMap
  return doc.toString(STRINGIFY_OPTIONS)
}

/**
 * `original` edited to hold `after`. `before` must be what `original` parses to. Returns the
 * original text unchanged when nothing differs.
 */
export function renderPatched(
  original: string,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): string {
  if (deepEqual(before, after)) return original
  const doc = parseDocument(original)
  if (!isMap(doc.contents)) return renderNew(after)
  patchMap(doc, doc.contents, before, after)
  return doc.toString(STRINGIFY_OPTIONS)
}

/** Parse a YAML file into plain data; errors are returned, not thrown. */
export function parseYaml(text: string): { data: unknown; error?: string } {
  const doc = parseDocument(text)
  if (doc.errors.length) return { data: undefined, error: doc.errors.map((e) => e.message).join('; ') }
  return { data: doc.toJS() as Plain }
}
