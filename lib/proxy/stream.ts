/**
 * Server-sent events from the provider to the caller, chunk by chunk as they arrive. Events are
 * passed through as their data text (no JSON round trip) except the one carrying `usage`, which
 * gains `cost` (or is stripped when the caller did not ask for usage). A stream that fails or
 * ends without `[DONE]` ends with an in-band `data: {"error": ...}` event, never silently.
 */
import { createParser } from 'eventsource-parser'

import type { Pricing } from '@/lib/catalog/schema'

import type { ErrorBody } from './errors'
import type { UpstreamUsage } from './schema'
import { usageSchema } from './schema'
import type { CallerSignal } from './signal'
import { usageCost } from './usage'

export interface StreamOptions {
  pricing: Pricing
  /** Whether the caller asked for `stream_options.include_usage`. */
  callerWantsUsage: boolean
  /** Longest silence between upstream chunks, ms. */
  idleTimeoutMs: number
  /** The caller's signal: a stream that ends because the caller left is logged as such. */
  signal?: { readonly aborted: boolean; readonly reason: unknown }
  /** The server shutting down: the stream is ended with an in-band `server_shutting_down` error. */
  closing?: CallerSignal
  /** The call's own id (`gen-…`), sent to the caller in place of the provider's. */
  generationId?: string
  /** Called once with the priced usage (if the provider sent any) and how the stream ended. */
  onEnd?: (end: {
    usage?: UpstreamUsage & { cost: number }
    error?: string
    firstChunkAt?: number
    finishReason?: string
  }) => void
}

const encoder = new TextEncoder()
/** A chunk's non-null finish reason. */
const FINISH_REASON = /"finish_reason"\s*:\s*"([^"]{1,64})"/

export function errorEvent(message: string, code: string, type = 'api_error'): Uint8Array {
  const body: ErrorBody = { error: { message, type, param: null, code } }
  return encoder.encode(`data: ${JSON.stringify(body)}\n\n`)
}

/**
 * The caller's side of the stream, as byte chunks. An async generator rather than a web
 * `ReadableStream`: the node server writes its chunks straight to the socket (a web stream per
 * call, and its promises per chunk, cost a good part of a streamed call's CPU time). If the
 * consumer stops early (`return()`: the caller left), the upstream read is cancelled.
 */
