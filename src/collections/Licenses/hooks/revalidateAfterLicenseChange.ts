import type { CollectionAfterChangeHook } from 'payload'

import { mediaIdsUsingLicense, tagsForArticlesUsingMedia } from '@/lib/cache/affectedArticles'
import { revalidateTags } from '@/lib/cache/revalidate'
import type { License } from '@/payload-types'

/** A renamed license or a new deed URL changes the credit on every page using it. */
export const revalidateAfterLicenseChange: CollectionAfterChangeHook<License> = async ({ doc, operation, req, context }) => {
  if (context.skipRevalidation || operation === 'create') return doc
  const mediaIds = await mediaIdsUsingLicense(req.payload, doc.id, req)
  await revalidateTags(await tagsForArticlesUsingMedia(req.payload, mediaIds, req), req.payload.logger)
  return doc
}
