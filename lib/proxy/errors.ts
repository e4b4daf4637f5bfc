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

  body(): ErrorBody {
    return { error: { message: this.message, type: this.type, param: this.param, code: this.code } }
  }
}

export const badRequest = (message: string, param: string | null = null, code = 'invalid_request') =>
  new ProxyError(400, message, 'invalid_request_error', code, param)

export function errorResponse(err: ProxyError, headers: Record<string, string> = {}): Response {
  return Response.json(err.body(), { status: err.status, headers: { ...headers, ...err.headers } })
}