export async function* transformStream(
  upstream: { body: AsyncIterable<Uint8Array>; cancel(): void },
  opts: StreamOptions,
): AsyncGenerator<Uint8Array, void, undefined> {
  const chunks = upstream.body[Symbol.asyncIterator]()
  const decoder = new TextDecoder()
  let out: string[] = []
  let sawDone = false
  let ended = false
  let usage: (UpstreamUsage & { cost: number }) | undefined
  let firstChunkAt: number | undefined
  let finishReason: string | undefined
  // The provider's id, quoted as it appears in its chunks, and ours to put in its place: a
  // string replacement per chunk instead of a JSON round trip.
  const ourId = opts.generationId === undefined ? undefined : JSON.stringify(opts.generationId)
  let theirId: string | undefined

  const parser = createParser({
    onEvent(event) {
      const prefix = event.event ? `event: ${event.event}\n` : ''
      if (event.data === '[DONE]') {
        sawDone = true
        out.push(`${prefix}data: [DONE]\n\n`)
        return
      }
      let data = event.data
      if (ourId !== undefined) {
        if (theirId === undefined) {
          try {
            const id = (JSON.parse(data) as { id?: unknown }).id
            theirId = typeof id === 'string' && id !== '' ? JSON.stringify(id) : ''
          } catch {
            theirId = ''
          }
        }
        if (theirId && data.includes(theirId)) data = data.replace(theirId, ourId)
      }
      if (data.includes('finish_reason')) finishReason = FINISH_REASON.exec(data)?.[1] ?? finishReason
      // Cheap test first: only the usage chunk is parsed and re-serialised.
      if (data.includes('"usage"')) {
        let chunk: Record<string, unknown> | undefined
        try {
          chunk = JSON.parse(data) as Record<string, unknown>
        } catch {
          chunk = undefined
        }
        const parsed = chunk?.usage ? usageSchema.safeParse(chunk.usage) : undefined
        if (chunk && parsed?.success) {
          usage = { ...parsed.data, cost: usageCost(opts.pricing, parsed.data) }
          if (opts.callerWantsUsage) {
            chunk.usage = { ...(chunk.usage as object), cost: usage.cost }
          } else {
            const choices = chunk.choices
            if (Array.isArray(choices) && choices.length === 0) return // the usage-only chunk
            delete chunk.usage
          }
          out.push(`${prefix}data: ${JSON.stringify(chunk)}\n\n`)
          return
        }
      }
      out.push(`${prefix}data: ${data}\n\n`)
    },
    onComment(comment) {
      out.push(`:${comment}\n\n`)
    },
  })

  // One idle timer for the whole stream, pushed back before each upstream read (no timer and
  // race per chunk). It counts only while a read is pending: a caller slow to read is not an
  // idle upstream. When it fires, the read is cancelled, which ends the loop below.
  let idleTimer: ReturnType<typeof setTimeout> | undefined
  let reading = false
  let idle = false
  const onIdle = () => {
    if (!reading) return
    idle = true
    upstream.cancel()
  }
  const read = async () => {
    reading = true
    if (idleTimer) idleTimer.refresh()
    else idleTimer = setTimeout(onIdle, opts.idleTimeoutMs)
    try {
      return await chunks.next()
    } finally {
      reading = false
    }
  }

  // Shutdown: stop reading; the loop below ends the stream with an error event the caller sees.
  const onClosing = () => upstream.cancel()
  opts.closing?.addEventListener('abort', onClosing)

  const end = (error?: string) => {
    ended = true
    clearTimeout(idleTimer)
    opts.closing?.removeEventListener('abort', onClosing)
    opts.onEnd?.({ usage, error, firstChunkAt, finishReason })
  }
  const pending = () => {
    const text = out.join('')
    out = []
    return encoder.encode(text)
  }

  try {
    for (;;) {
      let result: IteratorResult<Uint8Array>
      let failure: { message: string; code: string } | undefined
      try {
        result = await read()
      } catch {
        result = { done: true, value: undefined }
        // After [DONE] the stream is complete, whatever happens to the connection.
        if (!sawDone) failure = { message: 'The provider connection failed mid-stream.', code: 'upstream_stream_error' }
      }
      if (opts.closing?.aborted && !sawDone)
        failure = {
          message: 'The server is shutting down; the stream was ended before it was complete.',
          code: 'server_shutting_down',
        }
      else if (idle)
        failure = {
          message: `The provider sent nothing for ${opts.idleTimeoutMs} ms; the stream was closed.`,
          code: 'upstream_timeout',
        }
      if (opts.signal?.aborted) {
        // The caller left (and the upstream request was aborted with it): nobody to tell.
        end('client_closed_request')
        throw opts.signal.reason
      }
      if (result.done) {
        if (!failure) {
          parser.feed(decoder.decode())
          parser.reset({ consume: true })
          if (out.length) yield pending()
          if (!sawDone)
            failure = { message: 'The provider ended the stream before it was complete.', code: 'upstream_incomplete' }
        }
        if (failure) yield errorEvent(failure.message, failure.code)
        end(failure?.code)
        return
      }
      firstChunkAt ??= Date.now()
      parser.feed(decoder.decode(result.value, { stream: true }))
      if (out.length) yield pending()
    }
  } finally {
    // Stopped early by the consumer (the caller went away): stop reading, which closes the
    // upstream connection.
    if (!ended) {
      end('client_closed_request')
      upstream.cancel()
    }
  }
}
