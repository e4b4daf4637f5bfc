import { describe, expect, it } from 'vitest'

import { batchedLog } from './log'

describe('batchedLog', () => {
  it('writes the lines of one turn together, one JSON object per line, in order', () => {
    const writes: string[] = []
    const scheduled: Array<() => void> = []
    const log = batchedLog(
      (t) => writes.push(t),
      (fn) => scheduled.push(fn),
    )
    log({ status: 200, model: 'a' })
    log({ status: 502, model: 'b' })
    expect(writes).toEqual([])
    expect(scheduled).toHaveLength(1)
    scheduled[0]!()
    expect(writes).toEqual(['{"status":200,"model":"a"}\n{"status":502,"model":"b"}\n'])
    log({ status: 429 })
    expect(scheduled).toHaveLength(2)
    scheduled[1]!()
    expect(writes[1]).toBe('{"status":429}\n')
  })

  it('flush writes what is pending at once, and nothing twice', () => {
    const writes: string[] = []
    const scheduled: Array<() => void> = []
    const log = batchedLog(
      (t) => writes.push(t),
      (fn) => scheduled.push(fn),
    )
    log({ n: 1 })
    log.flush()
    scheduled[0]!()
    expect(writes).toEqual(['{"n":1}\n'])
  })

  it('goes out on its own after the current turn with the default scheduler', async () => {
    const writes: string[] = []
    const log = batchedLog((t) => writes.push(t))
    log({ n: 1 })
    await new Promise((r) => setImmediate(r))
    expect(writes).toEqual(['{"n":1}\n'])
  })
})
