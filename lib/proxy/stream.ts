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
import { usageCost } from './usage'

export interface StreamOptions {
  pricing: Pricing
  /** Whether the caller asked for `stream_options.include_usage`. */
  callerWantsUsage: boolean
  /** Longest silence between upstream chunks, ms. */
  idleTimeoutMs: number
  /** The caller's signal: a stream that ends because the caller left is logged as such. */
  signal?: AbortSignal
  /** Called once with the priced usage (if the provider sent any) and how the stream ended. */
  onEnd?: (end: { usage?: UpstreamUsage & { cost: number }; error?: string; firstChunkAt?: number }) => void
}

const encoder = new TextEncoder()

export function errorEvent(message: string, code: string, type = 'api_error'): Uint8Array {
  const body: ErrorBody = { error: { message, type, param: null, code } }
  return encoder.encode(`data: ${JSON.stringify(body)}\n\n`)
}

export function transformStream(upstream: ReadableStream<Uint8Array>, opts: StreamOptions): ReadableStream<Uint8Array> {
  const reader = upstream.getReader()
  const decoder = new TextDecoder()
  let out: string[] = []
  let sawDone = false
  let finished = false
  let usage: (UpstreamUsage & { cost: number }) | undefined
  let firstChunkAt: number | undefined

  const parser = createParser({
    onEvent(event) {
      const prefix = event.event ? `event: ${event.event}\n` : ''
      if (event.data === '[DONE]') {
        sawDone = true
        out.push(`${prefix}data: [DONE]\n\n`)
        return
      }
      // Cheap test first: only the usage chunk is parsed and re-serialised.
      if (event.data.includes('"usage"')) {
        let chunk: Record<string, unknown> | undefined
        try {
          chunk = JSON.parse(event.data) as Record<string, unknown>
        } catch {
          chunk = undefined
        }
        const parsed = chunk && chunk.usage ? usageSchema.safeParse(chunk.usage) : undefined
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
      out.push(`${prefix}data: ${event.data}\n\n`)
    },
    onComment(comment) {
      out.push(`:${comment}\n\n`)
    },
  })

  function finish(controller: ReadableStreamDefaultController<Uint8Array>, error?: { message: string; code: string }) {
    if (finished) return
    finished = true
    clearTimeout(idleTimer)
    if (opts.signal?.aborted) {
      controller.error(opts.signal.reason)
      opts.onEnd?.({ usage, error: 'client_closed_request', firstChunkAt })
      return
    }
    if (error) controller.enqueue(errorEvent(error.message, error.code))
    controller.close()
    opts.onEnd?.({ usage, error: error?.code, firstChunkAt })
  }

  // One idle timer for the whole stream, pushed back before each upstream read (no timer and
  // race per chunk). It counts only while a read is pending: a caller slow to read is not an
  // idle upstream. When it fires, the read is cancelled, which ends the loop below.
  let idleTimer: ReturnType<typeof setTimeout> | undefined
  let reading = false
  let idle = false
  const onIdle = () => {
    if (!reading) return
    idle = true
    reader.cancel('idle timeout').catch(() => {})
  }
  const read = async () => {
    reading = true
    if (idleTimer) idleTimer.refresh()
    else idleTimer = setTimeout(onIdle, opts.idleTimeoutMs)
    try {
      return await reader.read()
    } finally {
      reading = false
    }
  }

  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      // Read until there is something to send (or the stream is over), then hand it on at once.
      while (!finished) {
        let result: ReadableStreamReadResult<Uint8Array>
        try {
          result = await read()
        } catch {
          finish(controller, { message: 'The provider connection failed mid-stream.', code: 'upstream_stream_error' })
          return
        }
        if (idle) {
          finish(controller, { message: `The provider sent nothing for ${opts.idleTimeoutMs} ms; the stream was closed.`, code: 'upstream_timeout' })
          return
        }
        if (result.done) {
          parser.feed(decoder.decode())
          parser.reset({ consume: true })
          if (out.length) controller.enqueue(encoder.encode(out.join('')))
          out = []
          finish(controller, sawDone ? undefined : { message: 'The provider ended the stream before it was complete.', code: 'upstream_incomplete' })
          return
        }
        firstChunkAt ??= Date.now()
        parser.feed(decoder.decode(result.value, { stream: true }))
        if (out.length) {
          controller.enqueue(encoder.encode(out.join('')))
          out = []
          return
        }
      }
    },
    cancel(reason) {
      // The caller went away: stop reading, which closes the upstream connection.
      clearTimeout(idleTimer)
      if (!finished) {
        finished = true
        opts.onEnd?.({ usage, error: 'client_closed_request', firstChunkAt })
      }
      return reader.cancel(reason).catch(() => {})
    },
  })
}
