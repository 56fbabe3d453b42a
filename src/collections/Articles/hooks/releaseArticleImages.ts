import type { CollectionAfterChangeHook } from 'payload'

import { imageIdsOf } from '@/domain/articles/articleImages'
import { releaseImage } from '@/domain/media/visibility'
import type { Article } from '@/payload-types'

/** A published article shows its images (lead and body), so readers may now fetch them too. */
export const releaseArticleImages: CollectionAfterChangeHook<Article> = async ({ doc, req }) => {
  if (doc._status !== 'published') return doc
  for (const id of imageIdsOf(doc)) await releaseImage(id, req)
  return doc
}
