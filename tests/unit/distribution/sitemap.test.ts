import { describe, expect, it } from '@jest/globals'
import { create } from 'xmlbuilder2'

import {
  articleEntries,
  articleSitemapPath,
  monthFiles,
  monthOf,
  monthRange,
  parseSitemapName,
  renderNewsSitemap,
  renderSitemap,
  renderSitemapIndex,
} from '../../../src/lib/seo/sitemap'
import { ORIGIN, siteWith } from './fixtures'

const articles = [
  { slug: 'today', headline: 'Today & <tomorrow>', publishedAt: '2026-11-28T08:00:00.000Z', revisedAt: null, updatedAt: '2026-11-28T09:00:00.000Z' },
  { slug: 'revised', headline: 'Revised', publishedAt: '2026-11-20T08:00:00.000Z', revisedAt: '2026-11-27T10:00:00.000Z', updatedAt: '2026-11-27T11:00:00.000Z' },
  { slug: 'old', headline: 'Old', publishedAt: '2024-05-16T10:00:00.000Z', revisedAt: null, updatedAt: '2024-06-01T00:00:00.000Z' },
]

/** Parses the XML (throws if malformed) and reads the elements' text back. */
function texts(xml: string, name: string): string[] {
  const doc = create(xml)
  return doc.filter((node) => node.node.nodeName === name, false, true).map((node) => node.node.textContent ?? '')
}

describe('sitemap', () => {
  it('lists articles with lastmod from the revision (not every save)', () => {
    const entries = articleEntries(articles, ORIGIN)
    expect(entries).toEqual([
      { loc: `${ORIGIN}/articles/today`, lastmod: '2026-11-28T08:00:00.000Z' },
      { loc: `${ORIGIN}/articles/revised`, lastmod: '2026-11-27T10:00:00.000Z' },
      { loc: `${ORIGIN}/articles/old`, lastmod: '2024-05-16T10:00:00.000Z' },
    ])
    const xml = renderSitemap(entries)
    expect(xml).toContain('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">')
    expect(texts(xml, 'loc')).toEqual(entries.map((entry) => entry.loc))
    expect(texts(xml, 'lastmod')).toEqual(entries.map((entry) => entry.lastmod))
  })

  it('renders a news sitemap of the articles given, titles escaped, undated ones left out', () => {
    const xml = renderNewsSitemap([articles[0]!, { ...articles[1]!, publishedAt: null }], { site: siteWith(), origin: ORIGIN })
    expect(texts(xml, 'loc')).toEqual([`${ORIGIN}/articles/today`])
    expect(texts(xml, 'news:title')).toEqual(['Today & <tomorrow>'])
    expect(texts(xml, 'news:name')).toEqual(['The Dispatch'])
    expect(texts(xml, 'news:publication_date')).toEqual(['2026-11-28T08:00:00.000Z'])
  })
})

describe('sitemap index', () => {
  it('names months in UTC and knows where each begins and ends', () => {
    expect(monthOf('2024-05-31T23:30:00.000Z')).toBe('2024-05')
    expect(monthOf('2024-12-31T23:59:59.999Z')).toBe('2024-12')
    expect(monthRange('2024-12')).toEqual({ start: new Date('2024-12-01T00:00:00.000Z'), end: new Date('2025-01-01T00:00:00.000Z') })
  })

  it('splits a month into files of at most the given size', () => {
    expect(monthFiles('2024-05', 0, 3)).toEqual([])
    expect(monthFiles('2024-05', 3, 3)).toEqual([{ month: '2024-05', page: 1 }])
    expect(monthFiles('2024-05', 7, 3).map(articleSitemapPath)).toEqual([
      '/sitemaps/articles-2024-05.xml',
      '/sitemaps/articles-2024-05-2.xml',
      '/sitemaps/articles-2024-05-3.xml',
    ])
  })

  it('parses the names it makes and nothing else', () => {
    expect(parseSitemapName('pages.xml')).toEqual({ kind: 'pages' })
    expect(parseSitemapName('articles-2024-05.xml')).toEqual({ kind: 'articles', month: '2024-05', page: 1 })
    expect(parseSitemapName('articles-2024-05-12.xml')).toEqual({ kind: 'articles', month: '2024-05', page: 12 })
    for (const name of ['articles-2024-13.xml', 'articles-2024-05-1.xml', 'articles-2024-05-0.xml', 'articles-2024-5.xml', 'articles-2024-05-01.xml', '../pages.xml', 'pages.xml?x', 'articles-2024-05-99999.xml']) {
      expect(parseSitemapName(name)).toBeNull()
    }
  })

  it('renders a valid index of files', () => {
    const xml = renderSitemapIndex([{ loc: `${ORIGIN}/sitemaps/pages.xml`, lastmod: '2026-11-28T08:00:00.000Z' }, { loc: `${ORIGIN}/sitemaps/articles-2024-05.xml`, lastmod: null }])
    expect(xml).toContain('<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">')
    expect(texts(xml, 'loc')).toEqual([`${ORIGIN}/sitemaps/pages.xml`, `${ORIGIN}/sitemaps/articles-2024-05.xml`])
    expect(texts(xml, 'lastmod')).toEqual(['2026-11-28T08:00:00.000Z'])
  })
})
