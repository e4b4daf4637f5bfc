/**
 * A one-shot abort signal without an EventTarget: what the proxy uses of an `AbortSignal` (a web
 * `AbortSignal` is one too). The node server makes one per call for the caller going away, and
 * one per process for shutdown; a web `AbortController` per call cost measurable CPU.
 */
export interface CallerSignal {
  readonly aborted: boolean
  readonly reason: unknown
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void
  removeEventListener(type: 'abort', listener: () => void): void
}

export class OneShotSignal implements CallerSignal {
  aborted = false
  reason: unknown = undefined
  private listeners = new Set<() => void>()
  addEventListener(_type: 'abort', listener: () => void) {
    if (this.aborted) return
    this.listeners.add(listener)
  }
  removeEventListener(_type: 'abort', listener: () => void) {
    this.listeners.delete(listener)
  }
  abort(reason?: unknown) {
    if (this.aborted) return
    this.aborted = true
    this.reason = reason
    const listeners = [...this.listeners]
    this.listeners.clear()
    for (const listener of listeners) listener()
  }
}
