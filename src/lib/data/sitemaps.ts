import type { SitemapArticle } from '@/lib/seo/sitemap'
import { getPayloadClient } from './payload'

/** Every published article (only what sitemaps need), newest first, as an anonymous reader sees them. */
export async function listSitemapArticles(): Promise<SitemapArticle[]> {
  const payload = await getPayloadClient()
  const { docs } = await payload.find({
    collection: 'articles',
    draft: false,
    overrideAccess: false,
    depth: 0,
    pagination: false,
    sort: '-publishedAt',
    select: { slug: true, headline: true, publishedAt: true, revisedAt: true, updatedAt: true },
  })
  return docs
}
