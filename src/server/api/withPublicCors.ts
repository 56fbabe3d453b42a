type Handler<Context> = (request: Request, context: Context) => Promise<Response>

const READ_METHODS = new Set(['GET', 'HEAD'])

/** A GET or HEAD, or the preflight a browser sends before one. */
function isRead(request: Request): boolean {
  if (request.method === 'OPTIONS') return READ_METHODS.has(request.headers.get('access-control-request-method') ?? '')
  return READ_METHODS.has(request.method)
}

/**
 * Payload's CORS setting answers only the trusted origins (with credentials). Public reads
 * are for everyone: any other origin, and requests with no Origin (so that a cached copy serves
 * a cross-origin reader too), get `Access-Control-Allow-Origin: *`, which browsers never combine
 * with cookies. Writes from other origins get no CORS headers, so browsers keep their answers hidden.
 */
export function withPublicCors<Context>(handler: Handler<Context>, trustedOrigins: readonly string[]): Handler<Context> {
  return async (request, context) => {
    const response = await handler(request, context)
    const origin = request.headers.get('origin')
    const isTrusted = Boolean(origin && trustedOrigins.includes(origin))
    if (!isTrusted && !isRead(request)) return response
    const headers = new Headers(response.headers)
    if (isTrusted) {
      // Payload echoed the origin: a cache must not hand this answer to another origin.
      headers.append('Vary', 'Origin')
    } else {
      headers.set('Access-Control-Allow-Origin', '*')
      headers.delete('Access-Control-Allow-Credentials')
    }
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers })
  }
}
