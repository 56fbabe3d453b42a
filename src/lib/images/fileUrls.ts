import { createHash } from 'node:crypto'

import { THUMBNAIL_VARIANT } from './variants'

/** Where Payload serves the media collection's files; same-origin, so any host name works. */
export const MEDIA_FILE_PATH = '/api/media/file/'

/**
 * A short version of a media document's files: a hash of all their bytes, in the order given.
 * Every rewrite (credit, license, crop) changes the bytes and so the version, which lets the
 * file URLs be cached as immutable.
 */
export function mediaFileVersion(files: Iterable<Uint8Array>): string {
  const version = createFileVersion()
  for (const file of files) version.add(file)
  return version.digest()
}

/** The same version, taken from the files one at a time as they are written, so none is held until the last. */
export function createFileVersion(): { add: (file: Uint8Array) => void; digest: () => string } {
  const hash = createHash('sha256')
  return {
    add: (file) => {
      hash.update(String(file.length))
      hash.update(file)
    },
    digest: () => hash.digest('base64url').slice(0, 12),
  }
}

/** `/api/media/file/<name>?v=<version>`: relative, and without `?v` before the first rewrite. */
export function mediaFileUrl(filename: string, version: string | null | undefined): string {
  const path = `${MEDIA_FILE_PATH}${encodeURIComponent(filename)}`
  return version ? `${path}?v=${encodeURIComponent(version)}` : path
}

type FileDoc = {
  filename?: string | null
  fileVersion?: string | null
  url?: string | null
  thumbnailURL?: string | null
  sizes?: Record<string, { filename?: string | null; url?: string | null } | undefined> | null
}

/** A media document with `url`, `thumbnailURL` and every `sizes.*.url` relative and versioned. */
export function withFileUrls<T extends FileDoc>(doc: T): T {
  if (!doc.filename) return doc
  const sizes = doc.sizes
    ? Object.fromEntries(Object.entries(doc.sizes).flatMap(([name, size]) => (size ? [[name, size.filename ? { ...size, url: mediaFileUrl(size.filename, doc.fileVersion) } : size]] : [])))
    : doc.sizes
  const thumbnail = sizes?.[THUMBNAIL_VARIANT]?.url
  return { ...doc, url: mediaFileUrl(doc.filename, doc.fileVersion), thumbnailURL: thumbnail ?? doc.thumbnailURL ?? null, sizes }
}
