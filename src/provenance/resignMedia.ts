import type { PayloadRequest } from 'payload'

import { staticDirOf } from '@/collections/Media/files/collectionFiles'
import { contentCredentialSigner } from '@/collections/Media/files/contentCredentials'
import { getMediaCredit } from '@/domain/media/credit'
import { mediaFileVersion } from '@/lib/images/fileUrls'
import type { Media } from '@/payload-types'
import { getSigningCredentials } from './processCredentials'
import { NotResignable, type Resigned, resignServedFiles } from './resign'
import { recordedFilesOf } from './servedFiles'

/** The record after a re-sign: each file's new byte size and the files' new version. */
export function withResigned(media: Media, resigned: Resigned[]): Media {
  const filesizes = new Map(resigned.flatMap(({ file, bytes }) => file.sizeNames.map((name) => [name, bytes.length] as const)))
  // Only the sizes themselves: Payload leaves bookkeeping keys with no value in the group.
  const sizes = Object.fromEntries(
    Object.entries(media.sizes ?? {}).flatMap(([name, size]) => (size ? [[name, filesizes.has(name) ? { ...size, filesize: filesizes.get(name) } : size]] : [])),
  ) as Media['sizes']
  const original = resigned.find(({ file }) => file.width === null)
  return { ...media, filesize: original?.bytes.length ?? media.filesize, sizes, fileVersion: mediaFileVersion(resigned.map(({ bytes }) => bytes)) }
}

/**
 * Signs an image's served files again as they are, when only their Content Credentials change
 * (the site's mining terms): no pixel is re-encoded. Returns null, changing nothing, when the
 * files cannot be re-signed as they are (one missing, unsigned, altered or signed by another
 * key); the caller then writes them afresh from the kept upload. The new byte sizes and file
 * version go straight to the database, as after a rewrite.
 */
export async function resignMediaFiles(media: Media, req: PayloadRequest): Promise<Media | null> {
  const recorded = recordedFilesOf(media)
  if (!recorded) return null
  const staticDir = staticDirOf(req)
  const { subject } = await getMediaCredit(media, req)
  const sign = await contentCredentialSigner(media, subject, staticDir, req)
  let resigned: Resigned[]
  try {
    resigned = await resignServedFiles({ staticDir, recorded, credentials: await getSigningCredentials(req.payload.logger), sign })
  } catch (error) {
    if (!(error instanceof NotResignable)) throw error
    req.payload.logger.info({ media: media.id, reason: error.message }, 'cannot re-sign image files as they are; writing them afresh')
    return null
  }
  const updated = withResigned(media, resigned)
  await req.payload.db.updateOne({ collection: 'media', id: media.id, data: { filesize: updated.filesize, sizes: updated.sizes, fileVersion: updated.fileVersion }, returning: false, req })
  req.payload.logger.debug({ media: media.id, fileVersion: updated.fileVersion }, 're-signed image files with new Content Credentials')
  return updated
}
