import { publicCacheHeaders } from '@/lib/cache/headers'
import { cacheTags } from '@/lib/cache/tags'

/** Every feed lists articles and shows the site's identity and terms: purged by either. */
export const FEED_CACHE_TAGS = [cacheTags.articleList, cacheTags.site]

export function feedResponse(body: string, contentType: string): Response {
  return new Response(body, { headers: { 'Content-Type': contentType, ...publicCacheHeaders(FEED_CACHE_TAGS) } })
}
