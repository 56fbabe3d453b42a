import { getSettings } from '@/config/settings'
import { listWhere, type ArticleList } from '@/domain/articles/lists'
import { findStableLanding, findStablePage, type StableLanding, type StablePage, type StableQuery } from './stablePages'
import { toArticleSummary, type ArticleSummary } from './views'

/** What a card shows, and nothing else: never a body. */
const CARD_SELECT = { slug: true, headline: true, standfirst: true, publishedAt: true, heroImage: true, section: true } as const

function articleQuery(list: ArticleList): StableQuery<ArticleSummary> {
  return { collection: 'articles', where: listWhere(list), dateField: 'publishedAt', select: CARD_SELECT, depth: 2, size: getSettings().listPageSize, toView: toArticleSummary }
}

/** One numbered page of a list (published articles only, as readers see them). */
export function findListPage(list: ArticleList, page: number): Promise<StablePage<ArticleSummary> | null> {
  return findStablePage(articleQuery(list), page)
}

/** A list's landing page: its two newest pages. */
export function findListLanding(list: ArticleList): Promise<StableLanding<ArticleSummary>> {
  return findStableLanding(articleQuery(list))
}
