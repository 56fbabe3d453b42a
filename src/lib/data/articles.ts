import { unstable_cache } from 'next/cache'
import { headers } from 'next/headers'

import { cacheTags } from '@/lib/cache/tags'
import { getPayloadClient } from './payload'
import { toArticleSummary, toArticleView, type ArticleSummary, type ArticleView } from './views'

const FRONT_PAGE_SIZE = 24

/**
 * Reads run as an anonymous reader (overrideAccess: false, draft: false), so access rules, not
 * this code, keep drafts off the site. Results are cached under tags the collection hooks expire.
 */
export function getPublishedArticle(slug: string): Promise<ArticleView | null> {
  return unstable_cache(
    async () => {
      const payload = await getPayloadClient()
      const { docs } = await payload.find({
        collection: 'articles',
        where: { slug: { equals: slug } },
        draft: false,
        overrideAccess: false,
        depth: 2,
        limit: 1,
      })
      return docs[0] ? toArticleView(docs[0]) : null
    },
    ['article', slug],
    { tags: [cacheTags.article(slug)] },
  )()
}

/** Published articles, newest first, as a reader may see them (not cached: callers cache). */
export async function findPublishedSummaries(limit?: number): Promise<ArticleSummary[]> {
  const payload = await getPayloadClient()
  const { docs } = await payload.find({
    collection: 'articles',
    draft: false,
    overrideAccess: false,
    depth: 2,
    ...(limit ? { limit } : { pagination: false }),
    sort: '-publishedAt',
  })
  return docs.map(toArticleSummary)
}

export const listPublishedArticles: () => Promise<ArticleSummary[]> = unstable_cache(
  () => findPublishedSummaries(FRONT_PAGE_SIZE),
  ['article-list'],
  { tags: [cacheTags.articleList] },
)

/**
 * The latest draft, for an editor in draft mode. The session is checked on every render, so a
 * leftover draft-mode cookie without a login shows the published page. Never cached.
 */
export async function getArticleForPreview(slug: string): Promise<ArticleView | null> {
  const payload = await getPayloadClient()
  const { user } = await payload.auth({ headers: await headers() })
  if (!user) return getPublishedArticle(slug)
  const { docs } = await payload.find({
    collection: 'articles',
    where: { slug: { equals: slug } },
    draft: true,
    overrideAccess: false,
    user,
    depth: 2,
    limit: 1,
  })
  return docs[0] ? toArticleView(docs[0]) : null
}
