import type { IncomingMessage, ServerResponse } from 'node:http'

import { LRUCache } from 'lru-cache'
import type { Logger } from 'pino'
import send from 'send'

import { bypassReason } from './responseCache/policy'

export const MEDIA_FILE_PREFIX = '/api/media/file/'

/** Versioned URLs (`?v=`) change whenever the bytes do, so browsers and proxies may keep them forever. */
export const IMMUTABLE_CACHE_CONTROL = 'public, max-age=31536000, immutable'
const REVALIDATE_CACHE_CONTROL = 'public, max-age=0, must-revalidate'

type MediaFilesOptions = {
  mediaDir: string
  /** Whether an anonymous reader may see this file (its image is public). */
  isPublicFile: (filename: string) => Promise<boolean>
  logger: Pick<Logger, 'info' | 'warn'>
}

export type MediaFiles = {
  /** Serves a public file as a static file (true), or leaves the request to the app (false). */
  handle: (req: IncomingMessage, res: ServerResponse, next: () => void) => boolean
  /** Forgets which files are public: called on any image purge. */
  forget: () => void
}

function fileNameOf(url: string): { name: string; versioned: boolean } | null {
  const [path, query = ''] = url.split('?', 2) as [string, string?]
  const encoded = path.slice(MEDIA_FILE_PREFIX.length)
  if (!encoded || encoded.includes('/')) return null
  try {
    const name = decodeURIComponent(encoded)
    if (/[\u0000-\u001f\\]/.test(name) || name.startsWith('.')) return null
    return { name, versioned: new URLSearchParams(query).has('v') }
  } catch {
    return null
  }
}

/**
 * Anonymous reads of public image files skip Express and Payload: a static-file path with ETag,
 * Last-Modified and Range. Anything else (a session, an embargoed or unknown file, a bad name)
 * goes to Payload's own file route, which applies the collection's access rules.
 */
export function createMediaFiles({ mediaDir, isPublicFile, logger }: MediaFilesOptions): MediaFiles {
  const visibility = new LRUCache<string, boolean>({ max: 10_000 })

  const serveFile = (req: IncomingMessage, res: ServerResponse, name: string, versioned: boolean, next: () => void) => {
    const started = process.hrtime.bigint()
    send(req, encodeURIComponent(name), { root: mediaDir, etag: true, lastModified: true, cacheControl: false, dotfiles: 'deny', index: false })
      .on('headers', (response: ServerResponse) => {
        response.setHeader('Cache-Control', versioned ? IMMUTABLE_CACHE_CONTROL : REVALIDATE_CACHE_CONTROL)
        response.setHeader('X-Content-Type-Options', 'nosniff')
        response.setHeader('Cross-Origin-Resource-Policy', 'cross-origin')
      })
      .on('error', () => next())
      .on('end', () => logger.info({ req: { method: req.method, url: req.url }, res: { statusCode: res.statusCode }, responseTime: Number(process.hrtime.bigint() - started) / 1e6, cache: 'file' }, 'request completed'))
      .pipe(res)
  }

  const handle = (req: IncomingMessage, res: ServerResponse, next: () => void): boolean => {
    const url = req.url ?? ''
    if (!url.startsWith(MEDIA_FILE_PREFIX)) return false
    // Ranges are fine for files; a session goes to Payload, which shows an editor embargoed files too.
    if (bypassReason({ method: req.method, url: '/', headers: { ...req.headers, range: undefined } }) !== null) return false
    const file = fileNameOf(url)
    if (!file) return false
    const known = visibility.get(file.name)
    if (known === true) {
      serveFile(req, res, file.name, file.versioned, next)
      return true
    }
    if (known === false) return false
    isPublicFile(file.name)
      .then((isPublic) => {
        visibility.set(file.name, isPublic)
        if (isPublic) serveFile(req, res, file.name, file.versioned, next)
        else next()
      })
      .catch((error: unknown) => {
        logger.warn({ err: error, file: file.name }, 'could not check whether a file is public')
        next()
      })
    return true
  }

  return { handle, forget: () => visibility.clear() }
}
