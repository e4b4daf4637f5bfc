import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { PgliteDatabase } from './db'
import { openPgliteDatabase } from './db'
import { keyHash, keyIdOf, keyState } from './keys'
import { parseKeysArgs, runKeysCommand } from './keys-cli'
import { insertCalls } from './queries'
import { callRecordSchema } from './types'

const NOW = new Date('2026-12-05T12:00:00Z')

describe('parseKeysArgs', () => {
  it('reads create with every setting', () => {
    expect(
      parseKeysArgs(
        [
          'create',
          '--name',
          'ci',
          '--rpm',
          '60',
          '--tpm',
          '1000',
          '--budget-day',
          '$1.5',
          '--budget-month',
          '25',
          '--models',
          'openai, router/x',
          '--expires',
          '30d',
        ],
        NOW,
      ),
    ).toEqual({
      command: 'create',
      name: 'ci',
      settings: {
        rpm: 60,
        tpm: 1000,
        budgetDay: '1.5',
        budgetMonth: '25',
        allowedModels: ['openai', 'router/x'],
        expiresAt: new Date('2027-01-04T12:00:00Z'),
      },
    })
  })
  it('clears settings with "none" in update only, and explains mistakes with the usage', () => {
    expect(parseKeysArgs(['update', 'ci', '--budget-day', 'none', '--expires', 'never'], NOW)).toEqual({
      command: 'update',
      target: 'ci',
      settings: { budgetDay: null, expiresAt: null },
    })
    expect(() => parseKeysArgs(['create', '--name', 'x', '--tpm', 'none'])).toThrow(/clears a setting in update/)
    expect(() => parseKeysArgs(['create'])).toThrow(/create needs --name NAME[\s\S]*Usage: npm run keys/)
    expect(() => parseKeysArgs(['create', '--name', 'x', '--budget-day=0'])).toThrow(/amount in USD above 0/)
    expect(() => parseKeysArgs(['frobnicate'])).toThrow(/unknown command "frobnicate"/)
    expect(() => parseKeysArgs(['revoke'])).toThrow(/revoke needs the key/)
  })
})

describe('keys in the store (PGlite)', () => {
  let pg: PgliteDatabase
  beforeAll(async () => {
    pg = await openPgliteDatabase(undefined)
  }, 180_000)
  afterAll(() => pg.close())

  it('creates a key shown once, stores only its hash, lists, updates and revokes it', async () => {
    const out = await runKeysCommand(
      pg.db,
      parseKeysArgs(['create', '--name', 'ci', '--rpm', '30', '--budget-day', '0.01']),
      NOW,
    )
    const key = out.match(/^ {2}(ma-\S+)$/m)?.[1]
    expect(key).toMatch(/^ma-[\w-]{43}$/)
    const dump = JSON.stringify((await pg.client.query('select * from api_keys')).rows)
    expect(dump).not.toContain(key!)
    expect(dump).toContain(keyHash(key!))
    await expect(runKeysCommand(pg.db, parseKeysArgs(['create', '--name', 'ci']), NOW)).rejects.toThrow(
      /exists already/,
    )
    expect(await runKeysCommand(pg.db, parseKeysArgs(['update', 'ci', '--tpm', '500']), NOW)).toContain('"tpm":500')
    expect(await runKeysCommand(pg.db, parseKeysArgs(['revoke', keyIdOf(key!)]), NOW)).toContain('Revoked key "ci"')
    const list = JSON.parse(await runKeysCommand(pg.db, parseKeysArgs(['list', '--json']), NOW))
    expect(list).toEqual([
      expect.objectContaining({ name: 'ci', status: 'revoked', rpm: 30, tpm: 500, budget_day_usd: '0.01' }),
    ])
    await expect(runKeysCommand(pg.db, parseKeysArgs(['revoke', 'nobody']), NOW)).rejects.toThrow(/No key named/)
  })

  it('gives every key and the exact spend of budgeted keys today and this month', async () => {
    const out = await runKeysCommand(pg.db, parseKeysArgs(['create', '--name', 'budgeted', '--budget-month', '5']), NOW)
    const id = keyIdOf(out.match(/^ {2}(ma-\S+)$/m)![1]!)
    const call = (n: number, time: string, cost: string) =>
      callRecordSchema.parse({
        id: `gen-${n}`,
        time: Date.parse(time),
        keyId: id,
        streamed: false,
        status: 200,
        totalMs: 1,
        cost,
      })
    await insertCalls(pg.db, [
      call(1, '2026-12-05T01:00:00Z', '0.1'),
      call(2, '2026-12-05T11:00:00Z', '0.2'),
      call(3, '2026-12-01T00:00:00Z', '0.3'),
      call(4, '2026-11-30T23:59:59Z', '100'), // last month
    ])
    const state = await keyState(pg.db, {
      dayStart: new Date('2026-12-05T00:00:00Z'),
      monthStart: new Date('2026-12-01T00:00:00Z'),
      pendingIds: ['gen-2', 'gen-not-written'],
    })
    expect(state.keys.map((k) => k.name).sort()).toEqual(['budgeted', 'ci'])
    expect(state.spend).toEqual([{ keyId: id, day: '0.3', month: '0.6' }])
    expect(state.written).toEqual(['gen-2'])
  })
})
