/** What a request is for, in few enough kinds to label every request with (Prometheus keeps a series per value). */
export type RouteClass = 'front' | 'article' | 'page' | 'feed' | 'sitemap' | 'media-file' | 'api' | 'graphql' | 'admin' | 'preview' | 'asset' | 'health' | 'metrics'

export const ROUTE_CLASSES: readonly RouteClass[] = ['front', 'article', 'page', 'feed', 'sitemap', 'media-file', 'api', 'graphql', 'admin', 'preview', 'asset', 'health', 'metrics']

/** Exact paths, checked before the prefixes. */
const EXACT = new Map<string, RouteClass>(Object.entries({
  '/': 'front',
  '/feed.xml': 'feed',
  '/atom.xml': 'feed',
  '/feed.json': 'feed',
  '/sitemap.xml': 'sitemap',
  '/news-sitemap.xml': 'sitemap',
  '/robots.txt': 'sitemap',
  '/healthz': 'health',
  '/metrics': 'metrics',
  '/admin': 'admin',
} satisfies Record<string, RouteClass>) as Array<[string, RouteClass]>)

/** First match wins: the more specific prefix first. */
const PREFIXES: ReadonlyArray<readonly [string, RouteClass]> = [
  ['/articles/', 'article'],
  ['/_next/', 'asset'],
  ['/api/media/file/', 'media-file'],
  ['/api/graphql', 'graphql'],
  ['/api/', 'api'],
  ['/admin/', 'admin'],
  ['/preview/', 'preview'],
  ['/next/', 'preview'],
]

/**
 * Classifies a request URL with string comparisons only (it runs on every cache hit): no
 * parsing, no regular expression. Anything else public (credits, sections, search, a 404) is a page.
 */
export function routeClassOf(url: string): RouteClass {
  const queryStart = url.indexOf('?')
  const path = queryStart === -1 ? url : url.slice(0, queryStart)
  const exact = EXACT.get(path)
  if (exact) return exact
  for (const [prefix, routeClass] of PREFIXES) if (path.startsWith(prefix)) return routeClass
  return 'page'
}
