import { describe, expect, it } from '@jest/globals'
import { z } from 'zod'

import { CC_BY_4_0 } from '../../src/licensing/catalog'
import type { ArticleView } from '../../src/lib/data/views'
import { serializeJsonLd, toNewsArticleJsonLd } from '../../src/lib/structuredData'

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
  publisher: thing('Organization').extend({ url: z.url() }),
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
  byline: 'Newsroom staff',
  body: { root: { type: 'root', children: [], direction: 'ltr', format: '', indent: 0, version: 1 } },
  image: {
    url: '/api/media/file/photo.jpg',
    variants: [],
    width: 1600,
    height: 900,
    alt: 'Two leaders',
    caption: 'In Beijing.',
    focalX: null,
    focalY: null,
    credit: { creator: 'Официальный веб-сайт Президента Российской Федерации', creatorUrl: 'http://kremlin.ru/', sourceUrl: 'http://kremlin.ru/', license: CC_BY_4_0 },
  },
}

describe('toNewsArticleJsonLd', () => {
  const data = JSON.parse(serializeJsonLd(toNewsArticleJsonLd(article, { origin: 'https://news.example', site: { name: 'The Dispatch', locale: 'en' } })))

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
    const revised = toNewsArticleJsonLd({ ...article, revisedAt: '2024-05-18T09:00:00+02:00' }, { origin: 'https://news.example', site: { name: 'The Dispatch', locale: 'en' } })
    expect(revised.dateModified).toBe('2024-05-18T07:00:00.000Z')
  })

  it('credits the publisher when there is no byline, and leaves out a missing image', () => {
    const bare = toNewsArticleJsonLd({ ...article, byline: null, image: null }, { origin: 'https://news.example', site: { name: 'The Dispatch', locale: 'en' } })
    expect(bare.author).toEqual([{ '@type': 'Organization', name: 'The Dispatch', url: 'https://news.example/' }])
    expect(bare).not.toHaveProperty('image')
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
