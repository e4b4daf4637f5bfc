/**
 * Retention: rows older than `USAGE_RETENTION_DAYS` are deleted, hourly, by the server; never
 * rows of the current calendar month (UTC), which monthly key budgets add up.
 */
import type { PruneResult } from './types'
import type { StoreLogger, UsageStore } from './usage-store'
import { consoleLogger } from './usage-store'

export interface PruneSchedule {
  /** Prunes now (also what the timer runs); concurrent runs share one. */
  runNow(): Promise<PruneResult>
  stop(): void
}

export interface PruneOptions {
  retentionDays: number
  /** Default one hour. */
  intervalMs?: number
  /** The first run, after the server has started. Default one minute. */
  firstDelayMs?: number
  logger?: StoreLogger
  now?: () => number
}

/** The older of "retentionDays ago" and the start of the current month (UTC). */
export function pruneCutoff(nowMs: number, retentionDays: number): Date {
  const monthStart = new Date(nowMs)
  monthStart.setUTCDate(1)
  monthStart.setUTCHours(0, 0, 0, 0)
  return new Date(Math.min(nowMs - retentionDays * 86_400_000, monthStart.getTime()))
}

/** Starts pruning `store` on a timer that does not keep the process alive. Failures are logged and tried again next time. */
export function startPruning(store: UsageStore, options: PruneOptions): PruneSchedule {
  const { retentionDays, intervalMs = 3_600_000, firstDelayMs = 60_000, logger = consoleLogger } = options
  const now = options.now ?? Date.now
  let running: Promise<PruneResult> | undefined
  let timer: ReturnType<typeof setTimeout> | undefined
  let stopped = false

  const runNow = () => {
    running ??= (async () => {
      const olderThan = pruneCutoff(now(), retentionDays)
      try {
        const result = await store.prune(olderThan)
        if (result.calls > 0 || result.attempts > 0)
          logger.info(`usage store: pruned rows older than ${retentionDays} days`, { ...result })
        return result
      } finally {
        running = undefined
      }
    })()
    return running
  }

  const arm = (delayMs: number) => {
    if (stopped) return
    timer = setTimeout(() => {
      runNow()
        .catch((e: unknown) =>
          logger.warn('usage store: pruning failed; trying again later', {
            error: e instanceof Error ? e.message : String(e),
          }),
        )
        .finally(() => arm(intervalMs))
    }, delayMs)
    timer.unref?.()
  }
  arm(firstDelayMs)

  return {
    runNow,
    stop: () => {
      stopped = true
      if (timer) clearTimeout(timer)
    },
  }
}
