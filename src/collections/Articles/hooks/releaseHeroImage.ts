import type { CollectionAfterChangeHook } from 'payload'

import { idOf } from '@/domain/media/license'
import { releaseImage } from '@/domain/media/visibility'
import type { Article } from '@/payload-types'

/** A published article shows its image, so readers may now fetch the image too. */
export const releaseHeroImage: CollectionAfterChangeHook<Article> = async ({ doc, req }) => {
  const imageId = idOf(doc.heroImage)
  if (doc._status === 'published' && imageId !== null) await releaseImage(imageId, req)
  return doc
}
