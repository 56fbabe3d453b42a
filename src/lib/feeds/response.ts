import { cacheTags } from '@/lib/cache/tags'
import { publicDocument } from '@/lib/seo/responses'

/** Every feed lists articles and shows the site's identity and terms: purged by either. */
export const FEED_CACHE_TAGS = [cacheTags.articleList, cacheTags.site]

export function feedResponse(body: string, contentType: string): Response {
  return publicDocument(body, contentType, FEED_CACHE_TAGS)
}
