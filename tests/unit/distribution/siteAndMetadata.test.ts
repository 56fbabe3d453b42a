import { describe, expect, it } from '@jest/globals'

import { toArticleView } from '../../../src/lib/data/views'
import { renderDocsPage } from '../../../src/lib/openapi/docsPage'
import { listImageFiles, pickImageFile } from '../../../src/lib/seo/imageFile'
import { toArticleMeta, toNotFoundMeta, toPageMeta } from '../../../src/lib/seo/metadata'
import { BUILT_IN_LOGO, toSiteIdentity } from '../../../src/lib/site'
import type { Media } from '../../../src/payload-types'
import { ORIGIN, article, photo, siteWith } from './fixtures'

describe('site identity', () => {
  it('shows "The Dispatch" with the built-in logo on a fresh clone (no settings yet)', () => {
    expect(toSiteIdentity(null)).toMatchObject({ name: 'The Dispatch', logo: BUILT_IN_LOGO, feedContent: 'summary', tdm: { reserved: true, policyUrl: null } })
  })

  it('takes name, description and logo from Site settings; blanks fall back', () => {
    const site = toSiteIdentity({ name: '  The Evening Dispatch ', description: '', logo: photo })
    expect(site.name).toBe('The Evening Dispatch')
    expect(site.description).toBe('World news, with every image credited and licensed.')
    expect(site.logo).toEqual({ url: '/api/media/file/photo.jpg', width: 2400, height: 1600, mimeType: 'image/jpeg' })
    // An unpopulated logo (an id) cannot be shown: the built-in one is.
    expect(toSiteIdentity({ logo: 7 }).logo).toBe(BUILT_IN_LOGO)
  })
})

describe('image files', () => {
  it('picks the narrowest real file at least as wide as asked, else the widest', () => {
    expect(pickImageFile(photo, 1000)).toMatchObject({ url: '/api/media/file/photo-w1024.jpg', width: 1024 })
    expect(pickImageFile(photo, 2000)).toMatchObject({ url: '/api/media/file/photo.jpg', width: 2400 })
    expect(pickImageFile({ ...photo, width: 800, sizes: {} } as Media, 3000)).toMatchObject({ width: 800 })
    expect(pickImageFile({ ...photo, url: null, sizes: {} } as unknown as Media, 100)).toBeNull()
    expect(listImageFiles(photo).map((file) => file.width)).toEqual([320, 480, 768, 1024, 1600, 2400])
  })
})

describe('page metadata', () => {
  const site = siteWith({ tdm: 'reserved', tdmPolicyUrl: 'https://news.example/licensing' })

  it('every builder gives the feed links, the cards and the TDM reservation', () => {
    const view = toArticleView(article())
    for (const meta of [toPageMeta({ title: 'Credits', description: 'd', path: '/credits' }, site, ORIGIN), toArticleMeta(view, site, ORIGIN), toNotFoundMeta(site, ORIGIN)]) {
      expect(meta.feeds.map((feed) => [feed.type, feed.href])).toEqual([
        ['application/rss+xml', `${ORIGIN}/feed.xml`],
        ['application/atom+xml', `${ORIGIN}/atom.xml`],
        ['application/feed+json', `${ORIGIN}/feed.json`],
      ])
      expect(meta.twitter).toMatchObject({ card: 'summary_large_image' })
      expect(meta.openGraph).toMatchObject({ siteName: 'The Dispatch', image: { url: expect.stringMatching(/^https:\/\/news\.example\//), width: expect.any(Number), height: expect.any(Number), alt: expect.any(String) } })
      expect(meta.other).toEqual({ 'tdm-reservation': '1', 'tdm-policy': 'https://news.example/licensing' })
    }
  })

  it('titles a page "Page · Site", the front page with the name alone', () => {
    expect(toPageMeta({ title: 'Image credits', description: 'd', path: '/credits' }, site, ORIGIN)).toMatchObject({ title: 'Image credits · The Dispatch', canonical: `${ORIGIN}/credits` })
    expect(toPageMeta({ title: 'The Dispatch', description: 'd', path: '/' }, site, ORIGIN)).toMatchObject({ title: 'The Dispatch', canonical: `${ORIGIN}/` })
  })

  it('gives an article its photo, times with zones and type article', () => {
    const meta = toArticleMeta(toArticleView(article({ revisedAt: '2024-05-18T09:00:00+02:00' })), site, ORIGIN)
    expect(meta.canonical).toBe(`${ORIGIN}/articles/xi-putin-beijing`)
    expect(meta.openGraph).toMatchObject({
      type: 'article',
      url: `${ORIGIN}/articles/xi-putin-beijing`,
      publishedTime: '2024-05-16T10:30:00.000Z',
      modifiedTime: '2024-05-18T07:00:00.000Z',
      image: { url: `${ORIGIN}/api/media/file/photo.jpg`, width: 2400, height: 1600, alt: 'Two leaders shake hands' },
    })
  })

  it('keeps the 404 out of indexes, with no address of its own', () => {
    expect(toNotFoundMeta(site, ORIGIN)).toMatchObject({ title: 'Page not found · The Dispatch', robots: 'noindex', canonical: null, openGraph: { url: null } })
  })

  it('carries the TDM meta only when reserved', () => {
    expect(toPageMeta({ title: 't', description: 'd', path: '/' }, siteWith({ tdm: 'allowed' }), ORIGIN).other).toEqual({})
  })
})

describe('API reference page', () => {
  it('escapes the site name and loads only our own files', () => {
    const html = renderDocsPage('<script>alert(1)</script> & Co')
    expect(html).toContain('<title>&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co public API</title>')
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//)
  })
})
