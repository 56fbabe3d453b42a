import fs from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import path from 'node:path'

import etag from 'etag'
import { LRUCache } from 'lru-cache'
import type { Logger } from 'pino'
import send from 'send'

import { PUBLIC_CACHE_CONTROL } from '../lib/cache/headers'
import { MEDIA_FILE_PATH } from '../lib/images/fileUrls'
import { FORMAT_EXTENSIONS } from '../lib/images/safeFilename'
import { MIME_TYPES } from '../lib/images/uploadContent'
import { personalReason } from './responseCache/policy'
import { logServed } from './servedLog'

/** Versioned URLs (`?v=`) change whenever the bytes do, so browsers and proxies may keep them forever. */
export const IMMUTABLE_CACHE_CONTROL = 'public, max-age=31536000, immutable'

/** The only types uploads may have, by the extensions the upload check gives them; anything else is left to `send`. */
const CONTENT_TYPES: Record<string, string> = Object.fromEntries(
  Object.entries(FORMAT_EXTENSIONS).map(([format, extension]) => [`.${extension}`, MIME_TYPES[format as keyof typeof MIME_TYPES]]),
)
const MAX_MEMORY_FILE_BYTES = 2 * 1024 * 1024

type FileInMemory = { body: Buffer; etag: string; lastModified: string; contentType: string }

type MediaFilesOptions = {
  mediaDir: string
  /** Bytes of hot files kept in memory (variants are small); 0 turns it off. */
  memoryBytes?: number
  /** Whether an anonymous reader may see this file (its image is public). */
  isPublicFile: (filename: string) => Promise<boolean>
  logger: Logger
}

export type MediaFiles = {
  /** Serves a public file as a static file (true), or leaves the request to the app (false). */
  handle: (req: IncomingMessage, res: ServerResponse, next: () => void) => boolean
  /** Forgets which files are public and their bytes: called on any image purge (files are rewritten in place). */
  forget: () => void
}

function fileNameOf(url: string): { name: string; versioned: boolean } | null {
  const [path, query = ''] = url.split('?', 2) as [string, string?]
  const encoded = path.slice(MEDIA_FILE_PATH.length)
  if (!encoded || encoded.includes('/')) return null
  try {
    const name = decodeURIComponent(encoded)
    if (/[\p{Cc}\\]/u.test(name) || name.startsWith('.')) return null
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
export function createMediaFiles({ mediaDir, memoryBytes = 32 * 1024 * 1024, isPublicFile, logger }: MediaFilesOptions): MediaFiles {
  const visibility = new LRUCache<string, boolean>({ max: 10_000 })
  const inMemory = new LRUCache<string, FileInMemory>({ maxSize: Math.max(1, memoryBytes), sizeCalculation: (file) => file.body.length + 256 })
  // Bumped by every purge: a read that started before one may hold bytes rewritten since.
  let generation = 0

  const setCommonHeaders = (res: ServerResponse, versioned: boolean) => {
    res.setHeader('Cache-Control', versioned ? IMMUTABLE_CACHE_CONTROL : PUBLIC_CACHE_CONTROL)
    res.setHeader('X-Content-Type-Options', 'nosniff')
    res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin')
  }

  /** Reads a small public file into memory once, with the validators `send` would give it. */
  const remember = async (name: string): Promise<void> => {
    const contentType = CONTENT_TYPES[path.extname(name).toLowerCase()]
    if (!contentType || memoryBytes <= 0) return
    const startedAt = generation
    const file = path.join(mediaDir, name)
    const stat = await fs.stat(file)
    if (!stat.isFile() || stat.size > MAX_MEMORY_FILE_BYTES) return
    const body = await fs.readFile(file)
    if (startedAt === generation) inMemory.set(name, { body, etag: etag(stat), lastModified: stat.mtime.toUTCString(), contentType })
  }

  /** Whole-file GET/HEAD from memory, with 304 for a matching validator; ranges go to `send`. */
  const serveFromMemory = (req: IncomingMessage, res: ServerResponse, file: FileInMemory, versioned: boolean): boolean => {
    if (req.headers.range) return false
    const started = process.hrtime.bigint()
    setCommonHeaders(res, versioned)
    res.setHeader('ETag', file.etag)
    res.setHeader('Last-Modified', file.lastModified)
    res.setHeader('Accept-Ranges', 'bytes')
    const ifNoneMatch = req.headers['if-none-match']
    const notModified = ifNoneMatch ? ifNoneMatch.split(',').some((tag) => tag.trim() === file.etag) : req.headers['if-modified-since'] === file.lastModified
    if (notModified) {
      res.writeHead(304)
      res.end()
    } else {
      res.setHeader('Content-Type', file.contentType)
      res.setHeader('Content-Length', file.body.length)
      res.writeHead(200)
      res.end(req.method === 'HEAD' ? undefined : file.body)
    }
    logServed(logger, req, res.statusCode, started, 'file')
    return true
  }

  const serveFile = (req: IncomingMessage, res: ServerResponse, name: string, versioned: boolean, next: () => void) => {
    const remembered = inMemory.get(name)
    if (remembered && serveFromMemory(req, res, remembered, versioned)) return
    const started = process.hrtime.bigint()
    send(req, encodeURIComponent(name), { root: mediaDir, etag: true, lastModified: true, cacheControl: false, dotfiles: 'deny', index: false })
      .on('headers', (response: ServerResponse) => setCommonHeaders(response, versioned))
      .on('error', () => next())
      .on('end', () => {
        logServed(logger, req, res.statusCode, started, 'file')
        if (!remembered) remember(name).catch((error: unknown) => logger.warn({ err: error, file: name }, 'could not keep a file in memory'))
      })
      .pipe(res)
  }

  const handle = (req: IncomingMessage, res: ServerResponse, next: () => void): boolean => {
    const url = req.url ?? ''
    if (!url.startsWith(MEDIA_FILE_PATH)) return false
    // A session goes to Payload, which shows an editor embargoed files too.
    if ((req.method !== 'GET' && req.method !== 'HEAD') || personalReason(req.headers) !== null) return false
    const file = fileNameOf(url)
    if (!file) return false
    const known = visibility.get(file.name)
    if (known === true) {
      serveFile(req, res, file.name, file.versioned, next)
      return true
    }
    if (known === false) return false
    const askedAt = generation
    isPublicFile(file.name)
      .then((isPublic) => {
        if (askedAt === generation) visibility.set(file.name, isPublic)
        if (isPublic) serveFile(req, res, file.name, file.versioned, next)
        else next()
      })
      .catch((error: unknown) => {
        logger.warn({ err: error, file: file.name }, 'could not check whether a file is public')
        next()
      })
    return true
  }

  return {
    handle,
    forget: () => {
      generation += 1
      visibility.clear()
      inMemory.clear()
    },
  }
}
