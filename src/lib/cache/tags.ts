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
  /** One month's article sitemap files (`YYYY-MM`): purged only when its own articles change. */
  sitemapMonth: (month: string) => `sitemap:${month}`,
  /** Everything that shows one section: its pages and feeds, and the articles naming it. */
  section: (id: number | string) => `section:${id}`,
  /** Everything that shows one author: the profile, its feed, and the bylines linking to it. */
  author: (id: number | string) => `author:${id}`,
  /** A list's landing page and its feeds (`all`, `section-3`, `author-7`, `month-2024-05`: src/lib/data/articleLists.ts). */
  listHead: (key: string) => `list:${key}`,
  /** One numbered page of a list: it changes only when one of its own articles does. */
  listPage: (key: string, page: number) => `list:${key}:${page}`,
  /** Every numbered page of a list, for the rare change that moves most of them (an old article unpublished). */
  listPages: (key: string) => `list:${key}:pages`,
  /** A year's archive page (`YYYY`): its months with articles, and the years around it. */
  archiveYear: (year: string) => `archive:${year}`,
  /** The /credits page. */
  credits: 'credits',
  /** Anything that shows one image (its document, its files). */
  media: (id: Id) => `media:${id}`,
  /** Anything that shows one license. */
  license: (id: Id) => `license:${id}`,
  /** Site identity and settings: every public page shows them. */
  site: 'site',
  /** Public REST/GraphQL reads of one collection. */
  api: (collection: 'articles' | 'media' | 'licenses' | 'sections' | 'authors') => `api:${collection}`,
} as const
