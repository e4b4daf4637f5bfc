/** drizzle-kit: `npm run db:generate` writes a new SQL migration from lib/store/schema.ts. */
import { defineConfig } from 'drizzle-kit'

export default defineConfig({
  dialect: 'postgresql',
  schema: './lib/store/schema.ts',
  out: './lib/store/migrations',
})
