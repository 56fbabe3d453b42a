import { getSettings } from '@/config/settings'
import { resolveListWhere, type ArticleList } from '@/domain/articles/lists'
import { getPayloadClient } from './payload'
import { findStableLanding, findStablePage, type StableLanding, type StablePage, type StableQuery } from './stablePages'
import { toArticleSummary, type ArticleSummary } from './views'

/** What a card shows, and nothing else: never a body. */
const CARD_SELECT = { slug: true, headline: true, standfirst: true, publishedAt: true, heroImage: true, section: true } as const

async function articleQuery(list: ArticleList): Promise<StableQuery<ArticleSummary>> {
  return { collection: 'articles', where: await resolveListWhere(list, await getPayloadClient()), dateField: 'publishedAt', select: CARD_SELECT, depth: 2, size: getSettings().listPageSize, toView: toArticleSummary }
}

/** One numbered page of a list (published articles only, as readers see them). */
export async function findListPage(list: ArticleList, page: number): Promise<StablePage<ArticleSummary> | null> {
  return findStablePage(await articleQuery(list), page)
}

/** A list's landing page: its two newest pages. */
export async function findListLanding(list: ArticleList): Promise<StableLanding<ArticleSummary>> {
  return findStableLanding(await articleQuery(list))
}
