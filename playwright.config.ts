import { existsSync } from 'node:fs'

import { defineConfig, devices } from '@playwright/test'

import { E2E_ENV } from './e2e/fixtures/env'

const PORT = Number(process.env.E2E_PORT ?? 3100)
const MOCK_PORT = Number(process.env.E2E_MOCK_PORT ?? 18181)
const mock = `http://127.0.0.1:${MOCK_PORT}`
// Debian's chromium where present (browsers cannot be downloaded on the build machines).
const executablePath = process.env.CHROMIUM_PATH || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined)
const args = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  workers: 2,
  reporter: process.env.CI ? 'list' : 'line',
  use: { baseURL: `http://127.0.0.1:${PORT}` },
  projects: [
    {
      name: 'chromium',
      testIgnore: /content-validation\.spec\.ts/,
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: executablePath ? { executablePath, args } : {},
      },
    },
    {
      // Whole `next build`s of small catalogs: run after the browser tests, so they do not
      // compete with them for the two cores.
      name: 'builds',
      testMatch: /content-validation\.spec\.ts/,
      dependencies: ['chromium'],
    },
  ],
  webServer: [
    {
      // The mock upstream first: the site's proxy forwards to it.
      command: `node node_modules/tsx/dist/cli.mjs test-support/mock-upstream.ts --port ${MOCK_PORT}`,
      url: `${mock}/__requests`,
      reuseExistingServer: !process.env.CI,
      timeout: 30_000,
    },
    {
      // What `npm start` runs: Next for the pages, the proxy straight from node:http.
      command: `node dist/server.mjs -p ${PORT} -H 127.0.0.1`,
      url: `http://127.0.0.1:${PORT}`,
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
      env: { NEXT_TELEMETRY_DISABLED: '1', SITE_URL: process.env.SITE_URL ?? 'http://localhost:3000', ...E2E_ENV },
    },
  ],
})
