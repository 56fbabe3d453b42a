import { lexicalToPlainText } from './plainText'
import { toIndexText } from './text'

/** The stored search text of an article, one per ranked column: headline > standfirst > body. */
export type ArticleSearchText = { searchHeadline: string; searchStandfirst: string; searchBody: string }

export type SearchableArticle = { headline?: string | null; standfirst?: string | null; body?: unknown }

export function toArticleSearchText(article: SearchableArticle): ArticleSearchText {
  return {
    searchHeadline: toIndexText(article.headline),
    searchStandfirst: toIndexText(article.standfirst),
    searchBody: toIndexText(lexicalToPlainText(article.body)),
  }
}
