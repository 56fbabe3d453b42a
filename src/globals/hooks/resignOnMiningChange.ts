import type { GlobalAfterChangeHook } from 'payload'

import { queueMediaRewrites } from '@/jobs/rewriteMediaFiles'
import { toSiteIdentity } from '@/lib/site'
import type { SiteSetting } from '@/payload-types'

/**
 * Every image file's Content Credentials state the site's text-and-data-mining terms: when they
 * change, the whole archive is signed again, one background job per image.
 */
export const resignOnMiningChange: GlobalAfterChangeHook = async ({ doc, previousDoc, req }) => {
  // Compared as the site applies them: a first save keeping the default changes nothing.
  if (toSiteIdentity(doc as SiteSetting).tdm.reserved === toSiteIdentity(previousDoc as SiteSetting | undefined).tdm.reserved) return doc
  const { docs } = await req.payload.find({ collection: 'media', depth: 0, pagination: false, select: {}, overrideAccess: true, req })
  await queueMediaRewrites(
    req,
    docs.map((media) => media.id),
  )
  return doc
}
