/**
 * Reading the caller's request body: bounded in size (413), in time (408) and in JSON nesting
 * (400), and a caller who leaves mid-upload is a 499 like any caller who leaves. Each bound is
 * checked before the body is parsed or used, so no input can make the proxy do unbounded work.
 */
import { ProxyError } from './errors'
import type { CallerSignal } from './signal'

/** What `readBody` reads: a web stream or a node request (an async iterable of chunks). */
export type BodySource = ReadableStream<Uint8Array> | AsyncIterable<Uint8Array> | null

export interface BodyLimits {
  /** Most bytes accepted (413 beyond). */
  maxBytes: number
  /** Longest time to receive the whole body, ms (408 beyond); 0 means no limit. */
  timeoutMs: number
}

/** Deepest JSON nesting accepted. Real requests (JSON schemas in tools) stay far below it. */
export const MAX_JSON_DEPTH = 128

export const clientClosed = () =>
  new ProxyError(499, 'The caller closed the request.', 'api_error', 'client_closed_request')

/**
 * Reads the whole body as UTF-8 text. `declaredLength` is the Content-Length header, if any: a
 * body declared too large is refused before a byte is read.
 */
export async function readBody(
  source: BodySource,
  declaredLength: string | null,
  signal: CallerSignal,
  { maxBytes, timeoutMs }: BodyLimits,
): Promise<string> {
  const tooLarge = () =>
    new ProxyError(413, `Request body is larger than ${maxBytes} bytes.`, 'invalid_request_error', 'request_too_large')
  const declared = Number(declaredLength ?? Number.NaN)
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge()
  if (!source) return ''
  // Pulled by hand rather than with for-await: leaving the loop must not destroy a node socket
  // that still has to carry the answer back (the node adapter drains or closes it after).
  let next: () => Promise<IteratorResult<Uint8Array>>
  let cancel = async () => {}
  if ('getReader' in source) {
    const reader = source.getReader()
    next = () => reader.read() as Promise<IteratorResult<Uint8Array>>
    cancel = () => reader.cancel()
  } else {
    const iterator = source[Symbol.asyncIterator]()
    next = () => iterator.next()
  }

  // One promise that rejects when the caller leaves or the time is up; raced with each read.
  let stop: (e: ProxyError) => void = () => {}
  const stopped = new Promise<never>((_, reject) => {
    stop = reject
  })
  stopped.catch(() => {})
  const onAbort = () => stop(clientClosed())
  signal.addEventListener('abort', onAbort)
  const timer =
    timeoutMs > 0
      ? setTimeout(
          () =>
            stop(
              new ProxyError(
                408,
                `The request body did not arrive within ${timeoutMs} ms.`,
                'invalid_request_error',
                'request_timeout',
              ),
            ),
          timeoutMs,
        )
      : undefined

  const chunks: Uint8Array[] = []
  let size = 0
  try {
    if (signal.aborted) throw clientClosed()
    for (;;) {
      let result: IteratorResult<Uint8Array>
      try {
        result = await Promise.race([next(), stopped])
      } catch (e) {
        if (e instanceof ProxyError) throw e
        // The body stream only fails when the connection broke: the caller left mid-upload.
        throw clientClosed()
      }
      if (result.done) break
      size += result.value.byteLength
      if (size > maxBytes) throw tooLarge()
      chunks.push(result.value)
    }
  } catch (e) {
    await cancel().catch(() => {})
    throw e
  } finally {
    clearTimeout(timer)
    signal.removeEventListener('abort', onAbort)
  }
  return Buffer.concat(chunks).toString('utf8')
}

/**
 * Whether `text` nests arrays and objects deeper than `max`. A linear scan that skips strings:
 * deeply nested JSON parses fine but overflows the stack when it is serialised again for the
 * provider, so it is refused before parsing.
 */
export function nestsDeeperThan(text: string, max: number): boolean {
  let depth = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 92 /* \ */) i++
      else if (c === 34 /* " */) inString = false
    } else if (c === 34) inString = true
    else if (c === 123 /* { */ || c === 91 /* [ */) {
      if (++depth > max) return true
    } else if (c === 125 /* } */ || c === 93 /* ] */) depth--
  }
  return false
}
