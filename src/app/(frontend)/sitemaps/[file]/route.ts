import { getSettings } from '@/config/settings'
import { cacheTags } from '@/lib/cache/tags'
import { listSitemapFileArticles, newestPublishedArticle } from '@/lib/data/sitemaps'
import { documentNotFound, publicDocument } from '@/lib/seo/responses'
import { XML_CONTENT_TYPE, articleEntries, parseSitemapName, renderSitemap, revisionDate } from '@/lib/seo/sitemap'
import { absoluteUrl, machinePaths } from '@/lib/urls'

export const dynamic = 'force-dynamic'

const notFound = () => documentNotFound('No such sitemap.')

/** One child of the sitemap index: the site's own pages, or one month of articles. */
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }): Promise<Response> {
  const file = parseSitemapName((await params).file)
  if (!file) return notFound()
  const { serverUrl, sitemapMaxUrls } = getSettings()
  if (file.kind === 'pages') {
    const newest = await newestPublishedArticle()
    const lastmod = newest && revisionDate(newest)
    const pages = ['/', machinePaths.credits].map((path) => ({ loc: absoluteUrl(path, serverUrl), lastmod }))
    return publicDocument(renderSitemap(pages), XML_CONTENT_TYPE, [cacheTags.articleList, cacheTags.site])
  }
  const articles = await listSitemapFileArticles(file, sitemapMaxUrls)
  // A month with no (more) articles is not in the index: answer as for any unknown file.
  if (articles.length === 0) return notFound()
  // Purged only when an article of this month changes, not on every publish.
  return publicDocument(renderSitemap(articleEntries(articles, serverUrl)), XML_CONTENT_TYPE, [cacheTags.sitemapMonth(file.month), cacheTags.site])
}
