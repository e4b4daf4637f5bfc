import { describe, expect, it } from 'vitest'

import { describeStoreConfig, parseStoreConfig } from './config'

describe('parseStoreConfig', () => {
  it('defaults to PGlite under ./.data with 30 days of retention', () => {
    expect(parseStoreConfig({}, '/srv/app')).toEqual({
      mode: 'pglite',
      dataDir: '/srv/app/.data/usage',
      retentionDays: 30,
      maxQueue: 10_000,
    })
    expect(
      parseStoreConfig({ DATA_DIR: '/var/lib/atlas', USAGE_RETENTION_DAYS: '7', USAGE_QUEUE_MAX: '500' }, '/srv/app'),
    ).toEqual({
      mode: 'pglite',
      dataDir: '/var/lib/atlas/usage',
      retentionDays: 7,
      maxQueue: 500,
    })
  })

  it('uses a PostgreSQL server when DATABASE_URL is set', () => {
    expect(parseStoreConfig({ DATABASE_URL: 'postgres://u:p@db:5432/atlas' })).toEqual({
      mode: 'postgres',
      url: 'postgres://u:p@db:5432/atlas',
      retentionDays: 30,
      maxQueue: 10_000,
    })
  })

  it('turns off with USAGE_STORE=off, whatever else is set', () => {
    expect(parseStoreConfig({ USAGE_STORE: 'OFF', DATABASE_URL: 'postgres://db/x' })).toEqual({ mode: 'off' })
  })

  it('treats blank values as unset', () => {
    expect(
      parseStoreConfig({ USAGE_STORE: ' ', DATABASE_URL: '', DATA_DIR: '', USAGE_RETENTION_DAYS: '' }, '/a'),
    ).toEqual({
      mode: 'pglite',
      dataDir: '/a/.data/usage',
      retentionDays: 30,
      maxQueue: 10_000,
    })
  })

  it('names the variable when a value is invalid', () => {
    expect(() => parseStoreConfig({ USAGE_STORE: 'maybe' })).toThrow(/USAGE_STORE: expected "on" or "off"/)
    expect(() => parseStoreConfig({ DATABASE_URL: 'mysql://db/x' })).toThrow(/DATABASE_URL: expected a postgres:\/\//)
    expect(() => parseStoreConfig({ USAGE_RETENTION_DAYS: '0' })).toThrow(
      /USAGE_RETENTION_DAYS: expected at least 1 day/,
    )
    expect(() => parseStoreConfig({ USAGE_RETENTION_DAYS: '1.5' })).toThrow(/USAGE_RETENTION_DAYS/)
    expect(() => parseStoreConfig({ USAGE_QUEUE_MAX: '0' })).toThrow(/USAGE_QUEUE_MAX: expected at least 1 call/)
  })

  it('never shows the password of DATABASE_URL', () => {
    const text = describeStoreConfig(
      parseStoreConfig({ DATABASE_URL: 'postgres://atlas:s3cret@db.internal:5433/usage' }),
    )
    expect(text).toBe('PostgreSQL at db.internal:5433/usage')
    expect(describeStoreConfig({ mode: 'off' })).toMatch(/off/)
  })
})
