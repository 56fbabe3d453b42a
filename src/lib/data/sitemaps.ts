import type { Where } from 'payload'

import { monthOf, monthRange, NEWS_SITEMAP_MAX_URLS, NEWS_WINDOW_MS, type ArticleSitemapFile, type SitemapArticle } from '@/lib/seo/sitemap'
import { getPayloadClient } from './payload'

/** Only what sitemaps print; every query here is on the indexed `publishedAt`. */
const SITEMAP_SELECT = { slug: true, headline: true, publishedAt: true, revisedAt: true, updatedAt: true } as const

/**
 * Published articles as an anonymous reader sees them, newest first, one bounded page. The first
 * page needs no count; later ones ask the adapter to paginate (the offset).
 */
async function findPublished(where: Where, limit: number, page = 1) {
  const payload = await getPayloadClient()
  return payload.find({ collection: 'articles', draft: false, overrideAccess: false, depth: 0, where, sort: '-publishedAt', limit, page, pagination: page > 1, select: SITEMAP_SELECT })
}

async function countPublished(where: Where): Promise<number> {
  const payload = await getPayloadClient()
  return (await payload.count({ collection: 'articles', overrideAccess: false, where })).totalDocs
}

function inMonth(month: string): Where {
  const { start, end } = monthRange(month)
  return { and: [{ publishedAt: { greater_than_equal: start.toISOString() } }, { publishedAt: { less_than: end.toISOString() } }] }
}

export type SitemapMonth = { month: string; count: number; lastPublishedAt: string }

/**
 * The months that have published articles, newest first, with how many each has. Two indexed
 * queries per month (the newest article before it, then a count): the archive itself is never read.
 */
export async function listSitemapMonths(): Promise<SitemapMonth[]> {
  const months: SitemapMonth[] = []
  let before: string | null = null
  for (;;) {
    const where: Where = before ? { publishedAt: { less_than: before } } : { publishedAt: { exists: true } }
    const newest = (await findPublished(where, 1)).docs[0]
    if (!newest?.publishedAt) return months
    const month = monthOf(newest.publishedAt)
    months.push({ month, count: await countPublished(inMonth(month)), lastPublishedAt: newest.publishedAt })
    before = monthRange(month).start.toISOString()
  }
}

/** One sitemap file's articles: one page of one month. */
export async function listSitemapFileArticles({ month, page }: ArticleSitemapFile, perFile: number): Promise<SitemapArticle[]> {
  return (await findPublished(inMonth(month), perFile, page)).docs
}

/** The newest published article: the front page and the lists change with it. */
export async function newestPublishedArticle(): Promise<SitemapArticle | null> {
  return (await findPublished({ publishedAt: { exists: true } }, 1)).docs[0] ?? null
}

/** Google News: published in the two days before `now`, newest first, at most 1,000. */
export async function listNewsSitemapArticles(now: Date): Promise<SitemapArticle[]> {
  const since = new Date(now.getTime() - NEWS_WINDOW_MS).toISOString()
  return (await findPublished({ publishedAt: { greater_than_equal: since } }, NEWS_SITEMAP_MAX_URLS)).docs
}
