import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, PayloadRequest } from 'payload'

import { getMediaCredit } from '@/domain/media/credit'
import type { Media } from '@/payload-types'
import { embedCreditInFiles, removePristineCopy } from '../files/embedCredit'

function staticDirOf(req: PayloadRequest): string {
  const upload = req.payload.collections.media.config.upload
  if (!upload.staticDir) throw new Error('The media collection has no staticDir')
  return upload.staticDir
}

/** Writes the credit into the image files of one media document. */
export async function embedMediaCredit(media: Media, req: PayloadRequest, isNewUpload = false): Promise<void> {
  const { subject } = await getMediaCredit(media, req)
  const files = await embedCreditInFiles({ media, subject, staticDir: staticDirOf(req), isNewUpload })
  req.payload.logger.debug({ media: media.id, files }, 'wrote credit metadata into image files')
}

const FILE_CREDIT_FIELDS = ['filename', 'title', 'creator', 'creatorUrl', 'sourceUrl', 'changes', 'license'] as const

const licenseIdOf = (license: Media['license'] | undefined) => (typeof license === 'object' && license !== null ? license.id : license)

/** Whether anything written into the files differs (an alt-text edit re-encodes nothing). */
function fileCreditChanged(doc: Media, previous: Media | undefined): boolean {
  if (!previous) return true
  return FILE_CREDIT_FIELDS.some((field) =>
    field === 'license' ? licenseIdOf(doc.license) !== licenseIdOf(previous.license) : doc[field] !== previous[field],
  )
}

/** After an upload, a new file, or a change to the credit, the files are rewritten. */
export const embedCreditAfterChange: CollectionAfterChangeHook<Media> = async ({ doc, previousDoc, operation, req }) => {
  const isNewUpload = Boolean(req.file)
  if (operation === 'create' || isNewUpload || fileCreditChanged(doc, previousDoc)) await embedMediaCredit(doc, req, isNewUpload)
  return doc
}

export const removePristineAfterDelete: CollectionAfterDeleteHook<Media> = async ({ doc, req }) => {
  await removePristineCopy(staticDirOf(req), doc.filename)
  return doc
}
