import { create } from 'xmlbuilder2'

import type { SiteIdentity } from '@/lib/site'
import { absoluteUrl, articlePath } from '@/lib/urls'

export const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9'
export const NEWS_SITEMAP_NS = 'http://www.google.com/schemas/sitemap-news/0.9'
export const XML_CONTENT_TYPE = 'application/xml; charset=utf-8'
/** Google News reads articles published in the last two days, at most 1,000 of them. */
export const NEWS_WINDOW_MS = 2 * 24 * 60 * 60 * 1000
export const NEWS_SITEMAP_MAX_URLS = 1000
/** The sitemaps protocol's limit per file. */
export const SITEMAP_MAX_URLS = 50_000

export type SitemapArticle = { slug: string; headline: string; publishedAt?: string | null; revisedAt?: string | null; updatedAt: string }
export type SitemapEntry = { loc: string; lastmod: string | null }
/** One child sitemap of articles: a calendar month (UTC), split into pages when it holds more than a file may. */
export type ArticleSitemapFile = { month: string; page: number }

/** The revision readers were told about (as in JSON-LD dateModified), else the publication date. */
export function revisionDate(article: SitemapArticle): string {
  return new Date(article.revisedAt ?? article.publishedAt ?? article.updatedAt).toISOString()
}

/** `YYYY-MM` of a date, in UTC: the month an article's sitemap file is named after. */
export function monthOf(date: string | Date): string {
  return new Date(date).toISOString().slice(0, 7)
}

/** The first instant of a month and of the month after it (UTC). */
export function monthRange(month: string): { start: Date; end: Date } {
  const [year, monthIndex] = month.split('-').map(Number) as [number, number]
  return { start: new Date(Date.UTC(year, monthIndex - 1, 1)), end: new Date(Date.UTC(year, monthIndex, 1)) }
}

const ARTICLE_FILE = /^articles-(\d{4})-(0[1-9]|1[0-2])(?:-([2-9]|[1-9]\d{1,3}))?\.xml$/

/** `/sitemaps/<name>`: the pages file, one article file, or null (404) for anything else. */
export function parseSitemapName(name: string): { kind: 'pages' } | ({ kind: 'articles' } & ArticleSitemapFile) | null {
  if (name === 'pages.xml') return { kind: 'pages' }
  const match = ARTICLE_FILE.exec(name)
  if (!match) return null
  return { kind: 'articles', month: `${match[1]}-${match[2]}`, page: match[3] ? Number(match[3]) : 1 }
}

export function articleSitemapPath({ month, page }: ArticleSitemapFile): string {
  return `/sitemaps/articles-${month}${page > 1 ? `-${page}` : ''}.xml`
}

export const PAGES_SITEMAP_PATH = '/sitemaps/pages.xml'

/** The files of one month: one per `perFile` articles (a month with none has none). */
export function monthFiles(month: string, count: number, perFile: number): ArticleSitemapFile[] {
  return Array.from({ length: Math.ceil(count / perFile) }, (_, index) => ({ month, page: index + 1 }))
}

export function articleEntries(articles: SitemapArticle[], origin: string): SitemapEntry[] {
  return articles.map((article) => ({ loc: absoluteUrl(articlePath(article.slug), origin), lastmod: revisionDate(article) }))
}

export function renderSitemap(entries: SitemapEntry[]): string {
  const urlset = create({ version: '1.0', encoding: 'UTF-8' }).ele('urlset', { xmlns: SITEMAP_NS })
  for (const entry of entries) {
    const url = urlset.ele('url')
    url.ele('loc').txt(entry.loc)
    if (entry.lastmod) url.ele('lastmod').txt(entry.lastmod)
  }
  return urlset.end({ prettyPrint: true })
}

/** The sitemap index: where crawlers start; it names files, not pages. */
export function renderSitemapIndex(files: SitemapEntry[]): string {
  const index = create({ version: '1.0', encoding: 'UTF-8' }).ele('sitemapindex', { xmlns: SITEMAP_NS })
  for (const file of files) {
    const sitemap = index.ele('sitemap')
    sitemap.ele('loc').txt(file.loc)
    if (file.lastmod) sitemap.ele('lastmod').txt(file.lastmod)
  }
  return index.end({ prettyPrint: true })
}

/** Google News sitemap: the articles given (already the last two days, newest first). */
export function renderNewsSitemap(articles: SitemapArticle[], { site, origin }: { site: SiteIdentity; origin: string }): string {
  const urlset = create({ version: '1.0', encoding: 'UTF-8' }).ele('urlset', { xmlns: SITEMAP_NS, 'xmlns:news': NEWS_SITEMAP_NS })
  for (const article of articles) {
    if (!article.publishedAt) continue
    const url = urlset.ele('url')
    url.ele('loc').txt(absoluteUrl(articlePath(article.slug), origin))
    const news = url.ele('news:news')
    const publication = news.ele('news:publication')
    publication.ele('news:name').txt(site.name)
    publication.ele('news:language').txt(site.locale)
    news.ele('news:publication_date').txt(new Date(article.publishedAt).toISOString())
    news.ele('news:title').txt(article.headline)
  }
  return urlset.end({ prettyPrint: true })
}
