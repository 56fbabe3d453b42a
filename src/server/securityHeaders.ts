import helmet from 'helmet'

/**
 * Helmet's defaults, with a Content-Security-Policy that Next and Payload's admin can live with:
 * both inline their bootstrap scripts and styles, and development needs eval and a websocket for HMR.
 */
export function securityHeaders({ isProduction, isHttps = false }: { isProduction: boolean; isHttps?: boolean }) {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", "'unsafe-inline'", ...(isProduction ? [] : ["'unsafe-eval'"])],
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
