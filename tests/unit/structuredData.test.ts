import { describe, expect, it } from '@jest/globals'
import { z } from 'zod'

import { CC_BY_4_0 } from '../../src/licensing/catalog'
import type { ArticleView } from '../../src/lib/data/views'
import { toSiteIdentity } from '../../src/lib/site'
import { serializeJsonLd, toFrontPageJsonLd, toNewsArticleJsonLd } from '../../src/lib/structuredData'

const site = toSiteIdentity(null)

/** The parts of schema.org's NewsArticle and ImageObject (and Google's rules for them) we rely on. */
const isoWithZone = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/)
const thing = (type: string) => z.object({ '@type': z.literal(type), name: z.string().min(1) })
const imageObject = z.object({
  '@type': z.literal('ImageObject'),
  contentUrl: z.url(),
  license: z.url(),
  acquireLicensePage: z.url(),
  creditText: z.string().min(1),
  creator: z.object({ '@type': z.enum(['Person', 'Organization']), name: z.string().min(1), url: z.url().optional() }),
  copyrightNotice: z.string().min(1),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
})
const newsArticle = z.object({
  '@context': z.literal('https://schema.org'),
  '@type': z.literal('NewsArticle'),
  headline: z.string().min(1).max(110),
  datePublished: isoWithZone,
  dateModified: isoWithZone,
  author: z.array(z.union([thing('Person'), thing('Organization')])).min(1),
  // Google's Article rich result needs the publisher's logo (at least 112 × 112 pixels).
  publisher: thing('Organization').extend({
    url: z.url(),
    logo: z.object({ '@type': z.literal('ImageObject'), url: z.url(), width: z.number().int().min(112), height: z.number().int().min(112) }),
  }),
  image: z.array(imageObject).min(1),
  mainEntityOfPage: z.object({ '@type': z.literal('WebPage'), '@id': z.url() }),
})

const article: ArticleView = {
  slug: 'xi-putin',
  headline: 'Xi and Putin meet',
  standfirst: 'A standfirst.',
  publishedAt: '2024-05-16T10:00:00.000Z',
  updatedAt: '2024-05-17T08:30:00.000Z',
  revisedAt: null,
  corrections: [],
  section: { id: 1, name: 'World', slug: 'world' },
  authors: [],
  byline: 'Newsroom staff',
  body: { root: { type: 'root', children: [], direction: 'ltr', format: '', indent: 0, version: 1 } },
  image: {
    id: 1,
    url: '/api/media/file/photo.jpg',
    variants: [],
    width: 1600,
    height: 900,
    alt: 'Two leaders',
    caption: 'In Beijing.',
    focalX: null,
    focalY: null,
    credit: { creator: 'Официальный веб-сайт Президента Российской Федерации', creatorUrl: 'http://kremlin.ru/', sourceUrl: 'http://kremlin.ru/', license: CC_BY_4_0 },
    contentCredentials: null,
  },
  bodyImages: [],
}

