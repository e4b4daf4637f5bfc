/**
 * The models index's columns as data: id (used in the URL), visible title, unit, how the
 * column sorts and what it exports. The React column definitions
 * (components/models-table/columns.tsx), the CSV/JSON export and the URL parser all read
 * this one list, so a column has one title and one sort policy everywhere.
 */
import type { Capability } from '@/lib/catalog/vocab'
import { STATUSES } from '@/lib/catalog/vocab'

import type { ModelRow } from './rows'

export const COLUMN_IDS = [
  'name',
  'vendor',
  'context',
  'maxOutput',
  'input',
  'output',
  'cacheRead',
  'priceChange',
  'providers',
  'modalities',
  'capabilities',
  'released',
  'cutoff',
  'status',
] as const
export type ColumnId = (typeof COLUMN_IDS)[number]

/** A sortable value: numbers and strings; `undefined` (unknown) always sorts last. */
export type SortValue = number | string | undefined

export interface ColumnSpec {
  id: ColumnId
  /**
   * The header's visible text, which is also its accessible name. The same words as everywhere
   * else on the site: one title may contain another ("Output", "Max output"), so look a column
   * up by its exact name.
   */
  title: string
  /** A longer description (header tooltip, export header). */
  description: string
  /** Unit of the values, for the header tooltip and the export. */
  unit?: string
  /** The value the column sorts by (and numbers export as). */
  value: (row: ModelRow) => SortValue
  /**
   * First click sorts descending: larger windows, more providers and newer dates are what
   * people look for first; prices sort cheapest first, names A to Z.
   */
  descFirst: boolean
  numeric: boolean
  /** Hidden unless the reader turns it on. */
  hiddenByDefault?: boolean
  /** The name column cannot be hidden. */
  alwaysVisible?: boolean
}

const STATUS_RANK = Object.fromEntries(STATUSES.map((s, i) => [s, i])) as Record<ModelRow['status'], number>

/** Capabilities shown in the index's "Capabilities" column, in this order (the others are filters only). */
export const KEY_CAPABILITIES: Capability[] = [
  'tools',
  'vision',
  'reasoning',
  'structuredOutputs',
  'promptCaching',
  'webSearch',
]

export const COLUMNS: ColumnSpec[] = [
  {
    id: 'name',
    title: 'Model',
    description: 'Model name and id',
    value: (r) => naturalKey(r, 'name'),
    descFirst: false,
    numeric: false,
    alwaysVisible: true,
  },
  {
    id: 'vendor',
    title: 'Vendor',
    description: 'The lab that makes the model',
    value: (r) => naturalKey(r, 'vendorName'),
    descFirst: false,
    numeric: false,
  },
  {
    id: 'context',
    title: 'Context',
    description: 'Context window',
    unit: 'tokens',
    value: (r) => r.context,
    descFirst: true,
    numeric: true,
  },
  {
    id: 'maxOutput',
    title: 'Max output',
    description: 'Most output tokens in one reply',
    unit: 'tokens',
    value: (r) => r.maxOutput,
    descFirst: true,
    numeric: true,
  },
  {
    id: 'input',
    title: 'Input',
    description: 'Input price at the cheapest provider',
    unit: 'USD per 1M tokens',
    value: (r) => r.input,
    descFirst: false,
    numeric: true,
  },
  {
    id: 'output',
    title: 'Output',
    description: 'Output price at the cheapest provider',
    unit: 'USD per 1M tokens',
    value: (r) => r.output,
    descFirst: false,
    numeric: true,
  },
  {
    id: 'cacheRead',
    title: 'Cache read',
    description: 'Lowest cached input price at any provider',
    unit: 'USD per 1M tokens',
    value: (r) => r.cacheRead,
    descFirst: false,
    numeric: true,
  },
  {
    id: 'priceChange',
    title: 'Last price change',
    description: 'The newest price change at any provider: the day, and the change of input + output per 1M tokens',
    // By day: newest first on the first click; models without a recorded change last.
    value: (r) => r.lastChange?.date,
    descFirst: true,
    numeric: false,
  },
  {
    id: 'providers',
    title: 'Providers',
    description: 'Number of providers serving the model',
    value: (r) => r.providers.length,
    descFirst: true,
    numeric: true,
  },
  {
    id: 'modalities',
    title: 'Accepts',
    description: 'Input modalities (sorted by how many)',
    value: (r) => r.inputModalities.length,
    descFirst: true,
    numeric: true,
  },
  {
    id: 'capabilities',
    title: 'Capabilities',
    description: 'Key capabilities (sorted by how many)',
    value: (r) => KEY_CAPABILITIES.filter((c) => r.capabilities.includes(c)).length,
    descFirst: true,
    numeric: true,
  },
  {
    id: 'released',
    title: 'Released',
    description: 'Release date',
    value: (r) => r.released,
    descFirst: true,
    numeric: false,
  },
  {
    id: 'cutoff',
    title: 'Knowledge cutoff',
    description: 'Training data cutoff',
    value: (r) => r.cutoff,
    descFirst: true,
    numeric: false,
    hiddenByDefault: true,
  },
  {
    id: 'status',
    title: 'Status',
    description: 'Available, preview or deprecated',
    value: (r) => STATUS_RANK[r.status],
    descFirst: false,
    numeric: true,
  },
]

export const COLUMN_BY_ID = Object.fromEntries(COLUMNS.map((c) => [c.id, c])) as Record<ColumnId, ColumnSpec>

export const DEFAULT_VISIBLE: ColumnId[] = COLUMNS.filter((c) => !c.hiddenByDefault).map((c) => c.id)

export const isColumnId = (s: string): s is ColumnId => (COLUMN_IDS as readonly string[]).includes(s)

/**
 * A text's sort key: lower-case, accents folded, digit runs zero-padded, so plain string order
 * is natural order ("GPT-4" < "gpt-4o" < "GPT-10"). Comparing keys is many times faster than
 * `Intl.Collator` (a 5,000-row name sort makes ~60,000 comparisons per click).
 */
export function sortKey(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\d+/g, (d) => d.padStart(12, '0'))
}

/** Keys per row object: rows keep their identity across searches and filters, so each is computed once. */
const keys = { name: new WeakMap<ModelRow, string>(), vendorName: new WeakMap<ModelRow, string>() }
function naturalKey(row: ModelRow, field: 'name' | 'vendorName'): string {
  let k = keys[field].get(row)
  if (k === undefined) {
    k = sortKey(row[field])
    keys[field].set(row, k)
  }
  return k
}

/**
 * Ascending comparison of two present values: numbers numerically, strings (sort keys, ISO
 * dates) by code unit. The table applies the direction and puts `undefined` last in both
 * directions (`sortUndefined: 'last'`); this never sees it.
 */
export function compareValues(a: SortValue, b: SortValue): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b
  const x = String(a)
  const y = String(b)
  return x < y ? -1 : x > y ? 1 : 0
}
