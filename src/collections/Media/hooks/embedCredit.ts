import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { queueMediaRewrites } from '@/jobs/rewriteMediaFiles'
import { mediaCreditChanged } from '@/lib/images/creditChanges'
import { withServedFiles } from './versionFileUrls'
import type { Media } from '@/payload-types'
import { staticDirOf } from '../files/collectionFiles'
import { keepUpload, removeKeptOriginal } from '../files/keptOriginal'
import { rewriteMediaFiles } from '../files/rewriteMediaFiles'
import { keepUploadManifest, removeUploadManifest } from '../files/uploadManifest'
import { forgetNewUpload, newUploadOf } from './checkUpload'

/**
 * After an upload, Payload's files carry no credit yet (and the original still has the upload's
 * GPS): they are rewritten now, before anyone can fetch them. The same holds after a crop or
 * focal-point edit, where Payload re-made the sizes. A credit or license change alone is queued.
 */
export const embedCreditAfterChange: CollectionAfterChangeHook<Media> = async ({ doc, previousDoc, req }) => {
  const staticDir = staticDirOf(req)
  const upload = newUploadOf(req)
  if (upload && doc.filename) {
    forgetNewUpload(req)
    await keepUpload(staticDir, doc.filename, upload.bytes)
    await keepUploadManifest(staticDir, doc.filename, upload.bytes, req)
    if (previousDoc?.filename && previousDoc.filename !== doc.filename) {
      await removeKeptOriginal(staticDir, previousDoc.filename)
      await removeUploadManifest(staticDir, previousDoc.filename)
    }
  }
  if (req.file) return withServedFiles(await rewriteMediaFiles(doc, req))
  if (mediaCreditChanged(doc, previousDoc)) await queueMediaRewrites(req, [doc.id])
  return doc
}

export const removeKeptOriginalAfterDelete: CollectionAfterDeleteHook<Media> = async ({ doc, req }) => {
  await removeKeptOriginal(staticDirOf(req), doc.filename)
  await removeUploadManifest(staticDirOf(req), doc.filename)
  return doc
}
