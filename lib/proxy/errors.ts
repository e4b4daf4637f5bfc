/** OpenAI-shaped errors: `{"error":{"message","type","param","code"}}` with a fitting status. */
export interface ErrorBody {
  error: { message: string; type: string; param: string | null; code: string | null }
}

export class ProxyError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly type: string,
    readonly code: string | null = null,
    readonly param: string | null = null,
    /** Extra response headers (e.g. Retry-After). */
    readonly headers: Record<string, string> = {},
  ) {
    super(message)
  }

  /** What the operator could do about it: written to the server's log, never sent to the caller. */
  operatorHint?: string

  body(): ErrorBody {
    return { error: { message: this.message, type: this.type, param: this.param, code: this.code } }
  }
}

export const badRequest = (message: string, param: string | null = null, code = 'invalid_request') =>
  new ProxyError(400, message, 'invalid_request_error', code, param)

/**
 * A response before it becomes one: the node server writes it out directly (one write, with a
 * content length, no web-stream wrapping of a JSON body); Next's routes turn it into a `Response`.
 */
export interface ProxyResult {
  status: number
  headers: Record<string, string>
  /** JSON text, or a stream's chunks as they come. */
  body: string | AsyncIterable<Uint8Array> | null
}

export const jsonResult = (status: number, value: unknown, headers: Record<string, string> = {}): ProxyResult => ({
  status,
  headers: { ...headers, 'content-type': 'application/json' },
  body: JSON.stringify(value),
})

export const errorResult = (err: ProxyError, headers: Record<string, string> = {}): ProxyResult =>
  jsonResult(err.status, err.body(), { ...headers, ...err.headers })

/** A chat route asked with another method than POST. */
export const methodNotAllowed = (): ProxyResult =>
  errorResult(
    new ProxyError(
      405,
      'This endpoint takes POST requests only.',
      'invalid_request_error',
      'method_not_allowed',
      null,
      {
        allow: 'POST',
      },
    ),
  )

/** A path under /api that is no endpoint. */
export const apiNotFound = (): ProxyResult =>
  errorResult(new ProxyError(404, 'There is no API endpoint at this path.', 'invalid_request_error', 'not_found'))
