/**
 * The caller keys an instance accepts (issue #17): the fixed ones of `CHAT_PROXY_KEYS` (the
 * server's default limits, no budget) and those managed with `npm run keys` in the usage store.
 * The stored keys and what each budgeted key spent are reloaded every `refreshMs` (1 s), so a
 * change made on one instance (or by the CLI) reaches every instance within about a second,
 * without a database round trip on any call. Spend of calls this instance finished since is
 * added locally until the store has it.
 */
import { createHash } from 'node:crypto'

import type { KeyState, KeyStateQuery, StoredKey } from '@/lib/store'

import { checkKey } from './auth'

/** A caller's key with what applies to it. */
export interface CallerKey {
  /** The key id (12 hex digits of the key's SHA-256), as in logs and the usage store. */
  id: string
  /** The CLI name; `CHAT_PROXY_KEYS` keys are named `env`. */
  name: string
  source: 'env' | 'store'
  /** Requests per minute; 0: unlimited. */
  rpm: number
  /** Tokens per minute; null: unlimited. */
  tpm: number | null
  /** USD per UTC day / month; null: none. */
  budgetDay: number | null
  budgetMonth: number | null
  /** Model ids, vendors or routers the key may call; null: any. */
  allowedModels: string[] | null
  expiresAt: Date | null
  revokedAt: Date | null
}

/** A budget period with its limit, spend and reset. */
export interface BudgetStatus {
  period: 'day' | 'month'
  limit: number
  spent: number
  remaining: number
  resetsAt: Date
}

/** Where stored keys come from (the usage store); absent under `next dev`. */
export interface KeySource {
  keyState(query: KeyStateQuery): Promise<KeyState>
}

export interface KeyRegistryOptions {
  /** Requests per minute for keys without their own (`CHAT_PROXY_RATE_LIMIT`). */
  defaultRpm: number
  /** Reload interval. Default 1,000 ms. */
  refreshMs?: number
  now?: () => number
  log?: (line: Record<string, unknown>) => void
}

const DAY_MS = 86_400_000
/** Most local spend entries kept per key, and ids asked about per reload: bounded while the store is away. */
const MAX_LOCAL_PER_KEY = 10_000
const MAX_PENDING_IDS = 10_000

/** Start of the UTC day and month of `t`, and the next ones (when budgets reset). */
export function periods(t: number) {
  const d = new Date(t)
  const dayStart = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()))
  const monthStart = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1))
  return {
    dayStart,
    monthStart,
    nextDay: new Date(dayStart.getTime() + DAY_MS),
    nextMonth: new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)),
  }
}

interface LocalSpend {
  /** The call's generation id: the reload says whether the store has it yet. */
  id: string
  cost: number
  at: number
}

export class KeyRegistry {
  private byHash = new Map<string, CallerKey>()
  /** Spend from the last reload: key id → day, month (USD), for the periods of `spendPeriod`. */
  private stored = new Map<string, { day: number; month: number }>()
  private spendPeriod = { day: 0, month: 0 }
  private local = new Map<string, LocalSpend[]>()
  private timer: ReturnType<typeof setInterval> | undefined
  private refreshing: Promise<void> | undefined
  private failing = false
  private loaded = false
  private readonly now: () => number
  private readonly log: (line: Record<string, unknown>) => void

  constructor(
    private readonly envKeys: readonly string[],
    private readonly options: KeyRegistryOptions,
    private readonly source?: KeySource,
  ) {
    this.now = options.now ?? Date.now
    this.log = options.log ?? ((line) => console.warn(JSON.stringify(line)))
  }

  /** True when some key can be accepted (env keys, or stored keys once loaded). */
  get configured(): boolean {
    return this.envKeys.length > 0 || this.byHash.size > 0
  }

