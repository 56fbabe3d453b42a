import type { PayloadRequest } from 'payload'

import { getMediaCredit } from '@/domain/media/credit'
import type { Media } from '@/payload-types'
import { maxPixelsOf, staticDirOf } from './collectionFiles'
import { contentCredentialSigner } from './contentCredentials'
import { embedCreditInFiles, type RewriteResult } from './embedCredit'

/** The document as it is after a rewrite: new byte sizes and file version. */
export function withRewrite(media: Media, result: RewriteResult): Media {
  // Only the sizes themselves: Payload leaves bookkeeping keys with no value in the group.
  const sizes = Object.fromEntries(
    Object.entries(media.sizes ?? {}).flatMap(([name, size]) => (size ? [[name, name in result.sizeFilesizes ? { ...size, filesize: result.sizeFilesizes[name] } : size]] : [])),
  ) as Media['sizes']
  const sourceCrop = result.sourceCrop ?? { left: null, top: null, width: null, height: null }
  return { ...media, filesize: result.filesize, width: result.width, height: result.height, sizes, fileVersion: result.fileVersion, sourceCrop }
}

/**
 * Rewrites every file of a media document from its kept upload with the current credit, and
 * records the new byte sizes and file version. Written straight to the database: it is
 * bookkeeping about the files, not an edit (no hooks, no new version in the history).
 */
export async function rewriteMediaFiles(media: Media, req: PayloadRequest): Promise<Media> {
  const { subject } = await getMediaCredit(media, req)
  const staticDir = staticDirOf(req)
  const sign = await contentCredentialSigner(media, subject, staticDir, req)
  const result = await embedCreditInFiles({ media, subject, staticDir, maxPixels: maxPixelsOf(req), sign })
  if (!result) return media
  const rewritten = withRewrite(media, result)
  await req.payload.db.updateOne({
    collection: 'media',
    id: media.id,
    data: { filesize: rewritten.filesize, width: rewritten.width, height: rewritten.height, sizes: rewritten.sizes, fileVersion: rewritten.fileVersion, sourceCrop: rewritten.sourceCrop },
    returning: false,
    req,
  })
  req.payload.logger.debug({ media: media.id, fileVersion: result.fileVersion }, 'wrote credit metadata and Content Credentials into image files')
  return rewritten
}
