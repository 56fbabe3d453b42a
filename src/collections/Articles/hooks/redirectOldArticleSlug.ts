import type { CollectionAfterChangeHook } from 'payload'

import { readLiveArticle } from '@/domain/articles/liveArticles'
import { recordSlugMove, releaseAddress } from '@/domain/redirects/slugMoves'
import { articlePath } from '@/lib/urls'
import type { Article } from '@/payload-types'
import { liveArticleBefore } from './purgeArticle'

/**
 * The address readers know is the published one: when a publish moves it, the old address answers
 * 301 to the article; a draft's new slug moves nothing until it is published.
 */
export const redirectOldArticleSlug: CollectionAfterChangeHook<Article> = async ({ doc, operation, req }) => {
  const before = liveArticleBefore(doc.id, operation, req)
  const after = await readLiveArticle(doc.id, req)
  if (!after || before?.slug === after.slug) return doc
  if (before) await recordSlugMove('articles', doc.id, before.slug, after.slug, req)
  else await releaseAddress(articlePath(after.slug), req)
  return doc
}
