import { pickImageFile } from '@/lib/seo/imageFile'
import { tdmPolicyUrl } from '@/lib/seo/tdm'
import { absoluteUrl, articlePath, machinePaths } from '@/lib/urls'
import type { SiteIdentity } from '@/lib/site'
import { formatCopyrightNotice, formatCreditText, toCreditSubject, toSafeHttpUrl } from '@/licensing'
import type { Article } from '@/payload-types'
import type { FeedChannel, FeedImage, FeedItem } from './types'

/** Feed readers show images up to about this width; a smaller variant saves their bandwidth. */
export const FEED_IMAGE_MIN_WIDTH = 1024
export const FEED_SIZE = 50

function toFeedImage(article: Article, origin: string): FeedImage | null {
  const media = article.heroImage
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

/** One published article as a feed item; `bodyHtml` only for full-text feeds. */
export function toFeedItem(article: Article, { origin, bodyHtml }: { origin: string; bodyHtml: string | null }): FeedItem {
  const published = new Date(article.publishedAt ?? article.createdAt)
  return {
    url: absoluteUrl(articlePath(article.slug), origin),
    title: article.headline,
    summary: article.standfirst?.trim() || null,
    contentHtml: bodyHtml,
    published,
    updated: article.revisedAt ? new Date(article.revisedAt) : published,
    author: article.byline?.trim() || null,
    image: toFeedImage(article, origin),
  }
}

/** The feed around its items: identity from Site settings, the TDM policy when reserved. */
export function toFeedChannel({ site, origin, items }: { site: SiteIdentity; origin: string; items: FeedItem[] }): FeedChannel {
  const newest = items.reduce<Date | null>((latest, item) => (!latest || item.updated > latest ? item.updated : latest), null)
  return {
    title: site.name,
    description: site.description,
    language: site.locale,
    homeUrl: absoluteUrl('/', origin),
    logoUrl: absoluteUrl(site.logo.url, origin),
    urls: {
      rss: absoluteUrl(machinePaths.rss, origin),
      atom: absoluteUrl(machinePaths.atom, origin),
      json: absoluteUrl(machinePaths.jsonFeed, origin),
    },
    updated: newest ?? new Date(0),
    tdmPolicyUrl: site.tdm.reserved ? tdmPolicyUrl(site, origin) : null,
    items,
  }
}
