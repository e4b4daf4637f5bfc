import { readFileSync } from 'node:fs'
import { join } from 'node:path'

import { migrationsFolder } from '../db'

/** How many migrations are committed (drizzle-kit's journal): what a migrated database records as applied. */
export function committedMigrations(): number {
  const journal = JSON.parse(readFileSync(join(migrationsFolder(), 'meta', '_journal.json'), 'utf8')) as {
    entries: unknown[]
  }
  return journal.entries.length
}
