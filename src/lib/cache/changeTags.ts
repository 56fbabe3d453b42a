/**
 * Which cached responses one change makes stale: exactly those, so a publish is visible at once
 * and a draft save expires nothing. Pure; the hooks find the facts and call purgeTags.
 */
import type { LiveArticle } from '@/domain/articles/liveArticles'
import type { Id } from '@/lib/id'
import { pagesFrom } from '@/lib/pagination'
import { monthOf } from '@/lib/seo/sitemap'

import { cacheTags } from './tags'

type ArticleRef = { slug: string }

/**
 * An article as readers saw it before and see it after (null: not published). A draft save
 * leaves the published row untouched (same `updatedAt`) and purges nothing.
 */
export function tagsForArticleChange(before: LiveArticle | null, after: LiveArticle | null): string[] {
  if (!before && !after) return []
  if (before && after && before.updatedAt === after.updatedAt) return []
  const states = [before, after].filter((state): state is LiveArticle => state !== null)
  const showsImage = states.some((state) => state.images.length > 0)
  const sitemapFiles = states.flatMap((state) => (state.publishedAt ? [cacheTags.sitemapMonth(monthOf(state.publishedAt))] : []))
  return unique([
    cacheTags.articleList,
    cacheTags.api('articles'),
    ...states.map((state) => cacheTags.article(state.slug)),
    ...sitemapFiles,
    ...(showsImage ? [cacheTags.credits] : []),
  ])
}

/** Images changed or deleted: their documents and files, and every published page showing them. */
export function tagsForMediaChange(mediaIds: readonly Id[], shownIn: readonly ArticleRef[]): string[] {
  if (mediaIds.length === 0) return []
  const pages = shownIn.length > 0 ? [cacheTags.articleList, cacheTags.credits, cacheTags.api('articles'), ...shownIn.map((article) => cacheTags.article(article.slug))] : []
  return unique([...mediaIds.map((id) => cacheTags.media(id)), cacheTags.api('media'), ...pages])
}

/** A license changed or deleted: its document, the images under it and the pages showing those. */
export function tagsForLicenseChange(licenseId: Id, mediaIds: readonly Id[], shownIn: readonly ArticleRef[]): string[] {
  return unique([cacheTags.license(licenseId), cacheTags.api('licenses'), ...tagsForMediaChange(mediaIds, shownIn)])
}

/** A section or author changed or went: whatever shows it, and the navigation on every page (sections). */
export function tagsForProfileChange(kind: 'section' | 'author', id: Id): string[] {
  return kind === 'section' ? [cacheTags.section(id), cacheTags.api('sections'), cacheTags.site] : [cacheTags.author(id), cacheTags.api('authors')]
}

/** Where an article sits in one list it belongs to: how many older ones, and how many in all. */
export type ListPosition = { key: string; position: number; total: number }

/** Beyond this many pages, one tag carried by every page of the list purges them all. */
export const MAX_PAGE_TAGS = 100

/**
 * The pages of each list that show different articles once this article comes or goes: its
 * landing page, its own page and every page after it (only the newest, for a new article).
 */
export function tagsForListPositions(positions: readonly ListPosition[], pageSize: number): string[] {
  return unique(
    positions.flatMap(({ key, position, total }) => {
      const { first, last } = pagesFrom(position, total, pageSize)
      const pages = last - first + 1 > MAX_PAGE_TAGS ? [cacheTags.listPages(key)] : Array.from({ length: last - first + 1 }, (_, index) => cacheTags.listPage(key, first + index))
      return [cacheTags.listHead(key), ...pages]
    }),
  )
}

/** Site settings appear on every page. */
export function tagsForSiteChange(): string[] {
  return [cacheTags.site]
}

function unique(tags: string[]): string[] {
  return [...new Set(tags)]
}
