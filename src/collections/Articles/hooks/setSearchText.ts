import type { CollectionBeforeChangeHook } from 'payload'

import { toArticleSearchText, type SearchableArticle } from '@/lib/search/indexText'
import type { Article } from '@/payload-types'

/**
 * Stores the article's search text (folded, Chinese in bigrams) beside the content it comes
 * from, on every save. The database indexes it from the row readers see (database triggers,
 * src/migrations*), so a draft save, which writes only a version, never reaches the index.
 */
export const setSearchText: CollectionBeforeChangeHook<Article> = ({ data, originalDoc }) => {
  // A partial update (a scheduled publish sends only `_status`) keeps the stored content.
  const current = <Field extends keyof SearchableArticle & keyof Article>(field: Field) => (field in data ? data[field] : originalDoc?.[field])
  return { ...data, ...toArticleSearchText({ headline: current('headline'), standfirst: current('standfirst'), body: current('body') }) }
}
