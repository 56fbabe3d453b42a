import { getSettings } from '@/config/settings'
import { cacheTags } from '@/lib/cache/tags'
import { listSitemapArticles } from '@/lib/data/sitemaps'
import { publicDocument } from '@/lib/seo/responses'
import { XML_CONTENT_TYPE, renderSitemap, toSitemapEntries } from '@/lib/seo/sitemap'

// A route handler rather than Next's sitemap.ts: metadata routes cannot set the cache headers.
export const dynamic = 'force-dynamic'

export async function GET(): Promise<Response> {
  const entries = toSitemapEntries(await listSitemapArticles(), getSettings().serverUrl)
  // Tagged `site` too: like every public document, it carries the TDM headers from the site settings.
  return publicDocument(renderSitemap(entries), XML_CONTENT_TYPE, [cacheTags.articleList, cacheTags.site])
}
