import { APIError, type CollectionBeforeChangeHook } from 'payload'

import { findLicenseViolations, formatPublishingBlock } from '@/licensing'
import { toCreditSubject } from '@/lib/data/views'
import type { Article } from '@/payload-types'
import { resolveLicense } from '../../Media/resolveLicense'

/**
 * Publishing is refused when the image's license forbids the use: no license, non-commercial on
 * a commercial site, no-derivatives on a changed image, all rights reserved without a recorded
 * grant. Drafts are never blocked.
 */
export const enforceImageLicense: CollectionBeforeChangeHook<Article> = async ({ data, req }) => {
  if (data._status !== 'published' || data.heroImage === null || data.heroImage === undefined) return data
  const imageId = typeof data.heroImage === 'object' ? data.heroImage.id : data.heroImage
  const image = await req.payload.findByID({ collection: 'media', id: imageId, depth: 0, req, overrideAccess: true })
  const settings = await req.payload.findGlobal({ slug: 'site-settings', req, overrideAccess: true })
  const subject = { ...toCreditSubject(image, await resolveLicense(image.license, req)), permissionNote: image.permissionNote }
  const violations = findLicenseViolations(subject, { commercial: settings.commercial ?? true, modified: Boolean(image.changes?.trim()) })
  const message = formatPublishingBlock(image, violations)
  if (message) throw new APIError(message, 400, null, true)
  return data
}
