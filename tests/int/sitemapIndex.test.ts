import { beforeAll, describe, expect, it } from '@jest/globals'
import type { Payload } from 'payload'

import { paragraphsToLexical } from '../../src/lib/richText'
import { usePayload } from '../support/usePayload'

// Small files, so a few hundred articles split months into several files.
const PER_FILE = 40
process.env.SITEMAP_MAX_URLS = String(PER_FILE)
const ORIGIN = 'http://localhost:3000'

const payload = usePayload()

/** Months (UTC) and how many published articles each gets; plus drafts that must never show. */
const ARCHIVE: Array<[month: string, published: number]> = [
  ['2023-11', 3],
  ['2024-02', 95],
  ['2024-05', 40],
  ['2025-01', 1],
]
const RECENT = 12

/** Counts the documents every find returns while `run` runs: what a route reads, whatever it prints. */
async function documentsRead<T>(run: () => Promise<T>): Promise<{ result: T; read: number }> {
  const instance: Payload = payload()
  const find = instance.find.bind(instance)
  let read = 0
  instance.find = (async (args: Parameters<Payload['find']>[0]) => {
    const found = await find(args)
    read += found.docs.length
    return found
  }) as Payload['find']
  try {
    return { result: await run(), read }
  } finally {
    instance.find = find
  }
}

async function get(route: { GET: (request: Request, context: { params: Promise<{ file: string }> }) => Promise<Response> }, file = ''): Promise<{ status: number; xml: string; tags: string }> {
  const response = await route.GET(new Request(`${ORIGIN}/x`), { params: Promise.resolve({ file }) })
  return { status: response.status, xml: await response.text(), tags: response.headers.get('surrogate-key') ?? '' }
}

const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]!)

describe('sitemaps at archive size', () => {
  let index: typeof import('../../src/app/(frontend)/sitemap.xml/route')
  let files: typeof import('../../src/app/(frontend)/sitemaps/[file]/route')
  let news: typeof import('../../src/app/(frontend)/news-sitemap.xml/route')

  beforeAll(async () => {
    const create = (slug: string, publishedAt: string, status: 'published' | 'draft') =>
      payload().create({ collection: 'articles', draft: status === 'draft', data: { headline: slug, slug, body: paragraphsToLexical(['x']), publishedAt, _status: status } })
    for (const [month, published] of ARCHIVE) {
      for (let day = 0; day < published; day += 1) {
        const at = new Date(`${month}-01T12:00:00.000Z`)
        at.setUTCMinutes(day * 97)
        await create(`a-${month}-${day}`, at.toISOString(), 'published')
      }
      await create(`draft-${month}`, `${month}-02T00:00:00.000Z`, 'draft')
    }
    for (let hour = 0; hour < RECENT; hour += 1) await create(`recent-${hour}`, new Date(Date.now() - (hour * 4 + 1) * 3600_000).toISOString(), 'published')
    await create('three-days-old', new Date(Date.now() - 3 * 24 * 3600_000).toISOString(), 'published')
    // One at a time: Jest's ESM loader trips over modules shared by concurrent imports.
    index = await import('../../src/app/(frontend)/sitemap.xml/route')
    files = await import('../../src/app/(frontend)/sitemaps/[file]/route')
    news = await import('../../src/app/(frontend)/news-sitemap.xml/route')
  }, 240_000)

  it('is an index of files, one per month split at the file size, reading one article per month', async () => {
    const { result, read } = await documentsRead(() => get(index))
    expect(result.status).toBe(200)
    expect(result.xml).toContain('<sitemapindex')
    const now = new Date().toISOString().slice(0, 7)
    const listed = locs(result.xml).map((loc) => loc.replace(`${ORIGIN}/sitemaps/`, ''))
    expect(listed).toEqual(
      expect.arrayContaining(['pages.xml', 'articles-2025-01.xml', 'articles-2024-05.xml', 'articles-2024-02.xml', 'articles-2024-02-2.xml', 'articles-2024-02-3.xml', 'articles-2023-11.xml', `articles-${now}.xml`]),
    )
    expect(listed).not.toContain('articles-2024-05-2.xml')
    expect(listed).not.toContain('articles-2024-01.xml')
    // One "newest before" lookup per month with articles (two when the recent ones straddle a month end), plus the last that finds none.
    expect(read).toBeLessThanOrEqual(ARCHIVE.length + 2)
  })

  it('serves each file with at most the file size of articles, drafts never', async () => {
    const first = await documentsRead(() => get(files, 'articles-2024-02.xml'))
    expect(first.result.status).toBe(200)
    expect(first.read).toBe(PER_FILE)
    expect(locs(first.result.xml)).toHaveLength(PER_FILE)
    const last = await get(files, 'articles-2024-02-3.xml')
    expect(locs(last.xml)).toHaveLength(95 - 2 * PER_FILE)
    const all = [...locs(first.result.xml), ...locs((await get(files, 'articles-2024-02-2.xml')).xml), ...locs(last.xml)]
    expect(new Set(all).size).toBe(95)
    expect(all.some((loc) => loc.includes('draft-'))).toBe(false)
    expect(first.result.tags.split(' ')).toEqual(expect.arrayContaining(['sitemap:2024-02', 'site']))
    expect(first.result.tags.split(' ')).not.toContain('articles')
  })

  it('answers 404 for files that do not exist, without reading the archive', async () => {
    expect((await get(files, 'articles-2024-05-2.xml')).status).toBe(404)
    expect((await get(files, 'articles-2024-01.xml')).status).toBe(404)
    const { result, read } = await documentsRead(() => get(files, 'everything.xml'))
    expect(result.status).toBe(404)
    expect(read).toBe(0)
  })

  it('lists the site pages in their own file', async () => {
    const { result, read } = await documentsRead(() => get(files, 'pages.xml'))
    expect(locs(result.xml)).toEqual([`${ORIGIN}/`, `${ORIGIN}/credits`])
    expect(read).toBe(1)
  })

  it('keeps the news sitemap to the last two days, reading only those', async () => {
    const { result, read } = await documentsRead(() => get(news))
    const listed = locs(result.xml)
    expect(listed).toHaveLength(RECENT)
    expect(listed.every((loc) => loc.includes('/articles/recent-'))).toBe(true)
    expect(read).toBe(RECENT)
  })
})