  /** Loads the stored keys now, then every `refreshMs` (unref'd timer: it never holds the process). */
  async start(): Promise<void> {
    await this.refresh()
    if (this.timer || !this.source) return
    this.timer = setInterval(() => void this.refresh(), this.options.refreshMs ?? 1_000)
    this.timer.unref?.()
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer)
    this.timer = undefined
  }

  /** One reload. A store that fails keeps the last keys and spend (logged once per outage). */
  refresh(): Promise<void> {
    if (!this.source) return Promise.resolve()
    this.refreshing ??= this.load(this.source).finally(() => {
      this.refreshing = undefined
    })
    return this.refreshing
  }

  private async load(source: KeySource) {
    const p = periods(this.now())
    // Entries from before this month count for no budget any more.
    for (const [id, list] of this.local) {
      const kept = list.filter((s) => s.at >= p.monthStart.getTime())
      if (kept.length > 0) this.local.set(id, kept)
      else this.local.delete(id)
    }
    const pendingIds = [...this.local.values()].flatMap((list) => list.map((s) => s.id)).slice(-MAX_PENDING_IDS)
    let state: KeyState
    try {
      state = await source.keyState({ dayStart: p.dayStart, monthStart: p.monthStart, pendingIds })
    } catch (e) {
      if (!this.failing) {
        this.failing = true
        this.log({
          level: 'warn',
          message: `keys: could not reload caller keys from the usage store; using the ${this.loaded ? 'last loaded' : 'CHAT_PROXY_KEYS'} keys until it answers`,
          error: e instanceof Error ? e.message : String(e),
        })
      }
      return
    }
    if (this.failing) this.log({ level: 'info', message: 'keys: reloading caller keys again' })
    this.failing = false
    this.loaded = true
    const byHash = new Map<string, CallerKey>()
    for (const k of state.keys) byHash.set(k.hash, this.fromStored(k))
    this.byHash = byHash
    this.stored = new Map(state.spend.map((s) => [s.keyId, { day: Number(s.day), month: Number(s.month) }]))
    this.spendPeriod = { day: p.dayStart.getTime(), month: p.monthStart.getTime() }
    // Calls the sums now include count there, not here; the others (not written yet, or
    // recorded while this reload ran) stay local until a reload finds them.
    const written = new Set(state.written ?? [])
    for (const [id, list] of this.local) {
      const kept = list.filter((s) => !written.has(s.id))
      if (kept.length > 0) this.local.set(id, kept)
      else this.local.delete(id)
    }
  }

  private fromStored(k: StoredKey): CallerKey {
    return {
      id: k.id,
      name: k.name,
      source: 'store',
      rpm: k.rpm ?? this.options.defaultRpm,
      tpm: k.tpm,
      budgetDay: k.budgetDay === null ? null : Number(k.budgetDay),
      budgetMonth: k.budgetMonth === null ? null : Number(k.budgetMonth),
      allowedModels: k.allowedModels,
      expiresAt: k.expiresAt,
      revokedAt: k.revokedAt,
    }
  }

  /**
   * The key a caller presented, or undefined. `CHAT_PROXY_KEYS` are compared in constant time
   * (auth.ts); stored keys are found by their SHA-256, which says nothing about the key.
   */
  lookup(token: string): CallerKey | undefined {
    const envId = this.envKeys.length > 0 ? checkKey(token, this.envKeys) : undefined
    if (envId)
      return {
        id: envId,
        name: 'env',
        source: 'env',
        rpm: this.options.defaultRpm,
        tpm: null,
        budgetDay: null,
        budgetMonth: null,
        allowedModels: null,
        expiresAt: null,
        revokedAt: null,
      }
    if (this.byHash.size === 0) return undefined
    return this.byHash.get(createHash('sha256').update(token).digest('hex'))
  }

  /** Counts a finished call's cost at once on this instance (other instances see it once it is written). */
  addSpend(keyId: string, cost: number, generationId: string): void {
    if (!(cost > 0) || !this.source) return
    const list = this.local.get(keyId) ?? []
    list.push({ id: generationId, cost, at: this.now() })
    if (list.length > MAX_LOCAL_PER_KEY) list.shift()
    this.local.set(keyId, list)
  }

  /** What the key spent today and this month (USD), with this instance's unwritten calls. */
  spent(keyId: string): { day: number; month: number } {
    const now = this.now()
    const p = periods(now)
    const s = this.stored.get(keyId)
    // A reload from before midnight (or the month's turn) counts for nothing after it.
    let day = s && this.spendPeriod.day === p.dayStart.getTime() ? s.day : 0
    let month = s && this.spendPeriod.month === p.monthStart.getTime() ? s.month : 0
    for (const l of this.local.get(keyId) ?? []) {
      if (l.at >= p.dayStart.getTime()) day += l.cost
      if (l.at >= p.monthStart.getTime()) month += l.cost
    }
    return { day, month }
  }

  /** The key's budgets with spend and reset; empty without budgets. */
  budgets(key: CallerKey): BudgetStatus[] {
    const p = periods(this.now())
    const spent = this.spent(key.id)
    const out: BudgetStatus[] = []
    const add = (period: 'day' | 'month', limit: number | null, s: number, resetsAt: Date) => {
      if (limit === null) return
      out.push({ period, limit, spent: s, remaining: Math.max(0, limit - s), resetsAt })
    }
    add('day', key.budgetDay, spent.day, p.nextDay)
    add('month', key.budgetMonth, spent.month, p.nextMonth)
    return out
  }
}

/**
 * Whether a key may call a model: allowed when its list names the model's id, its vendor (the
 * id's first part) or the router it came through; any model when the key has no list.
 */
export function modelAllowed(key: Pick<CallerKey, 'allowedModels'>, modelId: string, routerId?: string): boolean {
  const list = key.allowedModels
  if (!list) return true
  const vendor = modelId.split('/')[0]
  return list.some((m) => m === modelId || m === vendor || (routerId !== undefined && m === routerId))
}
