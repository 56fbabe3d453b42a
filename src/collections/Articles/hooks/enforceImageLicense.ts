import { APIError, type CollectionBeforeChangeHook } from 'payload'

import { findPublishingBlock } from '@/domain/articles/checks'
import { idOf } from '@/domain/media/license'
import type { Article } from '@/payload-types'

/**
 * Publishing is refused when the image's license forbids the use: no license, non-commercial on
 * a commercial site, no-derivatives on a changed image, all rights reserved without a recorded
 * grant. Drafts are never blocked.
 */
export const enforceImageLicense: CollectionBeforeChangeHook<Article> = async ({ data, originalDoc, req }) => {
  // A partial update (a scheduled publish sends only `_status`) keeps the stored image.
  const imageId = idOf(data.heroImage === undefined ? originalDoc?.heroImage : data.heroImage)
  if (data._status !== 'published' || imageId === null) return data
  const message = await findPublishingBlock(imageId, req)
  if (message) throw new APIError(message, 400, null, true)
  return data
}
