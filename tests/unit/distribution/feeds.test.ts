import { describe, expect, it } from '@jest/globals'
import Parser from 'rss-parser'

import { renderAtom } from '../../../src/lib/feeds/atom'
import { toFeedChannel, toFeedItem } from '../../../src/lib/feeds/feedItem'
import { bodyToFeedHtml } from '../../../src/lib/feeds/bodyHtml'
import { toJsonFeed } from '../../../src/lib/feeds/jsonFeed'
import { renderRss } from '../../../src/lib/feeds/rss'
import type { Article, Media } from '../../../src/payload-types'
import { ORIGIN, KREMLIN, article, photo, siteWith } from './fixtures'

type MediaNode = { $: Record<string, string>; 'media:credit'?: string[]; 'media:license'?: Array<{ _: string; $: Record<string, string> }>; 'media:description'?: Array<{ _: string }> }
type Item = { title: string; link: string; pubDate: string; isoDate: string; media?: MediaNode[] }

const parser = new Parser<Record<string, unknown>, Item>({ customFields: { item: [['media:content', 'media', { keepArray: true }]], feed: ['copyright'] } })

function channel({ site = siteWith(), bodyHtml = null as string | null } = {}) {
  const items = [
    toFeedItem(article(), { origin: ORIGIN, bodyHtml }),
    toFeedItem(article({ slug: 'older', headline: 'Older', heroImage: null, publishedAt: '2024-05-01T00:00:00.000Z' }), { origin: ORIGIN, bodyHtml }),
  ]
  return toFeedChannel({ site, origin: ORIGIN, items })
}

function expectCredit(media: MediaNode | undefined) {
  expect(media?.$).toMatchObject({ url: `${ORIGIN}/api/media/file/photo-w1024.jpg`, medium: 'image', type: 'image/jpeg', width: '1024', height: '683' })
  expect(media?.['media:credit']).toEqual([KREMLIN])
  expect(media?.['media:license']?.[0]).toMatchObject({ _: 'CC BY 4.0', $: { href: 'https://creativecommons.org/licenses/by/4.0/' } })
  expect(media?.['media:description']?.[0]?._).toBe('Talks in Beijing, 16 May 2024.')
}

describe('RSS 2.0 feed', () => {
  it('parses, with absolute links, GMT dates and the image credit in Media RSS', async () => {
    const feed = await parser.parseString(renderRss(channel()))
    expect(feed.title).toBe('The Dispatch')
    expect(feed.items).toHaveLength(2)
    const [first] = feed.items
    expect(first?.title).toBe('Xi & Putin <meet> in Beijing')
    expect(first?.link).toBe(`${ORIGIN}/articles/xi-putin-beijing`)
    expect(first?.pubDate).toBe('Thu, 16 May 2024 10:30:00 GMT')
    expectCredit(first?.media?.[0])
    expect(feed.items[1]?.media).toBeUndefined()
  })

  it('carries the full text only when the site publishes full-text feeds', async () => {
    const summary = renderRss(channel())
    const full = renderRss(channel({ bodyHtml: '<p>Body & more</p>' }))
    expect(summary).not.toContain('content:encoded')
    const parsed = await parser.parseString(full)
    expect(parsed.items[0]?.['content:encoded' as keyof Item]).toBe('<p>Body & more</p>')
  })

  it('links the TDM policy only when mining is reserved', () => {
    const reserved = renderRss(channel({ site: siteWith({ tdm: 'reserved', tdmPolicyUrl: 'https://news.example/licensing' }) }))
    expect(reserved).toContain('<atom:link href="https://news.example/licensing" rel="license"/>')
    const allowed = renderRss(channel({ site: siteWith({ tdm: 'allowed', tdmPolicyUrl: 'https://news.example/licensing' }) }))
    expect(allowed).not.toContain('rel="license"')
    expect(allowed).not.toMatch(/tdm/i)
  })
})

describe('Atom 1.0 feed', () => {
  it('parses, with ISO dates, the revision as updated, and the credit', async () => {
    const xml = renderAtom(channel({ site: siteWith() }))
    const feed = await parser.parseString(xml)
    expect(feed.title).toBe('The Dispatch')
    expect(feed.items[0]?.link).toBe(`${ORIGIN}/articles/xi-putin-beijing`)
    expect(feed.items[0]?.isoDate).toBe('2024-05-16T10:30:00.000Z')
    expectCredit(feed.items[0]?.media?.[0])
    expect(xml).toContain(`<link rel="license" href="${ORIGIN}/.well-known/tdmrep.json"/>`)
    const revised = renderAtom(toFeedChannel({ site: siteWith({ tdm: 'allowed' }), origin: ORIGIN, items: [toFeedItem(article({ revisedAt: '2024-05-18T12:00:00.000Z' }), { origin: ORIGIN, bodyHtml: null })] }))
    expect(revised).toContain('<updated>2024-05-18T12:00:00.000Z</updated>')
    expect(revised).not.toContain('rel="license"')
  })
})

