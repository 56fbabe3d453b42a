import { create } from 'xmlbuilder2'

import type { SiteIdentity } from '@/lib/site'
import { absoluteUrl, articlePath, machinePaths } from '@/lib/urls'

export const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9'
export const NEWS_SITEMAP_NS = 'http://www.google.com/schemas/sitemap-news/0.9'
export const XML_CONTENT_TYPE = 'application/xml; charset=utf-8'
/** Google News reads articles published in the last two days. */
export const NEWS_WINDOW_MS = 2 * 24 * 60 * 60 * 1000

export type SitemapArticle = { slug: string; headline: string; publishedAt?: string | null; revisedAt?: string | null; updatedAt: string }
export type SitemapEntry = { loc: string; lastmod: string | null }

/** The revision readers were told about (as in JSON-LD dateModified), else the publication date. */
export function revisionDate(article: SitemapArticle): string {
  return new Date(article.revisedAt ?? article.publishedAt ?? article.updatedAt).toISOString()
}

/** The front page and /credits change whenever any article does: they take the newest date. */
export function toSitemapEntries(articles: SitemapArticle[], origin: string): SitemapEntry[] {
  const pages = articles.map((article) => ({ loc: absoluteUrl(articlePath(article.slug), origin), lastmod: revisionDate(article) }))
  const newest = pages.reduce<string | null>((latest, page) => (!latest || page.lastmod > latest ? page.lastmod : latest), null)
  return [{ loc: absoluteUrl('/', origin), lastmod: newest }, { loc: absoluteUrl(machinePaths.credits, origin), lastmod: newest }, ...pages]
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

/** Google News sitemap: articles published within two days of `now`, newest first. */
export function renderNewsSitemap(articles: SitemapArticle[], { site, origin, now }: { site: SiteIdentity; origin: string; now: Date }): string {
  const urlset = create({ version: '1.0', encoding: 'UTF-8' }).ele('urlset', { xmlns: SITEMAP_NS, 'xmlns:news': NEWS_SITEMAP_NS })
  const recent = articles.filter((article) => article.publishedAt && now.getTime() - new Date(article.publishedAt).getTime() <= NEWS_WINDOW_MS)
  for (const article of recent) {
    const url = urlset.ele('url')
    url.ele('loc').txt(absoluteUrl(articlePath(article.slug), origin))
    const news = url.ele('news:news')
    const publication = news.ele('news:publication')
    publication.ele('news:name').txt(site.name)
    publication.ele('news:language').txt(site.locale)
    news.ele('news:publication_date').txt(new Date(article.publishedAt!).toISOString())
    news.ele('news:title').txt(article.headline)
  }
  return urlset.end({ prettyPrint: true })
}
