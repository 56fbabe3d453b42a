import { getSettings } from '@/config/settings'
import { listWhere, type ArticleList } from '@/domain/articles/lists'
import { landingPages, pageCount } from '@/lib/pagination'
import { getPayloadClient } from './payload'
import { toArticleSummary, type ArticleSummary } from './views'

/** What a card shows, and nothing else: never a body. */
const CARD_SELECT = { slug: true, headline: true, standfirst: true, publishedAt: true, heroImage: true, section: true } as const
/** Oldest first, ties broken by id, so every page holds the same articles however often it is read. */
const OLDEST_FIRST = ['publishedAt', 'id']
const NEWEST_FIRST = ['-publishedAt', '-id']

export type ListPage = { articles: ArticleSummary[]; page: number; pages: number; total: number }
export type ListLanding = { articles: ArticleSummary[]; total: number; pages: number; older: number | null }

export function listPageSize(): number {
  return getSettings().listPageSize
}

/**
 * One numbered page (counted from the oldest, see src/lib/pagination.ts), newest first on the
 * page; null past the last page. As an anonymous reader: published articles only.
 */
export async function findListPage(list: ArticleList, page: number): Promise<ListPage | null> {
  const payload = await getPayloadClient()
  const size = listPageSize()
  const found = await payload.find({ collection: 'articles', draft: false, overrideAccess: false, depth: 2, where: listWhere(list), sort: OLDEST_FIRST, limit: size, page, select: CARD_SELECT })
  const pages = pageCount(found.totalDocs, size)
  if (page > pages) return null
  return { articles: found.docs.reverse().map(toArticleSummary), page, pages, total: found.totalDocs }
}

/** A list's landing page: its two newest pages (one count, one read of at most two pages). */
export async function findListLanding(list: ArticleList): Promise<ListLanding> {
  const payload = await getPayloadClient()
  const size = listPageSize()
  const where = listWhere(list)
  const { totalDocs: total } = await payload.count({ collection: 'articles', overrideAccess: false, where })
  const { pages, older } = landingPages(total, size)
  const shown = total - (Math.min(...pages) - 1) * size
  const found = shown > 0 ? await payload.find({ collection: 'articles', draft: false, overrideAccess: false, depth: 2, where, sort: NEWEST_FIRST, limit: shown, pagination: false, select: CARD_SELECT }) : { docs: [] }
  return { articles: found.docs.map(toArticleSummary), total, pages: pageCount(total, size), older }
}
