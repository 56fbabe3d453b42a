import { APIError, type CollectionBeforeChangeHook } from 'payload'

import { findLiveUseBlock } from '@/domain/articles/checks'
import { getLicense, idOf } from '@/domain/media/license'
import type { Media } from '@/payload-types'

/** Fields the license rules read; other edits (alt text, caption) cannot break them. */
const RULE_FIELDS = ['license', 'changes', 'creator', 'permissionNote'] as const

/**
 * An image in published articles keeps obeying its license: a new license, a recorded change
 * or a removed creator or permission that breaks a rule is refused with a 400 naming the articles.
 */
const comparable = (field: (typeof RULE_FIELDS)[number], image: Partial<Media>) => (field === 'license' ? idOf(image.license) : (image[field] ?? null))

export const guardLiveUse: CollectionBeforeChangeHook<Media> = async ({ data, originalDoc, operation, req }) => {
  const changed = RULE_FIELDS.some((field) => field in data && originalDoc && comparable(field, data) !== comparable(field, originalDoc))
  if (operation !== 'update' || !originalDoc || !changed) return data
  const image = { ...originalDoc, ...data }
  const message = await findLiveUseBlock([{ id: originalDoc.id, image, license: await getLicense(image.license, req) }], req)
  if (message) throw new APIError(message, 400, null, true)
  return data
}
