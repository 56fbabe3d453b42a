import type { RequestHandler } from 'express'
import helmet from 'helmet'

/**
 * Pages that run Next's client runtime or Payload's admin, which inline their bootstrap scripts:
 * the admin, the editors' preview (live preview), the preview links and GraphQL's playground.
 * Readers' pages (src/pages) ship no script of their own; JSON-LD is data, which CSP leaves alone.
 */
const INLINE_SCRIPT_PATHS = /^\/(?:admin|preview|next|api\/graphql-playground)(?:\/|$|\?)/

/** Whether the page at `url` may run inline scripts (only the framework's own pages, see above). */
export function allowsInlineScripts(url: string): boolean {
  return INLINE_SCRIPT_PATHS.test(url)
}

function policy({ isProduction, isHttps, inlineScripts }: { isProduction: boolean; isHttps: boolean; inlineScripts: boolean }): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", ...(inlineScripts ? ["'unsafe-inline'"] : []), ...(isProduction ? [] : ["'unsafe-eval'"])],
        // Inline `style` attributes (an image's focal point) and Next's and the admin's styles.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'", ...(isProduction ? [] : ['ws:', 'wss:'])],
        frameAncestors: ["'self'"],
        frameSrc: ["'self'"],
        formAction: ["'self'"],
        baseUri: ["'self'"],
        objectSrc: ["'none'"],
      },
    },
    // Licensed images may be embedded by API consumers on other sites.
    crossOriginResourcePolicy: { policy: 'cross-origin' },
    // Only a site served over https may promise browsers it always will; localhost over http must keep working.
    strictTransportSecurity: isHttps ? { maxAge: 365 * 24 * 60 * 60, includeSubDomains: false } : false,
  })
}

/**
 * Helmet's defaults, with a Content-Security-Policy per kind of page: no inline scripts on
 * readers' pages; the admin and the preview keep what Next and Payload need. Development runs
 * Next's dev runtime everywhere (eval, inline scripts, a websocket for HMR).
 */
export function securityHeaders({ isProduction, isHttps = false }: { isProduction: boolean; isHttps?: boolean }): RequestHandler {
  const strict = policy({ isProduction, isHttps, inlineScripts: !isProduction })
  const framework = policy({ isProduction, isHttps, inlineScripts: true })
  return (req, res, next) => (allowsInlineScripts(req.url) ? framework : strict)(req, res, next)
}
