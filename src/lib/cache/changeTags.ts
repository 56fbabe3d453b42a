/**
 * Which cached responses one change makes stale: exactly those, so a publish is visible at once
 * and a draft save expires nothing. Pure; the hooks find the facts and call purgeTags.
 */
import type { LiveArticle } from '@/domain/articles/liveArticles'
import type { Id } from '@/lib/id'
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
  const showsImage = states.some((state) => state.heroImage !== null)
  return unique([cacheTags.articleList, cacheTags.api('articles'), ...states.map((state) => cacheTags.article(state.slug)), ...(showsImage ? [cacheTags.credits] : [])])
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

/** Site settings appear on every page. */
export function tagsForSiteChange(): string[] {
  return [cacheTags.site]
}

function unique(tags: string[]): string[] {
  return [...new Set(tags)]
}
