import { pickImageFile } from '@/lib/seo/imageFile'
import { tdmPolicyUrl } from '@/lib/seo/tdm'
import { absoluteUrl, articlePath, machinePaths } from '@/lib/urls'
import type { SiteIdentity } from '@/lib/site'
import { formatCopyrightNotice, formatCreditText, toCreditSubject, toSafeHttpUrl } from '@/licensing'
import { findUploadNodes } from '@/lib/richText'
import type { Article, Media } from '@/payload-types'
import type { FeedChannel, FeedImage, FeedItem } from './types'

/** Feed readers show images up to about this width; a smaller variant saves their bandwidth. */
export const FEED_IMAGE_MIN_WIDTH = 1024
export const FEED_SIZE = 50

function toFeedImage(media: Media | number | null | undefined, origin: string): FeedImage | null {
  if (typeof media !== 'object' || media === null) return null
  const file = pickImageFile(media, FEED_IMAGE_MIN_WIDTH)
  if (!file) return null
  const subject = toCreditSubject(media, media.license)
  return {
    ...file,
    url: absoluteUrl(file.url, origin),
    alt: media.alt,
    caption: media.caption?.trim() || null,
    creator: subject.creator?.trim() || null,
    creditText: formatCreditText(subject),
    licenseName: subject.license?.shortName ?? null,
    licenseUrl: toSafeHttpUrl(subject.license?.deedUrl) ?? null,
    copyright: formatCopyrightNotice(subject),
  }
}

/** Every image the article shows, lead image first, then the body's (populated ones: what readers may see), each once. */
function toFeedImages(article: FeedArticle, origin: string): FeedImage[] {
  const media = [article.heroImage, ...findUploadNodes(article.body).flatMap((node) => (node.relationTo === 'media' ? [node.value as Media | number | null] : []))]
  const images = media.map((item) => toFeedImage(item, origin)).filter((image): image is FeedImage => image !== null)
  return images.filter((image, index) => images.findIndex((other) => other.url === image.url) === index)
}

/** The fields of an article a feed item is made of. */
export type FeedArticle = Pick<Article, 'slug' | 'headline' | 'standfirst' | 'body' | 'heroImage' | 'byline' | 'publishedAt' | 'revisedAt' | 'createdAt'>

/** One published article as a feed item; `bodyHtml` only for full-text feeds. */
export function toFeedItem(article: FeedArticle, { origin, bodyHtml }: { origin: string; bodyHtml: string | null }): FeedItem {
  const published = new Date(article.publishedAt ?? article.createdAt)
  return {
    url: absoluteUrl(articlePath(article.slug), origin),
    title: article.headline,
    summary: article.standfirst?.trim() || null,
    contentHtml: bodyHtml,
    published,
    updated: article.revisedAt ? new Date(article.revisedAt) : published,
    author: article.byline?.trim() || null,
    images: toFeedImages(article, origin),
  }
}

/** The feed around its items: identity from Site settings, the TDM policy when reserved. */
/** Whose feed: the whole publication, or one section's or author's (its name, page and feed paths). */
export type FeedScope = { title: string | null; description: string | null; homePath: string; paths: { rss: string; atom: string; json: string } }

export const SITE_FEED_SCOPE: FeedScope = { title: null, description: null, homePath: '/', paths: { rss: machinePaths.rss, atom: machinePaths.atom, json: machinePaths.jsonFeed } }

export function toFeedChannel({ site, origin, items, scope = SITE_FEED_SCOPE }: { site: SiteIdentity; origin: string; items: FeedItem[]; scope?: FeedScope }): FeedChannel {
  const newest = items.reduce<Date | null>((latest, item) => (!latest || item.updated > latest ? item.updated : latest), null)
  return {
    title: scope.title ? `${scope.title} · ${site.name}` : site.name,
    description: scope.description ?? site.description,
    language: site.locale,
    homeUrl: absoluteUrl(scope.homePath, origin),
    logoUrl: absoluteUrl(site.logo.url, origin),
    urls: {
      rss: absoluteUrl(scope.paths.rss, origin),
      atom: absoluteUrl(scope.paths.atom, origin),
      json: absoluteUrl(scope.paths.json, origin),
    },
    updated: newest ?? new Date(0),
    tdmPolicyUrl: site.tdm.reserved ? tdmPolicyUrl(site, origin) : null,
    items,
  }
}
