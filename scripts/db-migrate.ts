/**
 * `npm run db:migrate`: applies the usage store's migrations (lib/store/migrations) to the
 * configured store, as the server does at start: PGlite under DATA_DIR by default, the
 * PostgreSQL server at DATABASE_URL when set. Safe to run again (applied migrations are skipped).
 */
import { describeStoreConfig, parseStoreConfig } from '@/lib/store/config'
import { migratePostgresServer, openPgliteDatabase } from '@/lib/store/db'

try {
  const config = parseStoreConfig(process.env)
  const started = performance.now()
  if (config.mode === 'off') {
    console.log('usage store: off (USAGE_STORE=off); nothing to migrate')
  } else {
    if (config.mode === 'postgres') await migratePostgresServer(config.url)
    else await (await openPgliteDatabase(config.dataDir)).close()
    console.log(
      `usage store: ${describeStoreConfig(config)} is migrated (${Math.round(performance.now() - started)} ms)`,
    )
  }
} catch (e) {
  console.error(`db:migrate: ${e instanceof Error ? e.message : String(e)}`)
  process.exitCode = 1
}
