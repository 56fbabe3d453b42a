import type { PayloadRequest } from 'payload'

import { formatPublishingBlock } from '@/licensing'
import type { Id } from '@/lib/id'
import type { License, Media } from '@/payload-types'
import { getLicense } from '../media/license'
import { imageIdsOf } from './articleImages'
import { findImageViolations, formatLiveUseBlock, type LiveUseConflict, type RuleImage } from './imageRules'
import { findLiveArticlesShowing } from './liveArticles'

/** How the publication uses images (Site settings). */
export async function getSiteUse(req: PayloadRequest): Promise<{ commercial: boolean }> {
  const settings = await req.payload.findGlobal({ slug: 'site-settings', depth: 0, req, overrideAccess: true })
  return { commercial: settings.commercial ?? true }
}

/** The message refusing to publish an article showing these images (the first that may not be used), or null when it may be published. */
export async function findPublishingBlock(imageIds: readonly Id[], req: PayloadRequest): Promise<string | null> {
  if (imageIds.length === 0) return null
  const [{ docs: images }, use] = await Promise.all([
    req.payload.find({ collection: 'media', where: { id: { in: [...imageIds] } }, depth: 0, pagination: false, req, overrideAccess: true }),
    getSiteUse(req),
  ])
  for (const id of imageIds) {
    const image = images.find((candidate) => String(candidate.id) === String(id))
    if (!image) continue
    const message = formatPublishingBlock(image, findImageViolations(image, await getLicense(image.license, req), use))
    if (message) return message
  }
  return null
}

export type ImageUnderTerms = { id: Id; image: RuleImage & Pick<Media, 'alt' | 'filename'>; license: License | null }

/**
 * The message refusing a change to images, a license or the site's use (`site`, when it is the
 * change) that would leave published articles using an image against its terms; null when fine. Only images that break a
 * rule cost a query for the articles using them.
 */
export async function findLiveUseBlock(candidates: readonly ImageUnderTerms[], req: PayloadRequest, site?: { commercial: boolean }): Promise<string | null> {
  const use = site ?? (await getSiteUse(req))
  const conflicts: LiveUseConflict[] = []
  for (const { id, image, license } of candidates) {
    const violations = findImageViolations(image, license, use)
    if (violations.length > 0) conflicts.push({ image, violations, articles: await findLiveArticlesShowing([id], req) })
  }
  return formatLiveUseBlock(conflicts)
}

/** Every image that published articles show, with its license: what a change of the site's use must respect. */
export async function findImagesInLiveUse(req: PayloadRequest): Promise<ImageUnderTerms[]> {
  const { docs: articles } = await req.payload.find({
    collection: 'articles',
    where: { _status: { equals: 'published' } },
    draft: false,
    select: { heroImage: true, bodyImages: true },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  const ids = [...new Set(articles.flatMap(imageIdsOf))]
  if (ids.length === 0) return []
  const { docs: images } = await req.payload.find({ collection: 'media', where: { id: { in: ids } }, depth: 0, pagination: false, overrideAccess: true, req })
  return Promise.all(images.map(async (image) => ({ id: image.id, image, license: await getLicense(image.license, req) })))
}
