import type { Id } from '@/lib/id'

/**
 * The only place cache tags are named. Every cached response (page, API read, feed, sitemap)
 * carries its tags in the `Surrogate-Key` header; hooks purge by tag through `purgeTags`.
 * Tags never contain spaces (the header is space-separated).
 */
export const cacheTags = {
  /** Every list of articles: the front page, feeds, sitemaps. */
  articleList: 'articles',
  /** One article page and everything shown on it (image, credit, license). */
  article: (slug: string) => `article:${slug}`,
  /** The /credits page. */
  credits: 'credits',
  /** Anything that shows one image (its document, its files). */
  media: (id: Id) => `media:${id}`,
  /** Anything that shows one license. */
  license: (id: Id) => `license:${id}`,
  /** Site identity and settings: every public page shows them. */
  site: 'site',
  /** Public REST/GraphQL reads of one collection. */
  api: (collection: 'articles' | 'media' | 'licenses') => `api:${collection}`,
} as const
