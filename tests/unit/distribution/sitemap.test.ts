import { describe, expect, it } from '@jest/globals'
import { create } from 'xmlbuilder2'

import { renderNewsSitemap, renderSitemap, toSitemapEntries } from '../../../src/lib/seo/sitemap'
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
  it('lists the front page, credits and articles, lastmod from the revision (not every save)', () => {
    const entries = toSitemapEntries(articles, ORIGIN)
    expect(entries).toEqual([
      { loc: `${ORIGIN}/`, lastmod: '2026-11-28T08:00:00.000Z' },
      { loc: `${ORIGIN}/credits`, lastmod: '2026-11-28T08:00:00.000Z' },
      { loc: `${ORIGIN}/articles/today`, lastmod: '2026-11-28T08:00:00.000Z' },
      { loc: `${ORIGIN}/articles/revised`, lastmod: '2026-11-27T10:00:00.000Z' },
      { loc: `${ORIGIN}/articles/old`, lastmod: '2024-05-16T10:00:00.000Z' },
    ])
    const xml = renderSitemap(entries)
    expect(xml).toContain('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">')
    expect(texts(xml, 'loc')).toEqual(entries.map((entry) => entry.loc))
    expect(texts(xml, 'lastmod')).toEqual(entries.map((entry) => entry.lastmod))
  })

  it('has a news sitemap of the last two days, titles escaped', () => {
    const xml = renderNewsSitemap(articles, { site: siteWith(), origin: ORIGIN, now: new Date('2026-11-28T12:00:00.000Z') })
    // "revised" was published eight days ago: a revision does not make it news again.
    expect(texts(xml, 'loc')).toEqual([`${ORIGIN}/articles/today`])
    expect(texts(xml, 'news:title')).toEqual(['Today & <tomorrow>'])
    expect(texts(xml, 'news:name')).toEqual(['The Dispatch'])
    expect(texts(xml, 'news:publication_date')).toEqual(['2026-11-28T08:00:00.000Z'])
  })
})
