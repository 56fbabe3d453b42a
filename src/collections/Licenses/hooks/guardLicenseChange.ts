import { APIError, type CollectionBeforeChangeHook } from 'payload'

import { findLiveUseBlock } from '@/domain/articles/checks'
import type { License } from '@/payload-types'

/** Fields the license rules read (the deed URL and SPDX id decide "all rights reserved"); a new name cannot break them. */
const RULE_FIELDS = ['spdxId', 'deedUrl', 'requiresAttribution', 'allowsCommercialUse', 'allowsModification'] as const

/**
 * Changing a license's terms is refused with a 400 naming the articles when published articles
 * use an image under it that the new terms forbid.
 */
export const guardLicenseChange: CollectionBeforeChangeHook<License> = async ({ data, originalDoc, operation, req }) => {
  const changed = RULE_FIELDS.some((field) => field in data && originalDoc && (data[field] ?? null) !== (originalDoc[field] ?? null))
  if (operation !== 'update' || !originalDoc || !changed) return data
  const license = { ...originalDoc, ...data }
  const { docs: images } = await req.payload.find({ collection: 'media', where: { license: { equals: originalDoc.id } }, depth: 0, pagination: false, overrideAccess: true, req })
  const message = await findLiveUseBlock(images.map((image) => ({ id: image.id, image, license })), req)
  if (message) throw new APIError(message, 400, null, true)
  return data
}
