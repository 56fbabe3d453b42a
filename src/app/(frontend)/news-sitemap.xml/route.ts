import { getSettings } from '@/config/settings'
import { publicCacheControl } from '@/lib/cache/headers'
import { cacheTags } from '@/lib/cache/tags'
import { getSiteIdentity } from '@/lib/data/site'
import { listNewsSitemapArticles } from '@/lib/data/sitemaps'
import { publicDocument } from '@/lib/seo/responses'
import { XML_CONTENT_TYPE, renderNewsSitemap } from '@/lib/seo/sitemap'

export const dynamic = 'force-dynamic'

export async function GET(): Promise<Response> {
  const [articles, site] = await Promise.all([listNewsSitemapArticles(new Date()), getSiteIdentity()])
  const body = renderNewsSitemap(articles, { site, origin: getSettings().serverUrl })
  // "The last two days" moves with the clock, not only with publishing: caches keep it an hour at most.
  return publicDocument(body, XML_CONTENT_TYPE, [cacheTags.articleList, cacheTags.site], { 'Cache-Control': publicCacheControl(3600) })
}
