import { getSettings } from '@/config/settings'
import { cacheTags } from '@/lib/cache/tags'
import { listSitemapMonths } from '@/lib/data/sitemaps'
import { publicDocument } from '@/lib/seo/responses'
import { PAGES_SITEMAP_PATH, XML_CONTENT_TYPE, articleSitemapPath, monthFiles, renderSitemapIndex } from '@/lib/seo/sitemap'
import { absoluteUrl } from '@/lib/urls'

// A route handler rather than Next's sitemap.ts: metadata routes cannot set the cache headers.
export const dynamic = 'force-dynamic'

/** The sitemap index: the site's pages, then one file per month of articles (more when a month outgrows a file). */
export async function GET(): Promise<Response> {
  const { serverUrl, sitemapMaxUrls } = getSettings()
  const months = await listSitemapMonths()
  const newest = months[0]?.lastPublishedAt ?? null
  const files = [
    { loc: absoluteUrl(PAGES_SITEMAP_PATH, serverUrl), lastmod: newest && new Date(newest).toISOString() },
    ...months.flatMap(({ month, count }) => monthFiles(month, count, sitemapMaxUrls).map((file) => ({ loc: absoluteUrl(articleSitemapPath(file), serverUrl), lastmod: null }))),
  ]
  // Tagged `site` too: like every public document, it carries the TDM headers from the site settings.
  return publicDocument(renderSitemapIndex(files), XML_CONTENT_TYPE, [cacheTags.articleList, cacheTags.site])
}
