import { APIError, type GlobalBeforeChangeHook } from 'payload'

import { findImagesInLiveUse, findLiveUseBlock } from '@/domain/articles/checks'

/**
 * Turning the publication commercial is refused with a 400 naming the articles while published
 * articles show images whose license forbids commercial use.
 */
export const guardSiteUse: GlobalBeforeChangeHook = async ({ data, originalDoc, req }) => {
  const becomesCommercial = data.commercial === true && originalDoc?.commercial === false
  if (!becomesCommercial) return data
  const message = await findLiveUseBlock(await findImagesInLiveUse(req), req, { commercial: true })
  if (message) throw new APIError(message, 400, null, true)
  return data
}
