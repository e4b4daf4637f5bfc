/**
 * `npm run keys -- <create|list|update|revoke> ...`: manages the proxy's caller keys in the usage
 * store (the PostgreSQL server at DATABASE_URL, else PGlite under DATA_DIR, which only one process
 * may hold: stop the server first, or share PostgreSQL). Migrations are applied first.
 */
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js'
import postgres from 'postgres'

import { parseStoreConfig } from '@/lib/store/config'
import { migratePostgresServer, openPgliteDatabase } from '@/lib/store/db'
import { parseKeysArgs, runKeysCommand } from '@/lib/store/keys-cli'

try {
  const cmd = parseKeysArgs(process.argv.slice(2))
  const config = parseStoreConfig(process.env)
  if (config.mode === 'off') throw new Error('USAGE_STORE=off: there is no store to keep keys in.')
  if (config.mode === 'postgres') {
    await migratePostgresServer(config.url)
    const client = postgres(config.url, { max: 1, onnotice: () => {}, connect_timeout: 10 })
    try {
      console.log(await runKeysCommand(drizzlePostgres({ client }), cmd))
    } finally {
      await client.end({ timeout: 5 })
    }
  } else {
    const opened = await openPgliteDatabase(config.dataDir)
    try {
      console.log(await runKeysCommand(opened.db, cmd))
    } finally {
      await opened.close()
    }
  }
} catch (e) {
  console.error(`keys: ${e instanceof Error ? e.message : String(e)}`)
  process.exitCode = 1
}
