/**
 * A throwaway Redis for tests: Debian's redis-server (or `REDIS_SERVER`) as a child process on
 * 127.0.0.1 and a free port, without persistence (`--save ''`), stopped by its PID.
 */
import type { ChildProcess } from 'node:child_process'
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { connect } from 'node:net'

import { freePort } from './free-port'

export interface RedisServer {
  url: string
  port: number
  /** Stops the server (SIGTERM to its PID) and waits for it to exit. */
  stop(): Promise<void>
  /** Starts it again on the same port (empty: nothing was saved). */
  restart(): Promise<void>
}

export const MISSING_REDIS =
  'redis-server was not found: the shared rate-limit tests start a throwaway Redis. Install it with ' +
  '`apt-get install -y redis-server` (Debian), or set REDIS_SERVER to its path.'

/** Resolves once a TCP connection to the port succeeds (bounded). */
async function waitForPort(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = connect(port, '127.0.0.1')
      s.once('connect', () => {
        s.destroy()
        resolve(true)
      })
      s.once('error', () => resolve(false))
    })
    if (ok) return
    if (Date.now() > deadline) throw new Error(`redis-server did not listen on ${port} within ${timeoutMs} ms`)
    await new Promise((r) => setTimeout(r, 50))
  }
}

export async function startRedisServer(options: { port?: number } = {}): Promise<RedisServer> {
  const bin = process.env.REDIS_SERVER || '/usr/bin/redis-server'
  if (!existsSync(bin)) throw new Error(MISSING_REDIS)
  const port = options.port ?? (await freePort())
  let child: ChildProcess | undefined
  const start = async () => {
    const c = spawn(bin, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
      stdio: 'ignore',
    })
    child = c
    await waitForPort(port, 15_000)
  }
  const stop = async () => {
    const c = child
    child = undefined
    if (!c || c.exitCode !== null || c.pid === undefined) return
    const exited = new Promise<void>((resolve) => c.once('exit', () => resolve()))
    process.kill(c.pid, 'SIGTERM')
    await exited
  }
  await start()
  return { url: `redis://127.0.0.1:${port}`, port, stop, restart: start }
}
