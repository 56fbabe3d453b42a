import { toCreditSubject } from '@/licensing'
import type { CreditSubject } from '@/licensing/types'
import { findUploadNodes } from '@/lib/richText'
import type { Article, Author, Media, Section } from '@/payload-types'

/** One file Payload made of an image, for `srcset`. */
export type ImageVariant = { url: string; width: number; height: number | null; mimeType: string | null }

/** What the site renders; built from Payload documents, never the documents themselves. */
export type ImageView = {
  /** The media document's id: pages showing the image are tagged with it. */
  id: number | string
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
  /** The file's Content Credentials, as validated when read; null for a file without them. */
  contentCredentials: ContentCredentialsView | null
}

export type ContentCredentialsView = { signedBy: string | null; signedAt: string | null; validationState: 'Trusted' | 'Valid' | 'Invalid'; actions: string[] }

/** A section or an author as pages link to them. */
export type ProfileLink = { id: number | string; name: string; slug: string }

export type ArticleSummary = {
  slug: string
  headline: string
  standfirst: string | null
  publishedAt: string | null
  image: ImageView | null
  section: ProfileLink | null
}

export type Correction = { date: string; text: string }

export type ArticleView = ArticleSummary & {
  /** The images placed in the body, in reading order: credited, listed and licensed like `image`. */
  bodyImages: ImageView[]
  /** Author profiles the byline links to; the free-text byline stands in when there are none. */
  authors: ProfileLink[]
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

/** The summary a reader sees: who signed, when, what was done (action names without the `c2pa.` prefix). */
export function toContentCredentialsView(field: Media['contentCredentials']): ContentCredentialsView | null {
  if (!field?.label || !field.validationState) return null
  const actions = Array.isArray(field.actions) ? field.actions.flatMap((entry) => (entry && typeof entry === 'object' && 'action' in entry && typeof entry.action === 'string' ? [entry.action.replace(/^c2pa\./, '')] : [])) : []
  return { signedBy: field.signedBy ?? null, signedAt: field.signedAt ?? null, validationState: field.validationState, actions }
}

/** Null when the image is missing, unpopulated or has no file: the page then shows no figure. */
export function toImageView(media: Media | number | string | null | undefined): ImageView | null {
  if (!isPopulated(media) || !media.url || !media.width || !media.height) return null
  return {
    id: media.id,
    url: media.url,
    variants: toImageVariants(media.sizes),
    width: media.width,
    height: media.height,
    alt: media.alt,
    caption: media.caption?.trim() || null,
    focalX: media.focalX ?? null,
    focalY: media.focalY ?? null,
    credit: toCreditSubject(media, media.license),
    contentCredentials: toContentCredentialsView(media.contentCredentials),
  }
}

/** The images of the body's upload nodes that were populated (readers get only those they may see). */
export function toBodyImageViews(body: Article['body']): ImageView[] {
  return findUploadNodes(body).flatMap((node) => {
    const image = node.relationTo === 'media' ? toImageView(node.value as Media | number | null) : null
    return image ? [image] : []
  })
}

/** Every image an article shows, lead image first, each once. */
export function imagesOf(article: Pick<ArticleView, 'image' | 'bodyImages'>): ImageView[] {
  const all = [...(article.image ? [article.image] : []), ...article.bodyImages]
  return all.filter((image, index) => all.findIndex((other) => other.url === image.url) === index)
}

/** Null when missing or not populated (a deleted section, or one the reader may not see). */
export function toProfileLink(profile: Section | Author | number | string | null | undefined): ProfileLink | null {
  return isPopulated(profile) ? { id: profile.id, name: profile.name, slug: profile.slug } : null
}

export function toArticleSummary(article: Pick<Article, 'slug' | 'headline' | 'standfirst' | 'publishedAt' | 'heroImage' | 'section'>): ArticleSummary {
  return {
    slug: article.slug,
    headline: article.headline,
    standfirst: article.standfirst ?? null,
    publishedAt: article.publishedAt ?? null,
    image: toImageView(article.heroImage),
    section: toProfileLink(article.section),
  }
}

export function toArticleView(article: Article): ArticleView {
  return {
    ...toArticleSummary(article),
    bodyImages: toBodyImageViews(article.body),
    authors: (article.authors ?? []).flatMap((author) => toProfileLink(author) ?? []),
    byline: article.byline ?? null,
    body: article.body,
    updatedAt: article.updatedAt,
    revisedAt: article.revisedAt ?? null,
    corrections: (article.corrections ?? []).map(({ date, text }) => ({ date, text })).sort((a, b) => a.date.localeCompare(b.date)),
  }
}
