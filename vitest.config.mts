import { fileURLToPath } from 'node:url'

import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'

const r = (p: string) => fileURLToPath(new URL(p, import.meta.url))

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: [
      { find: '@/', replacement: r('./') },
      { find: 'content-collections', replacement: r('./.content-collections/generated') },
      // `server-only` throws outside React's server build; in unit tests it is a no-op.
      { find: 'server-only', replacement: r('./test-support/server-only-stub.ts') },
    ],
  },
  test: {
    include: ['lib/**/*.test.ts', 'importer/**/*.test.ts', 'components/**/*.test.tsx', 'scripts/**/*.test.ts'],
    environment: 'node',
  },
})
