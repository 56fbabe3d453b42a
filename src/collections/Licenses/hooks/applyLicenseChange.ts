import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { findLiveArticlesShowing } from '@/domain/articles/liveArticles'
import { forgetLicense } from '@/domain/media/license'
import { tagsForSiteLogo } from '@/domain/media/siteLogo'
import { tagsForLicenseChange } from '@/lib/cache/changeTags'
import { purgeChange } from '@/lib/cache/purge'
import { queueMediaRewrites } from '@/jobs/rewriteMediaFiles'
import { licenseChangeRewritesFiles } from '@/lib/images/creditChanges'
import type { License } from '@/payload-types'

/**
 * A renamed license or a new deed URL must reach every image under it: the metadata inside its
 * files, and every cached response showing its credit. One query finds those images for both.
 */
export const applyLicenseChange: CollectionAfterChangeHook<License> = async ({ doc, previousDoc, operation, req }) => {
  forgetLicense(req, doc.id)
  const { docs: images } =
    operation === 'create' ? { docs: [] } : await req.payload.find({ collection: 'media', where: { license: { equals: doc.id } }, depth: 0, pagination: false, overrideAccess: true, req })
  // File rewrites run as jobs, only for images whose embedded credit actually changes.
  await queueMediaRewrites(req, images.filter((image) => licenseChangeRewritesFiles(image, doc, previousDoc)).map((image) => image.id))
  const mediaIds = images.map((image) => image.id)
  await purgeChange(req, [...tagsForLicenseChange(doc.id, mediaIds, await findLiveArticlesShowing(mediaIds, req)), ...(await tagsForSiteLogo(mediaIds, req))])
  return doc
}

export const purgeLicenseAfterDelete: CollectionAfterDeleteHook<License> = async ({ doc, req }) => {
  await purgeChange(req, tagsForLicenseChange(doc.id, [], []))
  return doc
}
