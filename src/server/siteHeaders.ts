import type { RequestHandler } from 'express'
import type { Logger } from 'pino'

import { doNotStore } from './responseCache/unstorable'

/** Paths of Payload, Next and the server itself: not public documents of the site. */
const NOT_PUBLIC_DOCUMENTS = /^\/(?:api|admin|_next|next|preview|healthz)(?:\/|$|\?)/

/**
 * Headers every public page and document carries from the site settings (the TDMRep
 * reservation). Next pages cannot set headers, so Express adds them; they are read once and
 * forgotten when the settings change (the `site` purge), along with the cached pages. When the
 * settings cannot be read, the page still goes out, without them, and is not kept by any cache.
 */
export function createSiteHeaders(load: () => Promise<Record<string, string>>, logger: Pick<Logger, 'error'>): { middleware: RequestHandler; forget: () => void } {
  let current: Promise<Record<string, string> | null> | undefined
  const headers = () => {
    current ??= load().catch((error: unknown) => {
      current = undefined
      logger.error({ err: error }, 'could not read the site settings for page headers; the page is sent without them and not cached')
      return null
    })
    return current
  }
  const middleware: RequestHandler = (req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || NOT_PUBLIC_DOCUMENTS.test(req.url)) return next()
    void headers().then((values) => {
      if (values === null) doNotStore(res)
      for (const [name, value] of Object.entries(values ?? {})) res.setHeader(name, value)
      next()
    })
  }
  return { middleware, forget: () => (current = undefined) }
}
