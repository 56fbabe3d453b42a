import type { PayloadRequest, Where } from 'payload'

import { getMediaCredit } from '@/domain/media/credit'
import { THUMBNAIL_VARIANT, VARIANT_NAMES } from '@/lib/images/variants'
import type { Media } from '@/payload-types'
import { maxPixelsOf, staticDirOf } from './collectionFiles'
import { contentCredentialSigner, signingPlanFor } from './contentCredentials'
import { embedCreditInSizes, type RewriteResult, type SizeRecord } from './embedCredit'
import { writeFilesInWorker } from './imageWorker'

type Sizes = NonNullable<Media['sizes']>
const NO_FILE = { url: null, width: null, height: null, mimeType: null, filesize: null, filename: null }

/** Every size, with the given ones filled in and the others empty (their files are not written yet). */
function sizesWith(written: Record<string, SizeRecord>): Sizes {
  return Object.fromEntries(VARIANT_NAMES.map((name) => [name, written[name] ? { ...NO_FILE, ...written[name] } : NO_FILE])) as Sizes
}

/** The document as it is after a rewrite: new byte sizes, sizes and file version. */
export function withRewrite(media: Media, result: RewriteResult): Media {
  const sourceCrop = result.sourceCrop ?? { left: null, top: null, width: null, height: null }
  return { ...media, filesize: result.filesize, width: result.width, height: result.height, sizes: sizesWith(result.sizes), fileVersion: result.fileVersion, sourceCrop }
}

/**
 * Whether every file of the image has been written with its credit. Until then (a new upload
 * whose sizes a job is making) it has only its admin thumbnail and no file version.
 */
export function hasAllFiles(media: Pick<Media, 'fileVersion' | 'sizes'>): boolean {
  return Boolean(media.fileVersion) && VARIANT_NAMES.every((name) => Boolean((media.sizes as Record<string, { filename?: string | null } | undefined> | null | undefined)?.[name]?.filename))
}

/**
 * Thrown when the files were written for an image that is no longer the one they were written
 * for: deleted meanwhile, given a new upload, or (SQL reuses the highest id after a delete) its id
 * taken by another image. `files` are the file names written.
 */
export class ImageReplacedError extends Error {
  constructor(
    readonly media: Pick<Media, 'id' | 'filename'>,
    readonly files: string[],
  ) {
    super(`image ${media.id} (${media.filename}) was deleted or replaced while its files were written`)
  }
}

/**
 * Records the files' bookkeeping on the image's row, in one conditional write, only if the row
 * still holds the image they were written from (same id, creation time and stored file).
 * Written straight to the database: it is bookkeeping about the files, not an edit (no hooks, no
 * new version in the history).
 */
export async function recordFiles(media: Media, data: Partial<Media>, written: string[], req: PayloadRequest): Promise<void> {
  const sameImage: Where = { and: [{ id: { equals: media.id } }, { createdAt: { equals: media.createdAt } }, { filename: { equals: media.filename } }] }
  const recorded = await req.payload.db.updateOne({ collection: 'media', where: sameImage, data, select: { id: true }, req })
  if (!recorded) throw new ImageReplacedError(media, written)
}

/** Every file name of a written image: the original and each size. */
export const writtenFilesOf = (media: Pick<Media, 'filename' | 'sizes'>): string[] => [
  ...new Set([media.filename, ...Object.values(media.sizes ?? {}).map((size) => size?.filename)].filter((name): name is string => Boolean(name))),
]

/**
 * Rewrites every file of a media document from its kept upload with the current credit, and
 * records the sizes, byte sizes and file version. The files are written by the image worker (a
 * low-priority child process); the row is updated once they are all in place.
 */
export async function rewriteMediaFiles(media: Media, req: PayloadRequest): Promise<Media> {
  const { subject } = await getMediaCredit(media, req)
  const staticDir = staticDirOf(req)
  const plan = await signingPlanFor(media, subject, staticDir, req)
  const result = await writeFilesInWorker({ media: { filename: media.filename, sourceCrop: media.sourceCrop }, subject, staticDir, maxPixels: maxPixelsOf(req), plan }, req.payload.logger)
  if (!result) return media
  const rewritten = withRewrite(media, result)
  const { filesize, width, height, sizes, fileVersion, sourceCrop } = rewritten
  await recordFiles(media, { filesize, width, height, sizes, fileVersion, sourceCrop }, writtenFilesOf(rewritten), req)
  req.payload.logger.debug({ media: media.id, fileVersion: result.fileVersion }, 'wrote credit metadata and Content Credentials into image files')
  return rewritten
}

/**
 * Right after an upload: only the admin's thumbnail, with the credit, from the upload just kept
 * (`kept`). The other sizes are recorded as missing and the file version cleared until the job
 * has written every file.
 */
export async function writeThumbnailOnly(media: Media, req: PayloadRequest, kept: Buffer): Promise<Media> {
  const { subject } = await getMediaCredit(media, req)
  const staticDir = staticDirOf(req)
  const sign = await contentCredentialSigner(media, subject, staticDir, req)
  const written = await embedCreditInSizes({ media, subject, sign, staticDir, maxPixels: maxPixelsOf(req), names: [THUMBNAIL_VARIANT], kept })
  const pending = { ...media, sizes: sizesWith(written), fileVersion: null }
  await req.payload.db.updateOne({ collection: 'media', id: media.id, data: { sizes: pending.sizes, fileVersion: null }, returning: false, req })
  return pending
}
