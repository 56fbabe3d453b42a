import { lexicalToPlainText } from './plainText'
import { toIndexText } from './text'

/** The stored search text of an article, one per ranked column: headline > standfirst > body. */
export type ArticleSearchText = { searchHeadline: string; searchStandfirst: string; searchBody: string }

/** The article's fields that hold its search text (hidden, and readable by no one). */
export const SEARCH_TEXT_FIELDS = ['searchHeadline', 'searchStandfirst', 'searchBody'] as const satisfies ReadonlyArray<keyof ArticleSearchText>

export type SearchableArticle = { headline?: string | null; standfirst?: string | null; body?: unknown }

export function toArticleSearchText(article: SearchableArticle): ArticleSearchText {
  return {
    searchHeadline: toIndexText(article.headline),
    searchStandfirst: toIndexText(article.standfirst),
    searchBody: toIndexText(lexicalToPlainText(article.body)),
  }
}
