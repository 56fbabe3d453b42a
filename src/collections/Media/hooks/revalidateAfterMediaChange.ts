import type { CollectionAfterChangeHook } from 'payload'

import { tagsForArticlesUsingMedia } from '@/lib/cache/affectedArticles'
import { revalidateTags } from '@/lib/cache/revalidate'
import type { Media } from '@/payload-types'

/** A new file, alt text or credit must show on every page using the image. */
export const revalidateAfterMediaChange: CollectionAfterChangeHook<Media> = async ({ doc, operation, req, context }) => {
  if (context.skipRevalidation || operation === 'create') return doc
  await revalidateTags(await tagsForArticlesUsingMedia(req.payload, [doc.id], req), req.payload.logger)
  return doc
}
