import type { PayloadRequest, TaskConfig } from 'payload'

import { staticDirOf } from '@/collections/Media/files/collectionFiles'
import { removeServedFiles } from '@/collections/Media/files/keptOriginal'
import { hasAllFiles, ImageReplacedError, rewriteMediaFiles } from '@/collections/Media/files/rewriteMediaFiles'
import { purgeMediaAndPagesShowing } from '@/collections/Media/hooks/purgeMedia'
import type { Media } from '@/payload-types'
import { resignMediaFiles } from '@/provenance/resignMedia'

export const REWRITE_MEDIA_FILES = 'rewriteMediaFiles'

type MediaId = Media['id']

function idOf(media: MediaId | { id: MediaId }): MediaId {
  return typeof media === 'object' ? media.id : media
}

/**
 * Writes one image's files (credit XMP and EXIF) off the request path: after an upload (its
 * original and sizes; `onlyIfMissing`, since publishing it may have written them first), or
 * after its credit or license changed. Re-encoding every size of a camera photo takes seconds.
 * With `resignOnly` (a change of the site's mining terms, which only the Content Credentials
 * state) the served files are signed again as they are, without re-encoding, unless they cannot be.
 * When the new files are in place, everything showing them is purged, as their URLs' version changed.
 */
export const rewriteMediaFilesTask: TaskConfig<'rewriteMediaFiles'> = {
  slug: REWRITE_MEDIA_FILES,
  label: 'Rewrite image files with their credit',
  inputSchema: [
    { name: 'media', type: 'relationship', relationTo: 'media', required: true },
    { name: 'onlyIfMissing', type: 'checkbox' },
    { name: 'resignOnly', type: 'checkbox' },
  ],
  outputSchema: [{ name: 'fileVersion', type: 'text' }],
  retries: 3,
  // Two edits in a row queue two rewrites of one image; they run one after the other.
  concurrency: ({ input }) => `media:${idOf(input.media)}`,
  handler: async ({ input, req }) => {
    const id = idOf(input.media)
    const media = await req.payload.findByID({ collection: 'media', id, depth: 0, disableErrors: true, req })
    // Deleted since it was queued, or written since by the publish that released it.
    if (!media || (input.onlyIfMissing && hasAllFiles(media))) return { output: {} }
    return { output: { fileVersion: await writeImageFiles(media, { resignOnly: Boolean(input.resignOnly) }, req) } }
  },
}

/**
 * Writes the files of the image as it was read; when it was deleted or replaced meanwhile, what
 * was written for it is settled instead (see settleReplacedImage). Returns the new file version.
 */
export async function writeImageFiles(media: Media, { resignOnly }: { resignOnly: boolean }, req: PayloadRequest): Promise<string | undefined> {
  try {
    const rewritten = (resignOnly && (await resignMediaFiles(media, req))) || (await rewriteMediaFiles(media, req))
    // The files' bytes and version changed: the image's documents and every page and API read showing it.
    await purgeMediaAndPagesShowing([media.id], req)
    return rewritten.fileVersion ?? undefined
  } catch (error) {
    if (!(error instanceof ImageReplacedError)) throw error
    await settleReplacedImage(error, req)
    return undefined
  }
}

/**
 * Files written for an image deleted meanwhile would be left behind: they are removed. But when
 * an image stored under the same file name exists now (a new upload took the freed name), they
 * are its files' names, overwritten with the old image's credit: its files are written again.
 */
async function settleReplacedImage({ media, files }: ImageReplacedError, req: PayloadRequest): Promise<void> {
  const holder = await req.payload.db.findOne<Media>({ collection: 'media', where: { filename: { equals: media.filename } }, req })
  req.payload.logger.info({ media: media.id, files, rewrittenFor: holder?.id }, 'image deleted or replaced while its files were written')
  if (holder) await queueMediaRewrites(req, [holder.id])
  else await removeServedFiles(staticDirOf(req), files)
}

/** Queues a rewrite (or, `resignOnly`, a re-sign) per image; the server's job runner (or `payload.jobs.run()`) does them. */
export async function queueMediaRewrites(req: PayloadRequest, mediaIds: MediaId[], { onlyIfMissing = false, resignOnly = false } = {}): Promise<void> {
  for (const media of mediaIds) await req.payload.jobs.queue({ task: REWRITE_MEDIA_FILES, input: { media, onlyIfMissing, resignOnly }, req })
  if (mediaIds.length > 0) req.payload.logger.info({ media: mediaIds, resignOnly }, 'queued image file rewrites')
}
