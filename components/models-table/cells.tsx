/**
 * How the catalog's tables show a value: one place for prices, token counts, modalities,
 * capabilities and status, so the index, the vendor and model pages' model tables, the providers
 * table and the provider pages' endpoint tables format alike. Plain components (no hooks): usable
 * from server and client components.
 */
import type { ReactNode } from 'react'
import Link from 'next/link'

import type { Capability, Modality, Status } from '@/lib/catalog/vocab'
import { CAPABILITY_SHORT_LABELS, MODALITY_LABELS, STATUS_LABELS } from '@/lib/catalog/vocab'
import { formatDate, formatPrice, formatTokens, formatTokensCompact } from '@/lib/pricing/display'
import { KEY_CAPABILITIES } from '@/lib/table/columns'
import type { PriceMove } from '@/lib/table/rows'
import { cn } from '@/lib/utils'

// Formatting is exact decimal work (digit strings); a table re-renders the same few hundred prices,
// token counts and dates on every sort and keystroke, so each text is made once.
const memo = <K, V>(f: (k: K) => V) => {
  const cache = new Map<K, V>()
  return (k: K) => {
    let v = cache.get(k)
    if (v === undefined) {
      v = f(k)
      cache.set(k, v)
    }
    return v
  }
}
const price = memo((n: number) => formatPrice(n))
const tokens = memo((n: number) => formatTokens(n))
const date = memo((s: string) => formatDate(s))
const tokensShort = memo((n: number) => formatTokensCompact(n))

/** USD per 1M tokens; "Free" for zero, a dash when unknown. */
export function PriceCell({ value }: { value: number | undefined }) {
  return value === undefined ? <Unknown /> : price(value)
}

/**
 * A model's input and output price and context window on one line ("In $0.15 · Out $0.60 ·
 * 128K context"): what a narrow screen shows of an index row without scrolling sideways.
 * Hidden from screen readers: the row's own cells say the same.
 */
export function KeyFigures({ input, output, context }: { input?: number; output?: number; context: number }) {
  return (
    <span aria-hidden="true" data-testid="key-figures" className="tabular-nums">
      In <PriceCell value={input} /> · Out <PriceCell value={output} /> · {tokensShort(context)} context
    </span>
  )
}

const PERCENT = { cut: 'text-success', rise: 'text-danger', change: 'text-muted-foreground' } as const

/**
 * A price change: its day and how input + output moved ("2025-11-17 −50 %", as /changes writes it); cuts in the success
 * colour, rises in the danger colour. A dash when no change is recorded.
 */
export function PriceChangeCell({ value }: { value: PriceMove | undefined }) {
  if (!value) return <Unknown title="No price change recorded" />
  const { date: day, kind, percent } = value
  const what =
    percent === undefined
      ? kind === 'change'
        ? 'changed'
        : 'from free'
      : `${percent > 0 ? '+' : percent < 0 ? '−' : '±'}${Math.abs(percent)} %`
  return (
    <>
      {day}{' '}
      <span className={`font-medium ${PERCENT[kind]}`}>
        <span className="sr-only">{kind === 'cut' ? 'cut ' : kind === 'rise' ? 'rise ' : ''}</span>
        {what}
      </span>
    </>
  )
}

/** An unknown value: a muted dash, read as "unknown". */
export function Unknown({ title = 'Unknown' }: { title?: string }) {
  return (
    <span className="text-muted-foreground" title={title}>
      —
    </span>
  )
}

/** Tokens, grouped ("128,000"); a dash when unknown. */
export function TokensCell({ value }: { value: number | undefined }) {
  return value === undefined ? <Unknown /> : tokens(value)
}

/** "July 18, 2024" / "October 2023"; a dash when unknown. */
export function DateCell({ value }: { value: string | undefined }) {
  return value === undefined ? <Unknown /> : date(value)
}

export function ModalitiesCell({ value }: { value: readonly Modality[] }) {
  return <>{value.map((m) => MODALITY_LABELS[m]).join(', ')}</>
}

/** The key capabilities a model has, as short words ("Tools · Vision · Reasoning"). */
export function CapabilitiesCell({ value }: { value: readonly Capability[] }) {
  const shown = KEY_CAPABILITIES.filter((c) => value.includes(c))
  if (shown.length === 0) return <span className="text-muted-foreground">None</span>
  return <>{shown.map((c) => CAPABILITY_SHORT_LABELS[c]).join(' · ')}</>
}

const STATUS_CLASS = { available: 'text-success', preview: 'text-warning', deprecated: 'text-danger' } as const

/** Status in one coloured word; the retirement or deprecation date, where known, in the tooltip. */
export function StatusCell({
  status,
  retirementDate,
  deprecationDate,
}: {
  status: Status
  retirementDate?: string
  deprecationDate?: string
}) {
  const when = retirementDate
    ? `Retires ${formatDate(retirementDate)}`
    : deprecationDate
      ? `Deprecated since ${formatDate(deprecationDate)}`
      : undefined
  return (
    <span className={`font-medium ${STATUS_CLASS[status]}`} title={when}>
      {STATUS_LABELS[status]}
    </span>
  )
}

/**
 * A model's name linking to its page, with its id beneath; with `phone`, that line shows in
 * place of the id on a narrow screen.
 */
export function ModelNameCell({ id, name, sub, phone }: { id: string; name: string; sub?: string; phone?: ReactNode }) {
  return (
    <span className="block min-w-0">
      <Link
        href={`/models/${id}`}
        prefetch={false}
        className="block truncate font-medium text-foreground hover:underline"
      >
        {name}
      </Link>
      <span className={cn('block truncate text-xs text-muted-foreground', phone !== undefined && 'max-sm:hidden')}>
        {sub ?? <code>{id}</code>}
      </span>
      {phone !== undefined ? <span className="block truncate text-xs sm:hidden">{phone}</span> : null}
    </span>
  )
}
