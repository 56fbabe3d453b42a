import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { queueMediaRewrites } from '@/jobs/rewriteMediaFiles'
import { mediaCreditChanged } from '@/lib/images/creditChanges'
import { releaseUploadCopies } from '@/lib/images/releaseBuffer'
import { withServedFiles } from './versionFileUrls'
import type { Media } from '@/payload-types'
import { staticDirOf } from '../files/collectionFiles'
import { keepUpload, removeKeptOriginal, removeServedFiles } from '../files/keptOriginal'
import { hasAllFiles, rewriteMediaFiles, writeThumbnailOnly } from '../files/rewriteMediaFiles'
import { keepUploadManifest, removeUploadManifest } from '../files/uploadManifest'
import { forgetNewUpload, newUploadOf } from './checkUpload'

const sizeFilenames = (media: Pick<Media, 'sizes'> | undefined) => Object.values(media?.sizes ?? {}).map((size) => size?.filename)

/**
 * A new upload is kept without its location at once (with the Content Credentials it arrived
 * with, if any), and the file Payload stored (the upload as received, GPS and all) is removed:
 * nothing is served until it has been written with its credit. The request writes only the
 * admin's thumbnail; a job writes the original and every size. An image already public (a new
 * file for a published photo) gets all its files now, as does an image released before its job
 * ran, and a crop or focal-point edit, after which Payload re-made the stored file. A credit or
 * license change alone is queued.
 */
export const embedCreditAfterChange: CollectionAfterChangeHook<Media> = async ({ doc, previousDoc, req }) => {
  const staticDir = staticDirOf(req)
  const upload = newUploadOf(req)
  if (upload && doc.filename) {
    forgetNewUpload(req)
    const kept = await keepUpload(staticDir, doc.filename, upload.bytes)
    await keepUploadManifest(staticDir, doc.filename, upload.bytes, req)
    if (previousDoc?.filename && previousDoc.filename !== doc.filename) {
      await removeKeptOriginal(staticDir, previousDoc.filename)
      await removeUploadManifest(staticDir, previousDoc.filename)
      await removeServedFiles(staticDir, sizeFilenames(previousDoc))
    }
    if (doc.public) {
      releaseUploadCopies(req.payloadAPI, upload.bytes, kept)
      return withServedFiles(await rewriteMediaFiles(doc, req))
    }
    await removeServedFiles(staticDir, [doc.filename])
    const pending = await writeThumbnailOnly(doc, req, kept)
    releaseUploadCopies(req.payloadAPI, upload.bytes, kept)
    await queueMediaRewrites(req, [doc.id], { onlyIfMissing: true })
    return withServedFiles(pending)
  }
  if (req.file || (doc.public && !hasAllFiles(doc))) return withServedFiles(await rewriteMediaFiles(doc, req))
  if (mediaCreditChanged(doc, previousDoc)) await queueMediaRewrites(req, [doc.id])
  return doc
}

export const removeKeptOriginalAfterDelete: CollectionAfterDeleteHook<Media> = async ({ doc, req }) => {
  const staticDir = staticDirOf(req)
  await removeKeptOriginal(staticDir, doc.filename)
  await removeUploadManifest(staticDir, doc.filename)
  await removeServedFiles(staticDir, sizeFilenames(doc))
  return doc
}
