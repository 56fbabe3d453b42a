import { beforeAll, describe, expect, it } from '@jest/globals'

import { paragraphsToLexical } from '../../src/lib/richText'
import { FIRST_SLUG, adminToken, authHeaders, baseUrl, get } from '../support/http'

const FRESH_SLUG = 'sitemap-fresh-news'

function locs(xml: string): string[] {
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]!)
}

describe('sitemaps', () => {
  beforeAll(async () => {
    const token = await adminToken()
    const created = await fetch(`${baseUrl()}/api/articles`, {
      method: 'POST',
      headers: authHeaders(token, { 'content-type': 'application/json' }),
      body: JSON.stringify({ headline: 'Fresh news for the sitemap', slug: FRESH_SLUG, body: paragraphsToLexical(['Today.']), _status: 'published' }),
    })
    expect(created.status).toBe(201)
  })

  it('is an index whose files list the front page, credits and every article with lastmod from its revision', async () => {
    const response = await get('/sitemap.xml')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/^application\/xml/)
    expect(response.headers.get('surrogate-key')).toContain('articles')
    const index = await response.text()
    expect(index).toContain('<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">')
    const files = locs(index)
    expect(files).toEqual(expect.arrayContaining([`${baseUrl()}/sitemaps/pages.xml`, `${baseUrl()}/sitemaps/articles-2024-05.xml`]))
    const xml = (await Promise.all(files.map(async (file) => (await get(new URL(file).pathname)).text()))).join('\n')
    expect(locs(xml)).toEqual(expect.arrayContaining([`${baseUrl()}/`, `${baseUrl()}/credits`, `${baseUrl()}/articles/${FIRST_SLUG}`, `${baseUrl()}/articles/${FRESH_SLUG}`]))
    expect(xml).toMatch(new RegExp(`<loc>${baseUrl()}/articles/${FIRST_SLUG}</loc>\\s*<lastmod>\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z</lastmod>`))
  })

  it("keeps an old month's file cached when an article of another month is published", async () => {
    const path = '/sitemaps/articles-2024-05.xml'
    expect((await get(path)).headers.get('surrogate-key')?.split(' ')).toEqual(expect.arrayContaining(['sitemap:2024-05', 'site']))
    expect((await get(path)).headers.get('x-cache')).toBe('HIT')
    const published = await fetch(`${baseUrl()}/api/articles`, {
      method: 'POST',
      headers: authHeaders(await adminToken(), { 'content-type': 'application/json' }),
      body: JSON.stringify({ headline: 'Another fresh one', slug: 'sitemap-another-fresh', body: paragraphsToLexical(['Now.']), _status: 'published' }),
    })
    expect(published.status).toBe(201)
    expect((await get(path)).headers.get('x-cache')).toBe('HIT')
    const index = await (await get('/sitemap.xml')).text()
    const current = locs(index).find((loc) => loc.endsWith(`articles-${new Date().toISOString().slice(0, 7)}.xml`))
    expect(locs(await (await get(new URL(current!).pathname)).text())).toContain(`${baseUrl()}/articles/sitemap-another-fresh`)
  })

  it('has a Google News sitemap with the last two days only', async () => {
    const response = await get('/news-sitemap.xml')
    expect(response.status).toBe(200)
    const xml = await response.text()
    expect(locs(xml)).toContain(`${baseUrl()}/articles/${FRESH_SLUG}`)
    // Published in May 2024: too old for Google News.
    expect(locs(xml)).not.toContain(`${baseUrl()}/articles/${FIRST_SLUG}`)
    expect(xml).toContain('<news:name>The Dispatch</news:name>')
    expect(xml).toContain('<news:title>Fresh news for the sitemap</news:title>')
  })

  it('names both sitemaps in robots.txt', async () => {
    const response = await get('/robots.txt')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/)
    const robots = await response.text()
    expect(robots).toContain(`Sitemap: ${baseUrl()}/sitemap.xml`)
    expect(robots).toContain(`Sitemap: ${baseUrl()}/news-sitemap.xml`)
    expect(robots).toMatch(/^User-agent: \*\nAllow: \/\nDisallow: \/admin/m)
  })
})
