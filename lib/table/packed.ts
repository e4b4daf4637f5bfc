/**
 * The models index's rows as they travel to the browser: one array per row, with vendors,
 * providers, modalities, statuses and capabilities as numbers into the facets and vocabularies
 * (which travel once), ids without their vendor prefix, and absent values as `null` (trailing
 * ones dropped). Every row rides in the page's RSC payload, so this is a third the size of the
 * row objects and parses that much faster on a phone; the client unpacks it into the same
 * `ModelRow` objects the filters, search, sort and export work on. Pure: no React, no `next/*`.
 */

import type { Capability, Modality, Status } from '@/lib/catalog/vocab'
import { CAPABILITY_KEYS, MODALITIES, STATUSES } from '@/lib/catalog/vocab'

import type { Facet, ModelRow, ModelsIndexData, PriceMove, RowPrice } from './rows'

/** One row, packed; see `packIndex` for what each place holds. */
export type PackedRow = [
  /** The model's id without `vendor/`. */
  slug: string,
  name: string,
  /** Index into `vendors`. */
  vendor: number,
  context: number,
  maxOutput: number | null,
  input: number | null,
  output: number | null,
  cacheRead: number | null,
  /** Indexes into `providers`. */
  providers: number[],
  /** Per provider: its price, `1` where that is the row's own (cheapest) price, or null. */
  offers: (RowPrice | 1 | null)[] | null,
  /** Indexes into MODALITIES, in the model's order. */
  inputModalities: number[],
  outputModalities: number[],
  /** Bit i set: the model has CAPABILITY_KEYS[i]. */
  capabilities: number,
  /** Null: no source dates the model. */
  released: string | null,
  /** Index into STATUSES. */
  status: number,
  openWeights: 0 | 1,
  cutoff?: string | null,
  retirementDate?: string | null,
  deprecationDate?: string | null,
  aliases?: string[] | null,
  /** The newest price change: its day, its kind (index into MOVE_KINDS) and percent, when known. */
  lastChange?: [date: string, kind: number, percent?: number] | null,
]

const MOVE_KINDS: readonly PriceMove['kind'][] = ['cut', 'rise', 'change']

/** What the models index page hands its client component. */
export interface PackedIndex {
  vendors: Facet
  providers: Facet
  rows: PackedRow[]
}

/** The offer is the row's own price (most models have one provider): sent as `1`, not repeated. */
const isHeadline = (o: RowPrice, r: ModelRow) =>
  o[0] === r.input && o[1] === r.output && o[2] === r.cacheRead && o.length === (r.cacheRead === undefined ? 2 : 3)

function indexer(list: readonly string[], what: string) {
  const at = new Map(list.map((v, i) => [v, i]))
  return (v: string) => {
    const i = at.get(v)
    if (i === undefined) throw new Error(`packIndex: unknown ${what} "${v}"`)
    return i
  }
}

/** Packs the index's rows; `unpackIndex` gives back rows equal to the ones given. */
export function packIndex({ rows, vendors, providers }: ModelsIndexData): PackedIndex {
  const vendorAt = indexer(
    vendors.map(([id]) => id),
    'vendor',
  )
  const providerAt = indexer(
    providers.map(([id]) => id),
    'provider',
  )
  const modalityAt = indexer(MODALITIES, 'modality')
  const capabilityAt = indexer(CAPABILITY_KEYS, 'capability')
  const statusAt = indexer(STATUSES, 'status')
  return {
    vendors,
    providers,
    rows: rows.map((r): PackedRow => {
      const prefix = `${r.vendor}/`
      if (!r.id.startsWith(prefix)) throw new Error(`packIndex: ${r.id} is not under its vendor ${r.vendor}`)
      const packed: PackedRow = [
        r.id.slice(prefix.length),
        r.name,
        vendorAt(r.vendor),
        r.context,
        r.maxOutput ?? null,
        r.input ?? null,
        r.output ?? null,
        r.cacheRead ?? null,
        r.providers.map(providerAt),
        r.offers?.map((o) => (o && isHeadline(o, r) ? 1 : o)) ?? null,
        r.inputModalities.map(modalityAt),
        r.outputModalities.map(modalityAt),
        r.capabilities.reduce((bits, c) => bits | (1 << capabilityAt(c)), 0),
        r.released ?? null,
        statusAt(r.status),
        r.openWeights ? 1 : 0,
        r.cutoff ?? null,
        r.retirementDate ?? null,
        r.deprecationDate ?? null,
        r.aliases ?? null,
        r.lastChange ? packMove(r.lastChange) : null,
      ]
      while (packed.length > 16 && packed[packed.length - 1] === null) packed.pop()
      return packed
    }),
  }
}

function packMove(m: PriceMove): [string, number, number?] {
  const kind = MOVE_KINDS.indexOf(m.kind)
  return m.percent === undefined ? [m.date, kind] : [m.date, kind, m.percent]
}

function unpackMove([date, kind, percent]: [string, number, number?]): PriceMove {
  const move: PriceMove = { date, kind: MOVE_KINDS[kind] ?? 'change' }
  if (percent !== undefined) move.percent = percent
  return move
}

const headline = (r: ModelRow): RowPrice =>
  r.cacheRead === undefined ? [r.input!, r.output!] : [r.input!, r.output!, r.cacheRead]

/** The rows back as objects (no `undefined` keys, as `toModelRow` makes them). */
export function unpackIndex({ rows, vendors, providers }: PackedIndex): ModelsIndexData {
  return {
    vendors,
    providers,
    rows: rows.map((p): ModelRow => {
      const [vendor, vendorName] = vendors[p[2]]!
      const row: ModelRow = {
        id: `${vendor}/${p[0]}`,
        name: p[1],
        vendor,
        vendorName,
        context: p[3],
        providers: p[8].map((i) => providers[i]![0]),
        inputModalities: p[10].map((i) => MODALITIES[i] as Modality),
        outputModalities: p[11].map((i) => MODALITIES[i] as Modality),
        capabilities: CAPABILITY_KEYS.filter((_, i) => p[12] & (1 << i)) as Capability[],
        status: STATUSES[p[14]] as Status,
        openWeights: p[15] === 1,
      }
      if (p[13] !== null) row.released = p[13]
      if (p[4] !== null) row.maxOutput = p[4]
      if (p[5] !== null) row.input = p[5]
      if (p[6] !== null) row.output = p[6]
      if (p[7] !== null) row.cacheRead = p[7]
      if (p[9] !== null) row.offers = p[9].map((o) => (o === 1 ? headline(row) : o))
      if (p[16] != null) row.cutoff = p[16]
      if (p[17] != null) row.retirementDate = p[17]
      if (p[18] != null) row.deprecationDate = p[18]
      if (p[19] != null) row.aliases = p[19]
      if (p[20] != null) row.lastChange = unpackMove(p[20])
      return row
    }),
  }
}
