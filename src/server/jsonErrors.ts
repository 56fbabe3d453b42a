import type { ErrorRequestHandler } from 'express'

/**
 * Errors Express itself meets before Next sees a request (a path with broken percent-encoding
 * fails to decode: 400) answered as JSON with a message, like Payload's API errors, not an HTML page.
 */
export const jsonErrors: ErrorRequestHandler = (error: { status?: number; statusCode?: number; message?: string }, req, res, next) => {
  if (res.headersSent) return next(error)
  const status = error.status ?? error.statusCode ?? 500
  // Client errors say what was wrong ("Failed to decode param '%zz'"); anything else stays private.
  const message = status < 500 && error.message ? error.message : 'Something went wrong.'
  if (status >= 500) req.log?.error({ err: error }, 'request failed before Next')
  res.status(status).set('Cache-Control', 'no-store').json({ errors: [{ message }] })
}