describe('JSON Feed 1.1', () => {
  it('has the 1.1 fields and the image credit in an extension object', () => {
    const feed = toJsonFeed(channel(), { creditAbout: `${ORIGIN}/credits` }) as { version: string; items: Array<Record<string, unknown>>; _tdm?: unknown }
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1')
    expect(feed.items[0]).toMatchObject({
      id: `${ORIGIN}/articles/xi-putin-beijing`,
      date_published: '2024-05-16T10:30:00.000Z',
      image: `${ORIGIN}/api/media/file/photo-w1024.jpg`,
      _image_credit: { creator: KREMLIN, license: { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' } },
    })
    expect((feed.items[0]?._image_credit as { credit_text: string }).credit_text).toContain(KREMLIN)
    expect(feed._tdm).toMatchObject({ reservation: 1, policy: `${ORIGIN}/.well-known/tdmrep.json` })
    expect(toJsonFeed(channel({ site: siteWith({ tdm: 'allowed' }) }), { creditAbout: '' })).not.toHaveProperty('_tdm')
  })
})

describe('feed channel', () => {
  it('dates the feed by its newest revision, not by the clock', () => {
    expect(channel().updated.toISOString()).toBe('2024-05-16T10:30:00.000Z')
  })
})

const map = { ...photo, id: 8, alt: 'A map', caption: null, creator: 'Cartographer', url: '/api/media/file/map.jpg', sizes: {} } as unknown as Media
const bodyWith = (...children: unknown[]) => ({ root: { type: 'root', children, direction: 'ltr', format: '', indent: 0, version: 1 } }) as unknown as Article['body']
const upload = (value: unknown) => ({ type: 'upload', relationTo: 'media', value, fields: null, format: '', version: 3 })
const text = (value: string) => ({ type: 'text', text: value, detail: 0, format: 0, mode: 'normal', style: '', version: 1 })
const internalLink = (value: unknown, words: string) => ({
  type: 'link',
  fields: { linkType: 'internal', newTab: false, doc: { relationTo: 'articles', value } },
  children: [text(words)],
  direction: 'ltr',
  format: '',
  indent: 0,
  version: 3,
})
const paragraph = (...children: unknown[]) => ({ type: 'paragraph', children, direction: 'ltr', format: '', indent: 0, textFormat: 0, version: 1 })

describe('images in the body', () => {
  const withBodyImage = article({ body: bodyWith(upload(map), upload(photo), upload(99)) })

  it('carries every image the article shows, lead first, each once, each with its credit, in RSS, Atom and JSON Feed', async () => {
    const items = [toFeedItem(withBodyImage, { origin: ORIGIN, bodyHtml: null })]
    expect(items[0]!.images.map((image) => image.url)).toEqual([`${ORIGIN}/api/media/file/photo-w1024.jpg`, `${ORIGIN}/api/media/file/map.jpg`])
    const feedChannel = toFeedChannel({ site: siteWith(), origin: ORIGIN, items })
    for (const xml of [renderRss(feedChannel), renderAtom(feedChannel)]) {
      const media = (await parser.parseString(xml)).items[0]?.media
      expect(media?.map((node) => node['media:credit'])).toEqual([[KREMLIN], ['Cartographer']])
    }
    const json = toJsonFeed(feedChannel, { creditAbout: `${ORIGIN}/credits` }) as { items: Array<{ attachments: unknown[]; _image_credits: Array<{ url: string; creator: string }> }> }
    expect(json.items[0]!.attachments).toHaveLength(2)
    expect(json.items[0]!._image_credits.map((credit) => [credit.url, credit.creator])).toEqual([
      [`${ORIGIN}/api/media/file/photo-w1024.jpg`, KREMLIN],
      [`${ORIGIN}/api/media/file/map.jpg`, 'Cartographer'],
    ])
  })

  it('credits a body image in an article without a lead image', () => {
    const item = toFeedItem(article({ heroImage: null, body: bodyWith(upload(map)) }), { origin: ORIGIN, bodyHtml: null })
    expect(item.images.map((image) => image.creator)).toEqual(['Cartographer'])
  })
})

describe('full text of the body', () => {
  it('shows a body image with absolute URLs, its caption and its credit', () => {
    const html = bodyToFeedHtml(bodyWith(upload(photo)), ORIGIN)
    expect(html).toContain(`<img src="${ORIGIN}/api/media/file/photo-w1024.jpg" alt="Two leaders shake hands" width="1024" height="683">`)
    expect(html).toContain('Talks in Beijing, 16 May 2024.')
    expect(html).toContain(`>${KREMLIN}</a>`)
    expect(html).toContain('rel="license"')
  })

  it('links a published article absolutely, and keeps an unpublished one (an id only, or a draft) as plain text', () => {
    const published = { id: 2, slug: 'earlier-story', headline: 'Earlier', _status: 'published' }
    const draft = { id: 3, slug: 'secret-draft', headline: 'Secret', _status: 'draft' }
    const html = bodyToFeedHtml(bodyWith(paragraph(internalLink(published, 'as reported'), text(' and '), internalLink(3, 'soon'), text(' / '), internalLink(draft, 'later'))), ORIGIN)
    expect(html).toContain(`<a href="${ORIGIN}/articles/earlier-story">as reported</a>`)
    expect(html).toContain('soon')
    expect(html).toContain('later')
    expect(html).not.toContain('secret-draft')
    expect(html.match(/<a /g)).toHaveLength(1)
  })
})
