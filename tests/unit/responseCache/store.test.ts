import { describe, expect, it } from '@jest/globals'

import { buildEntry } from '../../../src/server/responseCache/entry'
import { ResponseStore } from '../../../src/server/responseCache/store'

async function entry(tags: string[], size = 1000) {
  return buildEntry({ status: 200, headers: { 'content-type': 'text/html' }, body: Buffer.from('x'.repeat(size)), tags })
}

describe('ResponseStore', () => {
  it('purges exactly the entries carrying a tag', async () => {
    const store = new ResponseStore(10_000_000)
    store.set('/articles/a', await entry(['article:a', 'site']), store.currentGeneration())
    store.set('/articles/b', await entry(['article:b', 'site']), store.currentGeneration())
    store.set('/', await entry(['articles', 'site']), store.currentGeneration())
    expect(store.purge(['article:a'])).toBe(1)
    expect(store.get('/articles/a')).toBeUndefined()
    expect(store.get('/articles/b')).toBeDefined()
    expect(store.get('/')).toBeDefined()
    expect(store.purge(['site'])).toBe(2)
    expect(store.stats()).toMatchObject({ entries: 0, purges: 2, purgedEntries: 3, evictions: 0 })
  })

  it('stays within its byte bound, dropping the least recently used', async () => {
    const store = new ResponseStore(30_000)
    for (let index = 0; index < 20; index += 1) {
      // Random bodies do not compress, so each entry is about 3 × 4 KB.
      const body = Buffer.from(Array.from({ length: 4000 }, () => Math.floor(Math.random() * 256)))
      store.set(`/p${index}`, await buildEntry({ status: 200, headers: {}, body, tags: [`t${index}`] }), store.currentGeneration())
    }
    const stats = store.stats()
    expect(stats.bytes).toBeLessThanOrEqual(30_000)
    expect(stats.entries).toBeGreaterThan(0)
    expect(stats.entries).toBeLessThan(20)
    expect(store.get('/p19')).toBeDefined()
    expect(store.get('/p0')).toBeUndefined()
    expect(stats.evictions).toBe(20 - stats.entries)
    // Evicted entries leave the tag index too: purging their tags removes nothing.
    expect(store.purge(['t0', 't1'])).toBe(0)
  })

  it('refuses to store what a miss rendered if a purge happened meanwhile', async () => {
    const store = new ResponseStore(10_000_000)
    const generation = store.currentGeneration()
    store.purge(['article:a'])
    expect(store.set('/articles/a', await entry(['article:a']), generation)).toBe(false)
    expect(store.get('/articles/a')).toBeUndefined()
  })
})

describe('buildEntry', () => {
  it('makes brotli and gzip once, a strong ETag per encoding, and replays only shareable headers', async () => {
    const built = await buildEntry({
      status: 200,
      headers: { 'content-type': 'text/html', 'set-cookie': 'a=b', 'cache-control': 'private, no-store', 'x-nextjs-cache': 'MISS', vary: 'RSC', 'content-security-policy': "default-src 'self'" },
      body: Buffer.from('<p>hello</p>'.repeat(100)),
      tags: ['article:a'],
    })
    expect(built.headers['set-cookie']).toBeUndefined()
    expect(built.headers['x-nextjs-cache']).toBeUndefined()
    expect(built.headers['cache-control']).toBe('public, max-age=0, must-revalidate')
    expect(built.headers['content-security-policy']).toBe("default-src 'self'")
    expect(built.headers.vary).toBe('RSC, Accept-Encoding')
    expect(built.headers['surrogate-key']).toBe('article:a')
    const { brotliDecompressSync, gunzipSync } = await import('node:zlib')
    expect(brotliDecompressSync(built.bodies.br).equals(built.bodies.identity)).toBe(true)
    expect(gunzipSync(built.bodies.gzip).equals(built.bodies.identity)).toBe(true)
    expect(new Set(Object.values(built.etags)).size).toBe(3)
    expect(built.etags.identity).toMatch(/^"[A-Za-z0-9_-]+"$/)
  })

  it('adds s-maxage for a purging proxy when asked, keeping public Cache-Control a route set itself', async () => {
    const own = await buildEntry({ status: 200, headers: { 'cache-control': 'public, max-age=300' }, body: Buffer.from('x'), tags: ['a'], sMaxAgeSeconds: 60 })
    expect(own.headers['cache-control']).toBe('public, max-age=300, s-maxage=60')
  })
})

describe('entries that limit their own lifetime', () => {
  it('expire after their s-maxage; others stay until purged', async () => {
    const store = new ResponseStore(10_000_000)
    const limited = await buildEntry({ status: 200, headers: { 'cache-control': 'public, max-age=0, s-maxage=1, must-revalidate' }, body: Buffer.from('x'), tags: ['a'] })
    expect(limited.maxAgeMs).toBe(1000)
    store.set('/news-sitemap.xml', limited, store.currentGeneration())
    store.set('/', await entry(['articles']), store.currentGeneration())
    expect(store.get('/news-sitemap.xml')).toBeDefined()
    await new Promise((resolve) => setTimeout(resolve, 1100))
    expect(store.get('/news-sitemap.xml')).toBeUndefined()
    expect(store.get('/')).toBeDefined()
  })
})
