import { toCreditSubject } from '@/licensing'
import type { CreditSubject } from '@/licensing/types'
import type { Article, Media } from '@/payload-types'

/** One file Payload made of an image, for `srcset`. */
export type ImageVariant = { url: string; width: number; height: number | null; mimeType: string | null }

/** What the site renders; built from Payload documents, never the documents themselves. */
export type ImageView = {
  url: string
  /** The image's own sizes, narrowest first: URLs as stored, never derived from file names. */
  variants: ImageVariant[]
  width: number
  height: number
  alt: string
  caption: string | null
  focalX: number | null
  focalY: number | null
  credit: CreditSubject
}

export type ArticleSummary = {
  slug: string
  headline: string
  standfirst: string | null
  publishedAt: string | null
  image: ImageView | null
}

export type Correction = { date: string; text: string }

export type ArticleView = ArticleSummary & {
  byline: string | null
  body: Article['body']
  updatedAt: string
  /** Set when the article was materially revised after publication; readers see "Updated". */
  revisedAt: string | null
  corrections: Correction[]
}

function isPopulated<T extends object>(value: T | number | string | null | undefined): value is T {
  return typeof value === 'object' && value !== null
}

/** The sizes recorded on the media document that have a file, narrowest first. */
export function toImageVariants(sizes: Media['sizes']): ImageVariant[] {
  return Object.values(sizes ?? {})
    .flatMap((size) => (size?.url && size.width ? [{ url: size.url, width: size.width, height: size.height ?? null, mimeType: size.mimeType ?? null }] : []))
    .sort((a, b) => a.width - b.width)
}

/** Null when the image is missing, unpopulated or has no file: the page then shows no figure. */
export function toImageView(media: Media | number | string | null | undefined): ImageView | null {
  if (!isPopulated(media) || !media.url || !media.width || !media.height) return null
  return {
    url: media.url,
    variants: toImageVariants(media.sizes),
    width: media.width,
    height: media.height,
    alt: media.alt,
    caption: media.caption?.trim() || null,
    focalX: media.focalX ?? null,
    focalY: media.focalY ?? null,
    credit: toCreditSubject(media, media.license),
  }
}

export function toArticleSummary(article: Article): ArticleSummary {
  return {
    slug: article.slug,
    headline: article.headline,
    standfirst: article.standfirst ?? null,
    publishedAt: article.publishedAt ?? null,
    image: toImageView(article.heroImage),
  }
}

export function toArticleView(article: Article): ArticleView {
  return {
    ...toArticleSummary(article),
    byline: article.byline ?? null,
    body: article.body,
    updatedAt: article.updatedAt,
    revisedAt: article.revisedAt ?? null,
    corrections: (article.corrections ?? []).map(({ date, text }) => ({ date, text })).sort((a, b) => a.date.localeCompare(b.date)),
  }
}
