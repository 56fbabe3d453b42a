import type { CollectionAfterChangeHook } from 'payload'

import { tagsForArticlesUsingMedia } from '@/lib/cache/affectedArticles'
import { revalidateTags } from '@/lib/cache/revalidate'
import { queueMediaRewrites } from '@/jobs/rewriteMediaFiles'
import { licenseChangeRewritesFiles } from '@/lib/images/creditChanges'
import type { License } from '@/payload-types'

/**
 * A renamed license or a new deed URL must reach every image under it: the metadata inside its
 * files, and the cached pages showing its credit. One query finds those images for both.
 */
export const applyLicenseChange: CollectionAfterChangeHook<License> = async ({ doc, previousDoc, operation, req, context }) => {
  if (operation === 'create') return doc
  const { docs: images } = await req.payload.find({ collection: 'media', where: { license: { equals: doc.id } }, depth: 0, pagination: false, req })
  await queueMediaRewrites(req, images.filter((image) => licenseChangeRewritesFiles(image, doc, previousDoc)).map((image) => image.id))
  if (!context.skipRevalidation) {
    await revalidateTags(await tagsForArticlesUsingMedia(req.payload, images.map((image) => image.id), req), req.payload.logger)
  }
  return doc
}
