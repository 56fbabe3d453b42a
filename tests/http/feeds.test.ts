import { beforeAll, describe, expect, it } from '@jest/globals'
import Parser from 'rss-parser'

import { FIRST_SLUG, adminToken, authHeaders, baseUrl, get } from '../support/http'

const KREMLIN = 'Официальный веб-сайт Президента Российской Федерации'
const CC_BY = 'https://creativecommons.org/licenses/by/4.0/'

type MediaNode = { $: Record<string, string>; 'media:credit'?: string[]; 'media:license'?: Array<{ _: string; $: Record<string, string> }> }
type Item = { title: string; link: string; isoDate: string; media?: MediaNode[] }

// An independent parser (xml2js underneath), not our own builder, reads what readers' apps read.
const parser = new Parser<Record<string, unknown>, Item>({ customFields: { item: [['media:content', 'media', { keepArray: true }]] } })

async function fetchFeed(path: string, contentType: RegExp): Promise<string> {
  const response = await get(path)
  expect(response.status).toBe(200)
  expect(response.headers.get('content-type')).toMatch(contentType)
  // Cacheable by the response cache, purged with the article list and the site settings.
  expect(response.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate')
  expect(response.headers.get('surrogate-key')?.split(' ')).toEqual(expect.arrayContaining(['articles', 'site']))
  expect(response.headers.get('set-cookie')).toBeNull()
  return response.text()
}

async function expectSeededItemCredited(xml: string): Promise<void> {
  const feed = await parser.parseString(xml)
  const item = feed.items.find((entry) => entry.link === `${baseUrl()}/articles/${FIRST_SLUG}`)
  expect(item?.isoDate).toBe('2024-05-16T10:00:00.000Z')
  const media = item?.media?.[0]
  expect(media?.$.url).toMatch(new RegExp(`^${baseUrl()}/api/media/file/.+-w1024\\.jpg(\\?v=[\\w-]+)?$`))
  expect(media?.$).toMatchObject({ medium: 'image', type: 'image/jpeg', width: '1024' })
  expect(media?.['media:credit']).toEqual([KREMLIN])
  expect(media?.['media:license']?.[0]).toMatchObject({ _: 'CC BY 4.0', $: { href: CC_BY } })
  // The URL points at a real file.
  expect((await fetch(media!.$.url!)).status).toBe(200)
}

describe('feeds', () => {
  it('serves RSS 2.0 with Media RSS credit for the seeded article', async () => {
    await expectSeededItemCredited(await fetchFeed('/feed.xml', /^application\/rss\+xml/))
  })

  it('serves Atom 1.0 with the same credit', async () => {
    await expectSeededItemCredited(await fetchFeed('/atom.xml', /^application\/atom\+xml/))
  })

  it('serves JSON Feed 1.1 with the credit in an extension object', async () => {
    const feed = JSON.parse(await fetchFeed('/feed.json', /^application\/feed\+json/)) as { version: string; items: Array<Record<string, unknown>> }
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1')
    const item = feed.items.find((entry) => entry.url === `${baseUrl()}/articles/${FIRST_SLUG}`)
    expect(item).toMatchObject({ date_published: '2024-05-16T10:00:00.000Z', _image_credit: { creator: KREMLIN, license: { name: 'CC BY 4.0', url: CC_BY } } })
    expect((item?._image_credit as { credit_text: string }).credit_text).toBe(`Photo: ${KREMLIN}, CC BY 4.0`)
  })

  it('is linked from every page head for autodiscovery', async () => {
    for (const path of ['/', `/articles/${FIRST_SLUG}`, '/credits', '/no-such-page']) {
      const html = await (await get(path)).text()
      // Next resolves metadata links against metadataBase (SERVER_URL).
      expect(html).toContain(`<link rel="alternate" type="application/rss+xml" href="${baseUrl()}/feed.xml" title="The Dispatch (RSS)"/>`)
      expect(html).toContain(`<link rel="alternate" type="application/atom+xml" href="${baseUrl()}/atom.xml" title="The Dispatch (Atom)"/>`)
      expect(html).toContain(`<link rel="alternate" type="application/feed+json" href="${baseUrl()}/feed.json" title="The Dispatch (JSON Feed)"/>`)
    }
  })
})

describe('full text or summary (Site settings)', () => {
  let token: string
  beforeAll(async () => {
    token = await adminToken()
  })

  async function setFeedContent(feedContent: 'summary' | 'full'): Promise<void> {
    const response = await fetch(`${baseUrl()}/api/globals/site-settings`, {
      method: 'POST',
      headers: authHeaders(token, { 'content-type': 'application/json' }),
      body: JSON.stringify({ feedContent }),
    })
    expect(response.status).toBe(200)
  }

  it('carries the standfirst by default and the whole article when set to full text', async () => {
    const firstParagraph = 'Earlier today, a meeting in Beijing between China’s Xi Jinping'
    expect(await (await get('/feed.xml')).text()).not.toContain(firstParagraph)
    await setFeedContent('full')
    try {
      const feed = await parser.parseString(await (await get('/feed.xml')).text())
      const item = feed.items.find((entry) => entry.link === `${baseUrl()}/articles/${FIRST_SLUG}`) as Item & { 'content:encoded'?: string }
      expect(item['content:encoded']).toContain(`<p>${firstParagraph}`)
      const json = JSON.parse(await (await get('/feed.json')).text()) as { items: Array<{ url: string; content_html?: string }> }
      expect(json.items.find((entry) => entry.url === item.link)?.content_html).toContain(firstParagraph)
    } finally {
      await setFeedContent('summary')
    }
  })
})
