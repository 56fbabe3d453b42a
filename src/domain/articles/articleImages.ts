import type { Id } from '@/lib/id'
import type { Article } from '@/payload-types'
import { idOf } from '../media/license'


/**
 * Every image an article shows readers, each once: its lead image first, then those placed in
 * its body (kept in `bodyImages` by the article's hooks). Every licensing rule, release and
 * purge reads this, so a body image is treated exactly as the lead image.
 */
export function imageIdsOf(article: Partial<Pick<Article, 'heroImage' | 'bodyImages'>>): Id[] {
  const ids = [idOf(article.heroImage), ...(article.bodyImages ?? []).map(idOf)]
  return [...new Set(ids.filter((id): id is Id => id !== null))]
}
