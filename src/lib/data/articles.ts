import { cache } from 'react'

import { getPayloadClient } from './payload'
import { toArticleView, type ArticleView } from './views'

/**
 * Reads run as an anonymous reader (overrideAccess: false, draft: false), so access rules, not
 * this code, keep drafts off the site. Nothing is kept between requests: the server's response
 * cache keeps the finished pages and purges them by tag (src/server/responseCache). Within one
 * render, React's `cache` lets the page and its metadata share one read.
 */
export const getPublishedArticle = cache(async (slug: string): Promise<ArticleView | null> => {
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
})

/** The latest draft, for a logged-in editor on the preview route; null without a session. */
export async function getArticleDraft(slug: string, requestHeaders: Headers): Promise<ArticleView | null> {
  const payload = await getPayloadClient()
  const { user } = await payload.auth({ headers: requestHeaders })
  if (!user) return null
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
