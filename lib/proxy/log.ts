/**
 * The proxy's call log: one JSON line per call, written in batches. A write to a pipe is a
 * blocking system call on Linux, so lines logged in the same turn of the event loop go out
 * together in one write once the turn ends, instead of one write per call.
 */
export interface LineLog {
  (line: Record<string, unknown>): void
  /** Writes what is pending now (on shutdown). */
  flush(): void
}

export function batchedLog(write: (text: string) => void, schedule: (fn: () => void) => void = setImmediate): LineLog {
  let pending: string[] = []
  const flush = () => {
    if (pending.length === 0) return
    const text = `${pending.join('\n')}\n`
    pending = []
    write(text)
  }
  const log = ((line: Record<string, unknown>) => {
    if (pending.push(JSON.stringify(line)) === 1) schedule(flush)
  }) as LineLog
  log.flush = flush
  return log
}
