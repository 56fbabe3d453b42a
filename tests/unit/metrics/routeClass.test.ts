import { describe, expect, it } from '@jest/globals'

import { routeClassOf } from '../../../src/server/metrics/routeClass'

describe('route class', () => {
  it.each([
    ['/', 'front'],
    ['/?utm_source=x', 'front'],
    ['/articles/some-story', 'article'],
    ['/articles/some-story?draft=true', 'article'],
    ['/credits', 'page'],
    ['/sections/world', 'page'],
    ['/no-such-page', 'page'],
    ['/feed.xml', 'feed'],
    ['/atom.xml', 'feed'],
    ['/feed.json', 'feed'],
    ['/sitemap.xml', 'sitemap'],
    ['/news-sitemap.xml', 'sitemap'],
    ['/robots.txt', 'sitemap'],
    ['/api/media/file/photo.jpg?v=2', 'media-file'],
    ['/api/media', 'api'],
    ['/api/articles?where[slug][equals]=x', 'api'],
    ['/api/graphql', 'graphql'],
    ['/api/graphql-playground', 'graphql'],
    ['/admin', 'admin'],
    ['/admin/collections/articles', 'admin'],
    ['/administrator', 'page'],
    ['/preview/articles/x', 'preview'],
    ['/next/preview?slug=x', 'preview'],
    ['/_next/static/chunks/a.js', 'asset'],
    ['/healthz', 'health'],
    ['/metrics', 'metrics'],
    ['/__proto__', 'page'],
  ])('%s is %s', (url, routeClass) => {
    expect(routeClassOf(url)).toBe(routeClass)
  })
})