describe('toNewsArticleJsonLd', () => {
  const data = JSON.parse(serializeJsonLd(toNewsArticleJsonLd(article, { origin: 'https://news.example', site })))

  it('is a NewsArticle whose image is a licensable ImageObject', () => {
    const parsed = newsArticle.parse(data)
    expect(parsed.image[0]).toMatchObject({
      contentUrl: 'https://news.example/api/media/file/photo.jpg',
      license: 'https://creativecommons.org/licenses/by/4.0/',
      acquireLicensePage: 'http://kremlin.ru/',
      creditText: 'Photo: Официальный веб-сайт Президента Российской Федерации, CC BY 4.0',
      creator: { '@type': 'Organization', name: 'Официальный веб-сайт Президента Российской Федерации', url: 'http://kremlin.ru/' },
      copyrightNotice: '© Официальный веб-сайт Президента Российской Федерации',
    })
    // Not updatedAt (any save of the record): the publication date until a material revision.
    expect(parsed.dateModified).toBe('2024-05-16T10:00:00.000Z')
    expect(parsed.mainEntityOfPage['@id']).toBe('https://news.example/articles/xi-putin')
  })

  it('dates a materially revised article from its revision', () => {
    const revised = toNewsArticleJsonLd({ ...article, revisedAt: '2024-05-18T09:00:00+02:00' }, { origin: 'https://news.example', site })
    expect(revised.dateModified).toBe('2024-05-18T07:00:00.000Z')
  })

  it('credits the publisher when there is no byline, and leaves out a missing image', () => {
    const bare = toNewsArticleJsonLd({ ...article, byline: null, image: null }, { origin: 'https://news.example', site })
    expect(bare.author).toMatchObject([{ '@type': 'Organization', name: 'The Dispatch', url: 'https://news.example/' }])
    expect(bare).not.toHaveProperty('image')
  })

  it('names each author profile as a Person with its page, and the section', () => {
    const data = toNewsArticleJsonLd({ ...article, authors: [{ id: 1, name: 'Anna Petrova', slug: 'anna-petrova' }, { id: 2, name: 'Li Wei', slug: 'li-wei' }] }, { origin: 'https://news.example', site })
    expect(data.author).toEqual([
      { '@type': 'Person', name: 'Anna Petrova', url: 'https://news.example/authors/anna-petrova' },
      { '@type': 'Person', name: 'Li Wei', url: 'https://news.example/authors/li-wei' },
    ])
    expect(data.articleSection).toBe('World')
  })
})

describe('toNewsArticleJsonLd body images', () => {
  it('lists every image in the body after the lead image, each once, each with its own license', () => {
    const inBody = { ...article.image!, url: '/api/media/file/map.png', alt: 'A map', credit: { ...article.image!.credit, creator: 'Cartographer' } }
    const data = toNewsArticleJsonLd({ ...article, bodyImages: [inBody, article.image!] }, { origin: 'https://news.example', site }) as { image: Array<Record<string, unknown>> }
    expect(data.image.map((image) => image.contentUrl)).toEqual(['https://news.example/api/media/file/photo.jpg', 'https://news.example/api/media/file/map.png'])
    expect(data.image[1]).toMatchObject({ license: 'https://creativecommons.org/licenses/by/4.0/', creator: { name: 'Cartographer' } })
  })

  it('carries a body image when there is no lead image', () => {
    const data = toNewsArticleJsonLd({ ...article, image: null, bodyImages: [article.image!] }, { origin: 'https://news.example', site }) as { image: Array<Record<string, unknown>> }
    expect(data.image).toHaveLength(1)
  })
})

describe('toNewsArticleJsonLd publisher', () => {
  it('names the publisher from Site settings, with its logo as an absolute URL', () => {
    const named = toNewsArticleJsonLd(article, { origin: 'https://news.example', site: toSiteIdentity({ name: 'The Evening Dispatch' }) })
    expect(named.publisher).toMatchObject({ name: 'The Evening Dispatch', logo: { url: 'https://news.example/logo.png', width: 512, height: 512 } })
  })
})

describe('toFrontPageJsonLd', () => {
  it('describes the WebSite and its publishing Organization, linked by @id', () => {
    const data = JSON.parse(serializeJsonLd(toFrontPageJsonLd({ origin: 'https://news.example', site }))) as { '@graph': Array<Record<string, unknown>> }
    const webSite = data['@graph'].find((node) => node['@type'] === 'WebSite')
    const organization = data['@graph'].find((node) => node['@type'] === 'Organization')
    expect(webSite).toMatchObject({ name: 'The Dispatch', url: 'https://news.example/', inLanguage: 'en' })
    expect(organization).toMatchObject({ name: 'The Dispatch', logo: { '@type': 'ImageObject', url: 'https://news.example/logo.png' } })
    expect(webSite?.publisher).toEqual({ '@id': organization?.['@id'] })
  })
})

describe('serializeJsonLd', () => {
  it('cannot close the script element or inject markup, and parses back to the same data', () => {
    const hostile = { headline: '</script><script>alert(1)</script> & \u2028' }
    const text = serializeJsonLd(hostile)
    expect(text).not.toMatch(/<|>|&/)
    expect(JSON.parse(text)).toEqual(hostile)
  })
})
