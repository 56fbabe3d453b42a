import { sql } from 'drizzle-orm'
import type { Where } from 'payload'

import { sqlRunnerOf, type SqlRunner } from '@/domain/search/sqlRunner'

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
 * The months that have published articles, newest first, with how many each has and the newest
 * date. On SQLite and PostgreSQL one grouped count over the (_status, publishedAt) index, which
 * never reads the articles themselves; on MongoDB two indexed queries per month.
 */
export async function listSitemapMonths(): Promise<SitemapMonth[]> {
  const payload = await getPayloadClient()
  const runner = sqlRunnerOf(payload)
  return runner ? countMonthsInSql(runner) : countMonthsOneByOne()
}

type MonthRow = { month: string; count: number | string; last: string | Date }

/** Months in UTC, as monthOf names them; published articles only, as an anonymous reader sees them. */
async function countMonthsInSql(runner: SqlRunner): Promise<SitemapMonth[]> {
  const month = runner.engine === 'postgres' ? sql`to_char("published_at" AT TIME ZONE 'UTC', 'YYYY-MM')` : sql`substr("published_at", 1, 7)`
  const rows = await runner.rows<MonthRow>(sql`
    SELECT ${month} AS month, count(*) AS count, max("published_at") AS last FROM "articles"
    WHERE "_status" = 'published' AND "published_at" IS NOT NULL GROUP BY 1 ORDER BY 1 DESC`)
  return rows.map((row) => ({ month: row.month, count: Number(row.count), lastPublishedAt: new Date(row.last).toISOString() }))
}

async function countMonthsOneByOne(): Promise<SitemapMonth[]> {
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
