/**
 * The side-by-side comparison as data: groups of rows (pricing, limits, capabilities,
 * modalities, parameters, tokenizer, dates, status, providers), one value per model, the best
 * value of each row marked (cheapest, largest, newest, supported), and whether the row differs.
 * Computed on the server from joined models; the page renders it and ships only these strings
 * and flags to the browser. Pure.
 */

import { pricesModel } from '@/lib/catalog/offers'
import type { Model } from '@/lib/catalog/types'
import {
  CAPABILITIES,
  CAPABILITY_KEYS,
  MODALITIES,
  MODALITY_LABELS,
  MODE_LABELS,
  STATUS_LABELS,
} from '@/lib/catalog/vocab'
import { formatDate, formatPrice, formatTokens } from '@/lib/pricing/format'

/** How a row picks its best value; `none`: nothing to prefer (a tokenizer, a list of names). */
export type BestRule = 'min' | 'max' | 'yes' | 'newest' | 'none'

export interface CompareCell {
  /** What the cell shows. */
  text: string
  /** A yes/no cell (capabilities, modalities, parameters): rendered as a mark plus the word. */
  flag?: boolean
  /** Unknown or not offered. */
  missing?: boolean
  /** Secondary line (a provider name under a price). */
  note?: string
}

export interface CompareRow {
  key: string
  label: string
  /** Unit or meaning, shown under the label. */
  hint?: string
  cells: CompareCell[]
  /** Per model: holds the row's best value. Empty when there is no best (all equal, or one value). */
  best: boolean[]
  /** What "best" means here, for the mark's accessible text ("cheapest", "largest", ...). */
  bestWord?: string
  /** Every model has the same value: hidden by "differences only". */
  same: boolean
}

export interface CompareGroup {
  key: string
  title: string
  /** Units or scope shared by the group's rows. */
  note?: string
  rows: CompareRow[]
}

interface Spec<V> {
  key: string
  label: string
  hint?: string
  rule: BestRule
  bestWord?: string
  /** The comparable value; `undefined` when unknown/not offered. */
  value: (m: Model) => V | undefined
  text: (v: V, m: Model) => string
  note?: (m: Model) => string | undefined
  flag?: boolean
  /** Text for a missing value (per model where it depends on the model). */
  missingText?: string | ((m: Model) => string)
}

function bestOf<V>(values: (V | undefined)[], rule: BestRule): boolean[] {
  const present = values.filter((v): v is V => v !== undefined)
  if (rule === 'none' || present.length < 2) return []
  if (rule === 'yes') {
    if (present.every((v) => v === true) || !present.some((v) => v === true)) return []
    return values.map((v) => v === true)
  }
  const cmp = (a: V, b: V) =>
    typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b))
  const target = present.reduce((acc, v) => {
    const c = cmp(v, acc)
    return rule === 'min' ? (c < 0 ? v : acc) : c > 0 ? v : acc
  })
  const winners = values.map((v) => v !== undefined && cmp(v, target) === 0)
  // Everyone ties: nothing stands out.
  return winners.every(Boolean) ? [] : winners
}

function row<V>(models: Model[], s: Spec<V>): CompareRow {
  const values = models.map(s.value)
  const cells: CompareCell[] = values.map((v, i) => {
    const m = models[i]!
    const note = s.note?.(m)
    const missing = typeof s.missingText === 'function' ? s.missingText(m) : s.missingText
    if (v === undefined) return { text: missing ?? '—', missing: true, ...(s.flag ? { flag: false } : {}) }
    return { text: s.text(v, m), ...(s.flag ? { flag: v === true } : {}), ...(note ? { note } : {}) }
  })
  const keys = cells.map((c) => `${c.text}|${c.flag ?? ''}`)
  const same = keys.every((k) => k === keys[0])
  // Absent keys, not `undefined` ones: the RSC payload spells each out as "$undefined".
  return {
    key: s.key,
    label: s.label,
    ...(s.hint ? { hint: s.hint } : {}),
    cells,
    best: bestOf(values, s.rule),
    ...(s.bestWord ? { bestWord: s.bestWord } : {}),
    same,
  }
}

const yesNo = (v: boolean) => (v ? 'Yes' : 'No')

/** "$0.15–$0.30 over 4 providers"; `undefined` when fewer than two providers price it. */
function spread(m: Model, kind: 'input' | 'output'): string | undefined {
  const prices = m.endpoints.filter(pricesModel).map((e) => e.pricing[kind])
  if (prices.length < 2) return undefined
  const lo = Math.min(...prices)
  const hi = Math.max(...prices)
  return lo === hi
    ? `${formatPrice(lo)} at all ${prices.length}`
    : `${formatPrice(lo)}–${formatPrice(hi)} over ${prices.length}`
}

