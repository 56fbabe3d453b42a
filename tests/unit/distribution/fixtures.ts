// A published article with its populated image and license, as Payload returns it at depth 2.
import { KREMLIN_CREATOR, license } from '../licensing/fixtures'
import { toSiteIdentity, type SiteIdentity } from '../../../src/lib/site'
import type { Article, License, Media } from '../../../src/payload-types'

export const ORIGIN = 'https://news.example'
export const KREMLIN = KREMLIN_CREATOR

export const ccBy = { ...license('CC-BY-4.0'), id: 2, updatedAt: '2024-05-16T00:00:00.000Z', createdAt: '2024-05-16T00:00:00.000Z' } as License

const variant = (width: number) => ({
  url: `/api/media/file/photo-w${width}.jpg`,
  width,
  height: Math.round((width * 2) / 3),
  mimeType: 'image/jpeg',
  filesize: width * 100,
  filename: `photo-w${width}.jpg`,
})

export const photo = {
  id: 7,
  alt: 'Two leaders shake hands',
  caption: 'Talks in Beijing, 16 May 2024.',
  creator: KREMLIN,
  creatorUrl: 'http://en.kremlin.ru/',
  sourceUrl: 'http://en.kremlin.ru/events/president/news/74050',
  license: ccBy,
  url: '/api/media/file/photo.jpg',
  filename: 'photo.jpg',
  mimeType: 'image/jpeg',
  filesize: 480_000,
  width: 2400,
  height: 1600,
  sizes: { w320: variant(320), w480: variant(480), w768: variant(768), w1024: variant(1024), w1600: variant(1600) },
  updatedAt: '2024-05-16T00:00:00.000Z',
  createdAt: '2024-05-16T00:00:00.000Z',
} as unknown as Media

export function article(overrides: Partial<Article> = {}): Article {
  return {
    id: 1,
    headline: 'Xi & Putin <meet> in Beijing',
    slug: 'xi-putin-beijing',
    standfirst: 'A “no limits” partnership, renewed.',
    byline: 'Staff reporter',
    heroImage: photo,
    body: { root: { type: 'root', children: [], direction: 'ltr', format: '', indent: 0, version: 1 } },
    publishedAt: '2024-05-16T10:30:00.000Z',
    revisedAt: null,
    _status: 'published',
    updatedAt: '2024-05-17T08:00:00.000Z',
    createdAt: '2024-05-16T09:00:00.000Z',
    ...overrides,
  } as Article
}

export function siteWith(settings: Parameters<typeof toSiteIdentity>[0] = {}): SiteIdentity {
  return toSiteIdentity(settings)
}
