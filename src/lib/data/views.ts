import type { CreditSubject, LicenseFacts } from '@/licensing/types'
import type { Article, License, Media } from '@/payload-types'

/** What the site renders; built from Payload documents, never the documents themselves. */
export type ImageView = {
  url: string
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

export function toLicenseFacts(license: License | number | string | null | undefined): LicenseFacts | null {
  if (!isPopulated(license)) return null
  return {
    name: license.name,
    shortName: license.shortName,
    spdxId: license.spdxId,
    deedUrl: license.deedUrl ?? null,
    requiresAttribution: Boolean(license.requiresAttribution),
    allowsCommercialUse: Boolean(license.allowsCommercialUse),
    allowsModification: Boolean(license.allowsModification),
    requiresShareAlike: Boolean(license.requiresShareAlike),
  }
}

type CreditFields = Pick<Media, 'title' | 'creator' | 'creatorUrl' | 'sourceUrl' | 'changes'>

/** The public credit of an image; `license` must be populated to appear. */
export function toCreditSubject(media: CreditFields, license: Media['license'] | null | undefined): CreditSubject {
  return {
    title: media.title ?? null,
    creator: media.creator ?? null,
    creatorUrl: media.creatorUrl ?? null,
    sourceUrl: media.sourceUrl ?? null,
    changes: media.changes ?? null,
    license: toLicenseFacts(license),
  }
}

/** Null when the image is missing, unpopulated or has no file: the page then shows no figure. */
export function toImageView(media: Media | number | string | null | undefined): ImageView | null {
  if (!isPopulated(media) || !media.url || !media.width || !media.height) return null
  return {
    url: media.url,
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
