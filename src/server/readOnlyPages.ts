import type { RequestHandler } from 'express'

/** Where writes belong: Payload's API and admin (its server actions), Next's own routes, the editors' preview. */
const WRITABLE_PREFIXES = ['/api/', '/admin', '/_next/', '/next/', '/preview/']

const isWritable = (path: string) => WRITABLE_PREFIXES.some((prefix) => path === prefix.replace(/\/$/, '') || path.startsWith(prefix))

/**
 * Pages and public documents answer GET and HEAD only: any other method (POST /, DELETE or PURGE
 * of a page) gets a 405 before anything renders, so no one can make the server render pages past
 * the response cache, uncached and unlimited.
 */
export const readOnlyPages: RequestHandler = (req, res, next) => {
  if (req.method === 'GET' || req.method === 'HEAD' || isWritable(req.path)) return next()
  res
    .status(405)
    .set({ Allow: 'GET, HEAD', 'Cache-Control': 'no-store' })
    .json({ errors: [{ message: `${req.method} is not allowed here: pages and public documents answer GET and HEAD only.` }] })
}