function tiers(m: Model): string | undefined {
  const t = m.cheapest?.pricing.tiers
  if (!t?.length) return undefined
  return t
    .map(
      (x) =>
        `above ${formatTokens(x.above)}: ${formatPrice(x.input ?? m.cheapest!.pricing.input)} in, ${formatPrice(x.output ?? m.cheapest!.pricing.output)} out`,
    )
    .join('; ')
}

/** The comparison of `models` (in the reader's order). */
export function compareGroups(models: Model[]): CompareGroup[] {
  const price = (key: 'input' | 'output' | 'cacheRead' | 'cacheWrite' | 'reasoning', label: string): Spec<number> => ({
    key: `price-${key}`,
    label,
    rule: 'min',
    bestWord: 'cheapest',
    value: (m) => m.cheapest?.pricing[key],
    text: (v) => formatPrice(v),
    missingText:
      key === 'input' || key === 'output'
        ? 'No price'
        : key === 'reasoning'
          ? // No separate price is not "no reasoning": a reasoning model's thinking is billed as output.
            (m) => (!m.cheapest ? 'No price' : m.capabilities.reasoning ? 'Billed as output' : 'Not a reasoning model')
          : 'Not offered',
  })
  const pricing: CompareGroup = {
    key: 'pricing',
    title: 'Pricing',
    note: 'USD per 1M tokens, at each model’s cheapest provider',
    rows: [
      row(models, price('input', 'Input')),
      row(models, price('output', 'Output')),
      row(models, price('cacheRead', 'Cache read')),
      row(models, price('cacheWrite', 'Cache write')),
      row(models, price('reasoning', 'Reasoning tokens')),
      row<number>(models, {
        key: 'price-request',
        label: 'Per request',
        hint: 'USD per request, on top of tokens',
        rule: 'min',
        bestWord: 'cheapest',
        value: (m) => m.cheapest?.pricing.request ?? (m.cheapest ? 0 : undefined),
        text: (v) => (v === 0 ? 'None' : formatPrice(v)),
      }),
      row<string>(models, {
        key: 'cheapest-provider',
        label: 'Cheapest provider',
        rule: 'none',
        value: (m) => m.cheapest?.providerName,
        text: (v) => v,
        missingText: 'None',
      }),
      row<string>(models, {
        key: 'spread-input',
        label: 'Input across providers',
        rule: 'none',
        value: (m) => spread(m, 'input'),
        text: (v) => v,
        missingText: 'One provider',
      }),
      row<string>(models, {
        key: 'spread-output',
        label: 'Output across providers',
        rule: 'none',
        value: (m) => spread(m, 'output'),
        text: (v) => v,
        missingText: 'One provider',
      }),
      row<string>(models, {
        key: 'tiers',
        label: 'Long-prompt prices',
        rule: 'none',
        value: tiers,
        text: (v) => v,
        missingText: 'Same at any length',
      }),
    ],
  }
  const limits: CompareGroup = {
    key: 'limits',
    title: 'Limits',
    rows: [
      row<number>(models, {
        key: 'context',
        label: 'Context',
        hint: 'tokens',
        rule: 'max',
        bestWord: 'largest',
        value: (m) => m.contextWindow,
        text: (v) => formatTokens(v),
      }),
      row<number>(models, {
        key: 'max-output',
        label: 'Max output',
        hint: 'output tokens',
        rule: 'max',
        bestWord: 'largest',
        value: (m) => m.maxOutputTokens,
        text: (v) => formatTokens(v),
        missingText: 'Unknown',
      }),
    ],
  }
  const capabilities: CompareGroup = {
    key: 'capabilities',
    title: 'Capabilities',
    rows: CAPABILITY_KEYS.map((k) =>
      row<boolean>(models, {
        key: `cap-${k}`,
        label: CAPABILITIES[k],
        rule: 'yes',
        bestWord: 'supported',
        flag: true,
        value: (m) => m.capabilities[k],
        text: yesNo,
      }),
    ),
  }
  const modalityRows = (dir: 'input' | 'output') =>
    MODALITIES.filter((mod) => models.some((m) => m.modalities[dir].includes(mod))).map((mod) =>
      row<boolean>(models, {
        key: `${dir}-${mod}`,
        label: `${dir === 'input' ? 'Reads' : 'Writes'} ${MODALITY_LABELS[mod].toLowerCase()}`,
        rule: 'yes',
        bestWord: 'supported',
        flag: true,
        value: (m) => m.modalities[dir].includes(mod),
        text: yesNo,
      }),
    )
  const modalities: CompareGroup = {
    key: 'modalities',
    title: 'Modalities',
    rows: [...modalityRows('input'), ...modalityRows('output')],
  }

  const params = [...new Set(models.flatMap((m) => m.parameters.map((p) => p.name)))].sort()
  const parameters: CompareGroup = {
    key: 'parameters',
    title: 'Supported parameters',
    rows: params.map((name) =>
      row<boolean>(models, {
        key: `param-${name}`,
        label: name,
        rule: 'yes',
        bestWord: 'supported',
        flag: true,
        value: (m) => m.parameters.some((p) => p.name === name),
        text: (v, m) => {
          const d = m.parameters.find((p) => p.name === name)?.default
          return v ? (d === undefined ? 'Yes' : `Yes, default ${String(d)}`) : 'No'
        },
      }),
    ),
  }
  const model: CompareGroup = {
    key: 'model',
    title: 'Model',
    rows: [
      row<string>(models, {
        key: 'tokenizer',
        label: 'Tokenizer',
        rule: 'none',
        value: (m) => m.tokenizer,
        text: (v) => v,
        missingText: 'Unknown',
      }),
      row<boolean>(models, {
        key: 'open-weights',
        label: 'Open weights',
        rule: 'yes',
        bestWord: 'open',
        flag: true,
        value: (m) => m.openWeights,
        text: yesNo,
      }),
      row<string>(models, {
        key: 'license',
        label: 'License',
        rule: 'none',
        value: (m) => m.license,
        text: (v) => v,
        missingText: 'Unknown',
      }),
      row<boolean>(models, {
        key: 'moderated',
        label: 'Moderated by the vendor',
        rule: 'none',
        flag: true,
        value: (m) => m.moderated,
        text: yesNo,
      }),
      row<string>(models, {
        key: 'mode',
        label: 'Mode',
        rule: 'none',
        value: (m) => m.mode,
        text: (_v, m) => MODE_LABELS[m.mode],
      }),
    ],
  }
  const dates: CompareGroup = {
    key: 'dates',
    title: 'Dates',
    rows: [
      row<string>(models, {
        key: 'released',
        label: 'Released',
        rule: 'newest',
        bestWord: 'newest',
        value: (m) => m.releaseDate,
        text: (v) => formatDate(v),
        missingText: 'Unknown',
      }),
      row<string>(models, {
        key: 'cutoff',
        label: 'Knowledge cutoff',
        rule: 'newest',
        bestWord: 'most recent',
        value: (m) => m.knowledgeCutoff,
        text: (v) => formatDate(v),
        missingText: 'Unknown',
      }),
      row<string>(models, {
        key: 'deprecation',
        label: 'Deprecated',
        rule: 'none',
        value: (m) => m.deprecationDate,
        text: (v) => formatDate(v),
        missingText: 'No',
      }),
      row<string>(models, {
        key: 'retirement',
        label: 'Retires',
        rule: 'none',
        value: (m) => m.retirementDate,
        text: (v) => formatDate(v),
        missingText: 'Not announced',
      }),
    ],
  }
  const STATUS_RANK = { available: 2, preview: 1, deprecated: 0 } as const
  const status: CompareGroup = {
    key: 'status',
    title: 'Status',
    rows: [
      row<number>(models, {
        key: 'status',
        label: 'Status',
        rule: 'max',
        bestWord: 'available',
        value: (m) => STATUS_RANK[m.status],
        text: (_v, m) => STATUS_LABELS[m.status],
      }),
    ],
  }
  const providers: CompareGroup = {
    key: 'providers',
    title: 'Providers',
    rows: [
      row<number>(models, {
        key: 'provider-count',
        label: 'Providers',
        rule: 'max',
        bestWord: 'most',
        value: (m) => m.endpoints.length,
        text: (v) => String(v),
      }),
      row<string>(models, {
        key: 'provider-names',
        label: 'Served by',
        rule: 'none',
        value: (m) =>
          m.endpoints.length ? [...new Set(m.endpoints.map((e) => e.providerName))].join(', ') : undefined,
        text: (v) => v,
        missingText: 'No provider',
      }),
    ],
  }
  return [pricing, limits, capabilities, modalities, parameters, model, dates, status, providers]
}
