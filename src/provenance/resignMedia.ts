import type { PayloadRequest } from 'payload'

import { staticDirOf } from '@/collections/Media/files/collectionFiles'
import { signingPlanFor } from '@/collections/Media/files/contentCredentials'
import { resignFilesInWorker, type ResignOutcome } from '@/collections/Media/files/imageWorker'
import { recordFiles, writtenFilesOf } from '@/collections/Media/files/rewriteMediaFiles'
import { getMediaCredit } from '@/domain/media/credit'
import type { Media } from '@/payload-types'
import { recordedFilesOf } from './servedFiles'

/** The record after a re-sign: each file's new byte size and the files' new version. */
export function withResigned(media: Media, { files, fileVersion }: Exclude<ResignOutcome, { notResignable: string }>): Media {
  const filesizes = new Map(files.flatMap(({ file, filesize }) => file.sizeNames.map((name) => [name, filesize] as const)))
  // Only the sizes themselves: Payload leaves bookkeeping keys with no value in the group.
  const sizes = Object.fromEntries(
    Object.entries(media.sizes ?? {}).flatMap(([name, size]) => (size ? [[name, filesizes.has(name) ? { ...size, filesize: filesizes.get(name) } : size]] : [])),
  ) as Media['sizes']
  const original = files.find(({ file }) => file.width === null)
  return { ...media, filesize: original?.filesize ?? media.filesize, sizes, fileVersion }
}

/**
 * Signs an image's served files again as they are, when only their Content Credentials change
 * (the site's mining terms): no pixel is re-encoded, and the image worker does the signing.
 * Returns null, changing nothing, when the files cannot be re-signed as they are (one missing, unsigned, altered or signed by another
 * key); the caller then writes them afresh from the kept upload. The new byte sizes and file
 * version go straight to the database, as after a rewrite.
 */
export async function resignMediaFiles(media: Media, req: PayloadRequest): Promise<Media | null> {
  const recorded = recordedFilesOf(media)
  if (!recorded) return null
  const staticDir = staticDirOf(req)
  const { subject } = await getMediaCredit(media, req)
  const outcome = await resignFilesInWorker({ staticDir, recorded, plan: await signingPlanFor(media, subject, staticDir, req) }, req.payload.logger)
  if ('notResignable' in outcome) {
    req.payload.logger.info({ media: media.id, reason: outcome.notResignable }, 'cannot re-sign image files as they are; writing them afresh')
    return null
  }
  const updated = withResigned(media, outcome)
  await recordFiles(media, { filesize: updated.filesize, sizes: updated.sizes, fileVersion: updated.fileVersion }, writtenFilesOf(updated), req)
  req.payload.logger.debug({ media: media.id, fileVersion: updated.fileVersion }, 're-signed image files with new Content Credentials')
  return updated
}
