type Handler = (request: Request) => Promise<Response>

/**
 * GraphQL answers a query that fails validation with 200 and an `errors` list. Following the
 * GraphQL-over-HTTP spec for requests that produced no data, this turns that into a 400, so
 * clients and monitoring see bad input as bad input.
 */
export function withGraphQLStatus(handler: Handler): Handler {
  return async (request) => {
    const response = await handler(request)
    if (response.status !== 200 || !response.headers.get('content-type')?.includes('json')) return response
    const text = await response.text()
    const body = JSON.parse(text) as { data?: unknown; errors?: unknown[] }
    const failedWithoutData = Array.isArray(body.errors) && body.errors.length > 0 && (body.data === undefined || body.data === null)
    return new Response(text, { status: failedWithoutData ? 400 : 200, headers: response.headers })
  }
}
