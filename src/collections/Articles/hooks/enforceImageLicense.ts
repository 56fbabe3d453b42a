import { APIError, type CollectionBeforeChangeHook } from 'payload'

import { imageIdsOf } from '@/domain/articles/articleImages'
import { findPublishingBlock } from '@/domain/articles/checks'
import type { Article } from '@/payload-types'

/**
 * Publishing is refused when the license of any image the article shows (its lead image or one
 * in its body) forbids the use: no license, non-commercial on a commercial site, no-derivatives
 * on a changed image, all rights reserved without a recorded grant. Drafts are never blocked.
 */
export const enforceImageLicense: CollectionBeforeChangeHook<Article> = async ({ data, originalDoc, req }) => {
  if (data._status !== 'published') return data
  // A partial update (a scheduled publish sends only `_status`) keeps the stored image; setBodyImages has run.
  const imageIds = imageIdsOf({ heroImage: data.heroImage === undefined ? originalDoc?.heroImage : data.heroImage, bodyImages: data.bodyImages })
  const message = await findPublishingBlock(imageIds, req)
  if (message) throw new APIError(message, 400, null, true)
  return data
}
