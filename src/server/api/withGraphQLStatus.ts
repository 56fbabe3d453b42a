type Handler = (request: Request) => Promise<Response>

/** An error Payload throws for bad input (its APIError and subclasses carry a status). */
function clientErrorOf(error: unknown): { status: number; message: string } | null {
  const { status, message } = (error ?? {}) as { status?: unknown; message?: unknown }
  return typeof status === 'number' && status >= 400 && status < 500 && typeof message === 'string' ? { status, message } : null
}

/**
 * GraphQL answers a query that fails validation with 200 and an `errors` list. Following the
 * GraphQL-over-HTTP spec for requests that produced no data, this turns that into a 400, so
 * clients and monitoring see bad input as bad input. A client error Payload's handler throws
 * before GraphQL runs (it parses the body itself) is answered as JSON with its status, where
 * Next would make it a bare 500.
 */
export function withGraphQLStatus(handler: Handler): Handler {
  return async (request) => {
    let response: Response
    try {
      response = await handler(request)
    } catch (error) {
      const clientError = clientErrorOf(error)
      if (!clientError) throw error
      return Response.json({ errors: [{ message: clientError.message }] }, { status: clientError.status })
    }
    if (response.status !== 200 || !response.headers.get('content-type')?.includes('json')) return response
    const text = await response.text()
    const body = JSON.parse(text) as { data?: unknown; errors?: unknown[] }
    const failedWithoutData = Array.isArray(body.errors) && body.errors.length > 0 && (body.data === undefined || body.data === null)
    return new Response(text, { status: failedWithoutData ? 400 : 200, headers: response.headers })
  }
}
