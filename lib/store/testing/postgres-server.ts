/**
 * A throwaway PostgreSQL server for integration tests: initdb into a temp directory, start on
 * 127.0.0.1 and a free port, stop and delete it afterwards. Uses Debian's `postgresql` package
 * (/usr/lib/postgresql/<version>/bin) or `PG_BIN`. As root (CI, these machines) the server runs
 * as the `postgres` user, which it refuses to do as root.
 */
import { execFile } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'

import { freePort } from '@/test-support/free-port'

const run = promisify(execFile)

export interface PostgresServer {
  /** `postgres://postgres@127.0.0.1:<port>/postgres` (trust authentication, local only). */
  url: string
  port: number
  /** The server's major version, e.g. 15. */
  version: number
  /** Stops the server but keeps its data (to test a store that goes away). */
  halt(): Promise<void>
  /** Starts a halted server again on the same port. */
  resume(): Promise<void>
  /** Stops the server and deletes its files. */
  stop(): Promise<void>
}

export const MISSING_POSTGRES =
  'PostgreSQL server binaries (initdb, pg_ctl) were not found in /usr/lib/postgresql/<version>/bin. ' +
  'The usage store integration tests start a throwaway PostgreSQL 15 server: install it with ' +
  '`apt-get install -y postgresql` (Debian), or set PG_BIN to a directory holding initdb and pg_ctl.'

/** The bin directory of the newest installed PostgreSQL, or PG_BIN. */
export function findPostgresBin(env: Record<string, string | undefined> = process.env): string {
  const has = (dir: string) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'))
  if (env.PG_BIN) {
    if (has(env.PG_BIN)) return env.PG_BIN
    throw new Error(`PG_BIN=${env.PG_BIN} holds no initdb and pg_ctl. ${MISSING_POSTGRES}`)
  }
  const root = '/usr/lib/postgresql'
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => /^\d+$/.test(v) && has(join(root, v, 'bin')))
        .sort((a, b) => Number(b) - Number(a))
    : []
  if (versions.length === 0) throw new Error(MISSING_POSTGRES)
  return join(root, versions[0]!, 'bin')
}

/** uid and gid of the `postgres` user, from /etc/passwd. */
function postgresUser(): { uid: number; gid: number } {
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('postgres:'))
  if (!line) throw new Error(`No "postgres" user to run the server as (running as root). ${MISSING_POSTGRES}`)
  const [, , uid, gid] = line.split(':')
  return { uid: Number(uid), gid: Number(gid) }
}

/** Starts a fresh server; retries on another port if the chosen one is taken meanwhile. */
export async function startPostgresServer(): Promise<PostgresServer> {
  const bin = findPostgresBin()
  const version = Number(bin.match(/postgresql\/(\d+)\//)?.[1] ?? 0)
  const asRoot = process.getuid?.() === 0
  const dir = mkdtempSync(join(tmpdir(), 'modelatlas-pg-'))
  const data = join(dir, 'data')
  const user = asRoot ? postgresUser() : undefined
  if (user) chownSync(dir, user.uid, user.gid)
  // As root, run the binaries as postgres (runuser, from util-linux, is on every Debian).
  const pg = (tool: string, args: string[]) =>
    user ? run('runuser', ['-u', 'postgres', '--', join(bin, tool), ...args]) : run(join(bin, tool), args)

  const cleanup = () => rmSync(dir, { recursive: true, force: true })
  try {
    await pg('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync', '--no-instructions'])
  } catch (e) {
    cleanup()
    throw new Error(`initdb failed: ${(e as { stderr?: string }).stderr ?? e}`)
  }
  const start = (port: number) =>
    // Durability is irrelevant for a throwaway test server; these make it quicker.
    pg('pg_ctl', [
      '-D',
      data,
      '-o',
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`,
      '-l',
      join(dir, 'log'),
      '-w',
      '-t',
      '60',
      'start',
    ])
  const halt = async () => {
    await pg('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop'])
  }
  let lastError: unknown
  for (let tries = 0; tries < 3; tries++) {
    const port = await freePort()
    try {
      await start(port)
      let running = true
      return {
        url: `postgres://postgres@127.0.0.1:${port}/postgres`,
        port,
        version,
        halt: async () => {
          await halt()
          running = false
        },
        resume: async () => {
          await start(port)
          running = true
        },
        stop: async () => {
          try {
            if (running) await halt()
          } finally {
            cleanup()
          }
        },
      }
    } catch (e) {
      lastError = e
    }
  }
  const log = existsSync(join(dir, 'log')) ? readFileSync(join(dir, 'log'), 'utf8').slice(-2000) : ''
  cleanup()
  throw new Error(`PostgreSQL did not start: ${(lastError as { stderr?: string }).stderr ?? lastError}\n${log}`)
}
