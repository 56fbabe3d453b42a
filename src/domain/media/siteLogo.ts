import type { PayloadRequest } from 'payload'

import { tagsForSiteChange } from '@/lib/cache/changeTags'

type Id = number | string

/**
 * The site tags when one of these images is the publication's logo: the logo is in every page's
 * JSON-LD and Open Graph and in the feeds, all tagged `site`. Nothing otherwise.
 */
export async function tagsForSiteLogo(mediaIds: readonly Id[], req: PayloadRequest): Promise<string[]> {
  if (mediaIds.length === 0) return []
  const settings = await req.payload.findGlobal({ slug: 'site-settings', depth: 0, overrideAccess: true, req })
  const logo = typeof settings.logo === 'object' && settings.logo !== null ? settings.logo.id : settings.logo
  return logo !== null && logo !== undefined && mediaIds.some((id) => String(id) === String(logo)) ? tagsForSiteChange() : []
}
