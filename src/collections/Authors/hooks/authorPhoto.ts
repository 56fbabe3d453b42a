import { APIError, type CollectionAfterChangeHook, type CollectionBeforeChangeHook } from 'payload'

import { findPublishingBlock } from '@/domain/articles/checks'
import { idOf } from '@/domain/media/license'
import { releaseImage } from '@/domain/media/visibility'
import type { Author } from '@/payload-types'

/** A profile is public as soon as it is saved: its photo must be licensed for the use, as an article's image is. */
export const checkAuthorPhoto: CollectionBeforeChangeHook<Author> = async ({ data, originalDoc, req }) => {
  const photoId = idOf(data.photo === undefined ? originalDoc?.photo : data.photo)
  if (photoId === null) return data
  const message = await findPublishingBlock([photoId], req)
  if (message) throw new APIError(message, 400, null, true)
  return data
}

/** Readers may now fetch the photo the profile shows. */
export const releaseAuthorPhoto: CollectionAfterChangeHook<Author> = async ({ doc, req }) => {
  const photoId = idOf(doc.photo)
  if (photoId !== null) await releaseImage(photoId, req)
  return doc
}
