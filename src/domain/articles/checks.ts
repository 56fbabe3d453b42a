import type { PayloadRequest } from 'payload'

import { formatPublishingBlock } from '@/licensing'
import type { License, Media } from '@/payload-types'
import { getLicense } from '../media/license'
import { findImageViolations, formatLiveUseBlock, type LiveUseConflict, type RuleImage } from './imageRules'
import { findLiveArticlesShowing } from './liveArticles'

type Id = number | string

/** How the publication uses images (Site settings). */
export async function getSiteUse(req: PayloadRequest): Promise<{ commercial: boolean }> {
  const settings = await req.payload.findGlobal({ slug: 'site-settings', depth: 0, req, overrideAccess: true })
  return { commercial: settings.commercial ?? true }
}

/** The message refusing to publish an article with this image, or null when it may be published. */
export async function findPublishingBlock(imageId: Id, req: PayloadRequest): Promise<string | null> {
  const image = await req.payload.findByID({ collection: 'media', id: imageId, depth: 0, req, overrideAccess: true })
  return formatPublishingBlock(image, findImageViolations(image, await getLicense(image.license, req), await getSiteUse(req)))
}

export type ImageUnderTerms = { id: Id; image: RuleImage & Pick<Media, 'alt' | 'filename'>; license: License | null }

/**
 * The message refusing a change to images or a license that would leave published articles
 * using an image against its terms; null when the change is fine. Only images that break a
 * rule cost a query for the articles using them.
 */
export async function findLiveUseBlock(candidates: readonly ImageUnderTerms[], req: PayloadRequest): Promise<string | null> {
  const site = await getSiteUse(req)
  const conflicts: LiveUseConflict[] = []
  for (const { id, image, license } of candidates) {
    const violations = findImageViolations(image, license, site)
    if (violations.length > 0) conflicts.push({ image, violations, articles: await findLiveArticlesShowing([id], req) })
  }
  return formatLiveUseBlock(conflicts)
}
