import { describe, expect, it } from '@jest/globals'

import { bypassReason, cacheKey, chooseEncoding, matchesETag, routeTags } from '../../../src/server/responseCache/policy'

const anonymous = (url: string, headers: Record<string, string> = {}, method = 'GET') => ({ method, url, headers })

describe('bypassReason', () => {
  it('lets anonymous GET and HEAD of public pages and API reads through to the cache', () => {
    for (const url of ['/', '/articles/some-slug', '/credits', '/api/articles?where[slug][equals]=x&depth=2', '/api/licenses/3', '/feed.xml']) {
      expect(bypassReason(anonymous(url))).toBeNull()
      expect(bypassReason(anonymous(url, {}, 'HEAD'))).toBeNull()
    }
  })

  it('never reads or writes for anything personal: sessions, draft mode, draft queries', () => {
    expect(bypassReason(anonymous('/', { authorization: 'JWT abc' }))).toBe('authorization')
    expect(bypassReason(anonymous('/', { authorization: 'users API-Key abc' }))).toBe('authorization')
    expect(bypassReason(anonymous('/', { cookie: 'payload-token=abc' }))).toBe('session cookie')
    expect(bypassReason(anonymous('/', { cookie: 'theme=dark; payload-token=abc' }))).toBe('session cookie')
    expect(bypassReason(anonymous('/', { cookie: '__prerender_bypass=1' }))).toBe('session cookie')
    expect(bypassReason(anonymous('/', { cookie: '__next_preview_data=1' }))).toBe('session cookie')
    expect(bypassReason(anonymous('/api/articles?draft=true'))).not.toBeNull()
    expect(bypassReason(anonymous('/api/articles?draft=1'))).not.toBeNull()
    // An unrelated cookie does not make a page personal.
    expect(bypassReason(anonymous('/', { cookie: 'theme=dark' }))).toBeNull()
  })

  it('passes Next variants (client navigation, prefetch) and ranges through, never mixing them with the HTML page', () => {
    for (const header of ['rsc', 'next-router-prefetch', 'next-router-state-tree', 'next-router-segment-prefetch', 'next-action']) {
      expect(bypassReason(anonymous('/articles/x', { [header]: '1' }))).toBe('next variant')
    }
    expect(bypassReason(anonymous('/articles/x?_rsc=abc'))).not.toBeNull()
    expect(bypassReason(anonymous('/articles/x', { range: 'bytes=0-10' }))).toBe('range')
    expect(bypassReason(anonymous('/api/articles', { origin: 'https://elsewhere.example' }))).toBe('origin')
  })

  it('leaves editors tools, writes and internals alone', () => {
    for (const url of ['/admin', '/admin/collections/articles', '/next/preview?path=/articles/x', '/preview/articles/x', '/_next/static/x.js', '/healthz', '/metrics', '/api/users/me', '/api/payload-jobs/run', '/api/graphql', '/api/media/file/a.jpg']) {
      expect(bypassReason(anonymous(url))).toBe('path')
    }
    expect(bypassReason(anonymous('/', {}, 'POST'))).toBe('method')
  })

  it('keeps search out: every query is its own page, and would evict the pages readers need', () => {
    for (const url of ['/search', '/search?q=putin', '/search?q=%E6%99%AE%E4%BA%AC&page=2', '/api/articles/search?q=putin']) expect(bypassReason(anonymous(url))).toBe('path')
    expect(bypassReason(anonymous('/searchlight'))).toBeNull()
  })
})

describe('routeTags', () => {
  it('tags pages and API reads with what they show', () => {
    expect(routeTags('/')).toEqual(['articles', 'site'])
    expect(routeTags('/credits')).toEqual(['credits', 'site'])
    expect(routeTags('/articles/xi-putin')).toEqual(['article:xi-putin', 'site'])
    expect(routeTags('/api/articles?depth=2')).toEqual(['api:articles'])
    expect(routeTags('/api/media/12')).toEqual(['api:media'])
    expect(routeTags('/api/licenses')).toEqual(['api:licenses'])
    expect(routeTags('/api/globals/site-settings')).toEqual(['site'])
  })

  it('knows nothing of other routes (they must mark themselves public)', () => {
    for (const url of ['/feed.xml', '/api/users', '/wp-login.php', '/articles/a/b', '/articles/%E0%A4%A', '/articles/a%20b', '/articles/%F0%9F%A6%84-unicode', '/articles/%D0%BF%D1%83%D1%82%D0%B8%D0%BD']) expect(routeTags(url)).toEqual([])
  })
})

describe('chooseEncoding', () => {
  it('prefers brotli, then gzip, and honours q=0', () => {
    expect(chooseEncoding('gzip, deflate, br, zstd')).toBe('br')
    expect(chooseEncoding('gzip')).toBe('gzip')
    expect(chooseEncoding('br;q=0, gzip;q=0.5')).toBe('gzip')
    expect(chooseEncoding('br;q=0.0, gzip;q=0')).toBe('identity')
    expect(chooseEncoding(undefined)).toBe('identity')
    expect(chooseEncoding('identity')).toBe('identity')
  })
})

describe('matchesETag', () => {
  it('matches strong and weak forms, lists and *', () => {
    expect(matchesETag('"abc"', ['"abc"'])).toBe(true)
    expect(matchesETag('W/"abc"', ['"abc"'])).toBe(true)
    expect(matchesETag('"x", "abc-br"', ['"abc"', '"abc-br"'])).toBe(true)
    expect(matchesETag('*', ['"abc"'])).toBe(true)
    expect(matchesETag('"other"', ['"abc"'])).toBe(false)
    expect(matchesETag(undefined, ['"abc"'])).toBe(false)
  })
})

describe('cacheKey', () => {
  it('keys pages and public documents by their path alone: they read no query', () => {
    for (const [url, key] of [
      ['/', '/'],
      ['/?utm_source=newsletter&utm_medium=email', '/'],
      ['/articles/a?fbclid=abc', '/articles/a'],
      ['/articles/a?gclid=1&mc_cid=2&mc_eid=3', '/articles/a'],
      ['/articles/a?anything=random-123', '/articles/a'],
      ['/sections/world/page/2?x', '/sections/world/page/2'],
      ['/feed.xml?', '/feed.xml'],
    ]) {
      expect(cacheKey(url!)).toBe(key)
    }
  })

  it('keeps the API query it reads, without tracking parameters, as sent', () => {
    expect(cacheKey('/api/articles?where[slug][equals]=x&depth=2')).toBe('/api/articles?where[slug][equals]=x&depth=2')
    expect(cacheKey('/api/articles?utm_source=x&where[slug][equals]=x&UTM_Campaign=y&depth=2&fbclid=z')).toBe('/api/articles?where[slug][equals]=x&depth=2')
    expect(cacheKey('/api/articles?gclid=1')).toBe('/api/articles')
    expect(cacheKey('/api/articles?utmost=1')).toBe('/api/articles?utmost=1')
  })
})
