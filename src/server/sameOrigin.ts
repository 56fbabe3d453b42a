import type { RequestHandler } from 'express'

/** The origin a request was sent from, when it is the origin it was sent to. */
export function isSameOrigin(origin: string | undefined, host: string | undefined): boolean {
  if (!origin || !host) return false
  try {
    return new URL(origin).host === host.toLowerCase()
  } catch {
    return false
  }
}

/**
 * Payload accepts its session cookie only from the origins in `csrf` (the site's SERVER_URL and
 * CORS_ORIGINS). A request whose Origin is the host it was sent to is same-origin by definition
 * (a cross-site form or script cannot make it), so the admin keeps working under any host name
 * (127.0.0.1, a LAN address) while cross-site requests are still refused. Its Origin is dropped
 * before Payload looks, as a same-origin GET would have none.
 */
export const trustSameOrigin: RequestHandler = (req, _res, next) => {
  if (isSameOrigin(req.headers.origin, req.headers.host)) delete req.headers.origin
  next()
}
