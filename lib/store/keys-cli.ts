/**
 * `npm run keys -- <create|list|update|revoke> ...`: the arguments, parsed and checked (pure), and
 * the command run against an open database. scripts/keys.ts opens the configured store and calls
 * `runKeysCommand`.
 */
import { parseArgs } from 'node:util'

import type { KeySettings, StoredKey } from './keys'
import { createKey, listKeys, revokeKey, updateKey } from './keys'
import type { Db } from './queries'

export const KEYS_USAGE = `Usage: npm run keys -- <command> [options]

  create --name NAME [settings]   creates a key and prints it once (only its hash is stored)
  list [--json]                   lists the keys (never the keys themselves)
  update NAME|ID [settings]       changes a key's settings
  revoke NAME|ID                  refuses the key from now on (every instance within ~1 s)

Settings (update: "none" clears one):
  --rpm N            requests per minute (default: CHAT_PROXY_RATE_LIMIT; 0: unlimited)
  --tpm N            tokens per minute (prompt + completion)
  --budget-day USD   spending budget per UTC day, e.g. 5 or 0.25
  --budget-month USD spending budget per UTC calendar month
  --models LIST      comma-separated model ids, vendors or routers (openai/gpt-4o-mini,anthropic,router/x)
  --expires WHEN     an ISO date or date-time, or a duration from now: 30d, 12h`

export type KeysCommand =
  | { command: 'create'; name: string; settings: KeySettings }
  | { command: 'list'; json: boolean }
  | { command: 'update'; target: string; settings: KeySettings }
  | { command: 'revoke'; target: string }

class UsageError extends Error {}

const NONE = new Set(['none', 'never', 'off', ''])

function wholeNumber(flag: string, value: string, min: number): number {
  const n = Number(value)
  if (!/^\d+$/.test(value.trim()) || n < min)
    throw new UsageError(`--${flag}: expected a whole number ≥ ${min}, got "${value}"`)
  return n
}

function usd(flag: string, value: string): string {
  const v = value.trim().replace(/^\$/, '')
  if (!/^\d+(\.\d+)?$/.test(v) || Number(v) <= 0)
    throw new UsageError(`--${flag}: expected an amount in USD above 0, such as 25 or 0.01, got "${value}"`)
  return v
}

function when(value: string, now: Date): Date {
  const d = value.trim().match(/^(\d+)\s*([dhm])$/)
  if (d)
    return new Date(now.getTime() + Number(d[1]) * { d: 86_400_000, h: 3_600_000, m: 60_000 }[d[2] as 'd' | 'h' | 'm'])
  const t = new Date(value)
  if (Number.isNaN(t.getTime()))
    throw new UsageError(`--expires: expected a date (2027-01-31), a date-time or a duration (30d), got "${value}"`)
  return t
}

type Flags = Partial<Record<'rpm' | 'tpm' | 'budget-day' | 'budget-month' | 'models' | 'expires', string>>

/** The settings the flags give; `clearable` (update) lets "none" clear an optional one. */
function settingsOf(flags: Flags, clearable: boolean, now: Date): KeySettings {
  const s: KeySettings = {}
  const cleared = (v: string | undefined) => {
    if (v === undefined || !NONE.has(v.trim().toLowerCase())) return false
    if (!clearable) throw new UsageError(`"${v}" clears a setting in update; in create leave the option out`)
    return true
  }
  if (flags.rpm !== undefined) s.rpm = cleared(flags.rpm) ? null : wholeNumber('rpm', flags.rpm, 0)
  if (flags.tpm !== undefined) s.tpm = cleared(flags.tpm) ? null : wholeNumber('tpm', flags.tpm, 1)
  if (flags['budget-day'] !== undefined)
    s.budgetDay = cleared(flags['budget-day']) ? null : usd('budget-day', flags['budget-day'])
  if (flags['budget-month'] !== undefined)
    s.budgetMonth = cleared(flags['budget-month']) ? null : usd('budget-month', flags['budget-month'])
  if (flags.models !== undefined) {
    const list = flags.models
      .split(',')
      .map((m) => m.trim())
      .filter(Boolean)
    s.allowedModels = cleared(flags.models) ? null : list
    if (s.allowedModels?.length === 0) throw new UsageError('--models: give at least one model id, vendor or router')
  }
  if (flags.expires !== undefined) s.expiresAt = cleared(flags.expires) ? null : when(flags.expires, now)
  return s
}

