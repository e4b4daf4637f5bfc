/**
 * First step of `npm test`: checks, in well under a second, that this machine has what the suite
 * needs beyond `npm install`, and otherwise stops with the one command that installs it (the
 * browser tests would fail minutes later, after the build, with a less helpful message).
 * `.ci/run` installs all of it on a fresh CI machine.
 */
import { existsSync, readdirSync } from 'node:fs'

const missing = []

// Playwright cannot download its browser on these machines: Debian's Chromium, or CHROMIUM_PATH.
const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
if (!existsSync(chromium)) {
  let bundled = false
  try {
    const { chromium: pw } = await import('@playwright/test')
    bundled = existsSync(pw.executablePath())
  } catch {
    // no Playwright browser either
  }
  if (!bundled)
    missing.push(
      process.env.CHROMIUM_PATH
        ? `CHROMIUM_PATH=${process.env.CHROMIUM_PATH} does not exist`
        : 'Chromium for the browser tests: apt-get install -y chromium (or set CHROMIUM_PATH)',
    )
}

// The usage store's integration tests start a throwaway PostgreSQL server of their own.
const pgBins = process.env.PG_BIN
  ? [process.env.PG_BIN]
  : existsSync('/usr/lib/postgresql')
    ? readdirSync('/usr/lib/postgresql').map((v) => `/usr/lib/postgresql/${v}/bin`)
    : []
if (!pgBins.some((dir) => existsSync(`${dir}/initdb`) && existsSync(`${dir}/pg_ctl`)))
  missing.push('PostgreSQL server binaries for the usage store tests: apt-get install -y postgresql (or set PG_BIN)')

// The shared rate-limit tests start a throwaway Redis of their own.
const redisServer = process.env.REDIS_SERVER || '/usr/bin/redis-server'
if (!existsSync(redisServer))
  missing.push(
    process.env.REDIS_SERVER
      ? `REDIS_SERVER=${process.env.REDIS_SERVER} does not exist`
      : 'Redis for the shared rate-limit tests: apt-get install -y redis-server (or set REDIS_SERVER)',
  )

if (missing.length > 0) {
  console.error('npm test needs, on this machine:')
  for (const m of missing) console.error(`  - ${m}`)
  console.error('Or run `bash .ci/run`, which installs everything and runs the suite.')
  process.exit(1)
}
