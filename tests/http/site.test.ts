import { beforeAll, describe, expect, it } from '@jest/globals'

import { testDatabaseEngine } from '../support/env'
import { FIRST_SLUG, baseUrl, get, getJson } from '../support/http'

/** Text content of the first element matching `tag.class` — enough structure for these checks. */
function between(html: string, start: RegExp, end: string): string {
  const match = start.exec(html)
  if (!match) throw new Error(`no match for ${start}`)
  const from = match.index
  return html.slice(from, html.indexOf(end, from) + end.length)
}

describe('article page', () => {
  let html: string
  let response: Response

  beforeAll(async () => {
    response = await get(`/articles/${FIRST_SLUG}`)
    html = await response.text()
  })

  it('is served with the publication’s language and security headers', () => {
    expect(response.status).toBe(200)
    expect(html).toMatch(/<html lang="en"/)
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'self'")
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(response.headers.get('x-powered-by')).toBeNull()
  })

  it('shows the headline, standfirst, date and all nine body paragraphs', () => {
    expect(html).toContain('<h1>Xi and Putin reaffirm their ‘no limits’ partnership in Beijing</h1>')
    expect(html).toMatch(/<p class="standfirst">Vladimir Putin’s state visit to China/)
    // The date leads to its month's archive.
    expect(html).toContain('<a href="/archive/2024/05"><time dateTime="2024-05-16T10:00:00.000Z">16 May 2024</time></a>')
    const body = between(html, /<div class="article__body">/, '</article>')
    expect(body.match(/<p>/g)).toHaveLength(9)
    expect(body).toContain('Earlier today, a meeting in Beijing between China’s Xi Jinping')
    expect(body).toContain('not just for bilateral benefits but as a strategic counterbalance in global politics.</p>')
    expect(body).not.toContain('Creative Commons')
  })

  it('shows the photo with alt text, caption and the credit with source and license links', () => {
    const figure = between(html, /<figure/, '</figure>')
    expect(figure).toMatch(/<img [^>]*alt="Stand-in for the photo of Xi Jinping and Vladimir Putin[^"]*"/)
    expect(figure).toMatch(/srcSet="[^"]*-w768\.jpg\?v=[\w-]+ 768w/)
    expect(figure).toContain('<figcaption><span class="caption">Xi Jinping and Vladimir Putin met in Beijing on 16 May 2024')
    expect(figure).toMatch(/<a href="http:\/\/kremlin\.ru\/"[^>]*>Официальный веб-сайт Президента Российской Федерации<\/a>/)
    expect(figure).toMatch(/<a href="https:\/\/creativecommons\.org\/licenses\/by\/4\.0\/" rel="license">CC BY 4\.0<\/a>/)
  })

  it('says in <head> what it is: title, canonical address, cards', () => {
    const head = between(html, /<head>/, '</head>')
    expect(head).toContain('<title>Xi and Putin reaffirm their ‘no limits’ partnership in Beijing · The Dispatch</title>')
    expect(head).toContain(`<link rel="canonical" href="${baseUrl()}/articles/${FIRST_SLUG}"/>`)
    expect(head).toContain('<meta property="og:type" content="article"/>')
    expect(head).toMatch(/<meta property="og:image" content="http:\/\/[^"]+\/api\/media\/file\/[^"]+\.jpg\?v=[\w-]+"\/>/)
    expect(head).toContain('<meta name="twitter:card" content="summary_large_image"/>')
    expect(head).not.toContain('name="robots"')
  })

  it('is public, tagged for purging by its article and the site', () => {
    expect(response.headers.get('cache-control')).toMatch(/^public/)
    expect(response.headers.get('surrogate-key')?.split(' ')).toEqual(expect.arrayContaining([`article:${FIRST_SLUG}`, 'site']))
  })

  it('serves the image variant the page points at, by a same-origin versioned path', async () => {
    const src = /src="(\/api\/media\/file\/[^"]+-w1600\.jpg\?v=[\w-]+)"/.exec(html)?.[1]
    expect(src).toBeDefined()
    const image = await get(src!)
    expect(image.status).toBe(200)
    expect(image.headers.get('content-type')).toBe('image/jpeg')
  })
})

describe('front page', () => {
  it('lists the published article with headline, standfirst, image and date', async () => {
    const response = await get('/')
    const html = await response.text()
    expect(response.status).toBe(200)
    expect(html).toContain(`<a href="/articles/${FIRST_SLUG}">Xi and Putin reaffirm their ‘no limits’ partnership in Beijing</a>`)
    expect(html).toMatch(/<p class="standfirst">Vladimir Putin’s state visit/)
    expect(html).toMatch(/<img [^>]*alt="Stand-in for the photo/)
    expect(html).toContain('16 May 2024</time>')
  })
})

describe('not found', () => {
  it.each(['/articles/no-such-article', '/articles/%F0%9F%A6%84-unicode', '/no/such/page'])('answers %s with the site’s 404 page and status 404', async (path) => {
    const response = await get(path)
    expect(response.status).toBe(404)
    const html = await response.text()
    expect(html).toContain('Page not found')
    expect(html).toContain('<meta name="robots" content="noindex"/>')
    expect(html).toContain('<title>Page not found · The Dispatch</title>')
  })

  it('keeps the 404 of an arbitrary path out of shared caches', async () => {
    const response = await get('/no/such/page/either')
    expect(response.status).toBe(404)
    expect(response.headers.get('cache-control')).not.toMatch(/public/)
    expect(response.headers.get('surrogate-key')).toBeNull()
  })
})

describe('health', () => {
  it('reports the app and the database', async () => {
    const { status, body } = await getJson('/healthz')
    expect(status).toBe(200)
    expect(body).toMatchObject({ status: 'ok', app: { status: 'ok' }, database: { status: 'ok', engine: testDatabaseEngine() } })
  })
})

describe('methods', () => {
  it('answers pages and public documents with GET and HEAD only: anything else is a 405, cached or not', async () => {
    await get('/credits')
    for (const [method, path] of [['POST', '/'], ['DELETE', '/'], ['PURGE', '/'], ['POST', '/credits'], ['PUT', `/articles/${FIRST_SLUG}`], ['POST', '/sitemap.xml']]) {
      const response = await fetch(`${baseUrl()}${path}`, { method })
      expect(response.status).toBe(405)
      expect(response.headers.get('allow')).toBe('GET, HEAD')
    }
    expect((await get('/credits')).status).toBe(200)
  })
})