/** Parses the command line; throws a message (with the usage) when it is wrong. */
export function parseKeysArgs(argv: string[], now = new Date()): KeysCommand {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        name: { type: 'string' },
        rpm: { type: 'string' },
        tpm: { type: 'string' },
        'budget-day': { type: 'string' },
        'budget-month': { type: 'string' },
        models: { type: 'string' },
        expires: { type: 'string' },
        json: { type: 'boolean' },
      },
    })
    const [command, target, ...extra] = positionals
    if (extra.length > 0) throw new UsageError(`unexpected arguments: ${extra.join(' ')}`)
    switch (command) {
      case 'create': {
        const name = values.name?.trim()
        if (!name) throw new UsageError('create needs --name NAME')
        if (name.length > 100) throw new UsageError('--name: at most 100 characters')
        if (target) throw new UsageError(`create takes --name, not "${target}"`)
        return { command, name, settings: settingsOf(values, false, now) }
      }
      case 'list':
        return { command, json: values.json === true }
      case 'update': {
        if (!target) throw new UsageError('update needs the key: its name or id')
        const settings = settingsOf(values, true, now)
        if (Object.keys(settings).length === 0) throw new UsageError('update: give at least one setting to change')
        return { command, target, settings }
      }
      case 'revoke':
        if (!target) throw new UsageError('revoke needs the key: its name or id')
        return { command, target }
      default:
        throw new UsageError(command ? `unknown command "${command}"` : 'give a command')
    }
  } catch (e) {
    throw new Error(`${e instanceof Error ? e.message : String(e)}\n\n${KEYS_USAGE}`)
  }
}

/** One key as the CLI prints it (never the key itself, which only `create` prints, once). */
export function describeKey(k: StoredKey, now = new Date()): Record<string, string | number | null> {
  const status = k.revokedAt ? 'revoked' : k.expiresAt && k.expiresAt <= now ? 'expired' : 'active'
  return {
    name: k.name,
    id: k.id,
    status,
    rpm: k.rpm,
    tpm: k.tpm,
    budget_day_usd: k.budgetDay,
    budget_month_usd: k.budgetMonth,
    models: k.allowedModels?.join(',') ?? null,
    expires: k.expiresAt?.toISOString() ?? null,
    created: k.createdAt.toISOString(),
  }
}

/** Runs a parsed command; returns what to print. Throws a message when the key is unknown or the name taken. */
export async function runKeysCommand(db: Db, cmd: KeysCommand, now = new Date()): Promise<string> {
  switch (cmd.command) {
    case 'create': {
      try {
        const { key, row } = await createKey(db, cmd.name, cmd.settings, now)
        return [
          `Created key "${row.name}" (id ${row.id}). Its value, shown this once (only a hash is stored):`,
          '',
          `  ${key}`,
          '',
          JSON.stringify(describeKey(row, now)),
        ].join('\n')
      } catch (e) {
        if (/api_keys_name_unique|duplicate key/.test(String((e as { cause?: unknown }).cause ?? e)))
          throw new Error(`A key named "${cmd.name}" exists already: pick another name, or update that one.`)
        throw e
      }
    }
    case 'list': {
      const rows = (await listKeys(db)).map((k) => describeKey(k, now))
      if (cmd.json) return JSON.stringify(rows, null, 2)
      if (rows.length === 0) return 'No keys yet: npm run keys -- create --name NAME'
      return rows
        .map((r) =>
          Object.entries(r)
            .map(([k, v]) => `${k}=${v ?? '-'}`)
            .join('  '),
        )
        .join('\n')
    }
    case 'update': {
      const row = await updateKey(db, cmd.target, cmd.settings, now)
      if (!row) throw new Error(`No key named (or with id) "${cmd.target}".`)
      return `Updated key "${row.name}": ${JSON.stringify(describeKey(row, now))}`
    }
    case 'revoke': {
      const row = await revokeKey(db, cmd.target, now)
      if (!row) throw new Error(`No key named (or with id) "${cmd.target}".`)
      return `Revoked key "${row.name}" (id ${row.id}); every instance refuses it within about a second.`
    }
  }
}
