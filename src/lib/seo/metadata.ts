import type { ArticleView } from '@/lib/data/views'
import type { SiteIdentity } from '@/lib/site'
import { absoluteUrl, articlePath, machinePaths } from '@/lib/urls'
import { tdmHeaders } from './tdm'

/*
 * What a public page says about itself in <head>, as plain data: src/components/HeadTags.tsx
 * renders it. Every builder returns the complete set (feeds, cards, the TDM reservation), so a
 * new page cannot forget one of them.
 */

type Page = { title: string; description: string; path: string }
export type OgImage = { url: string; width: number; height: number; alt: string }
export type FeedLink = { type: string; href: string; title: string }

export type PageMeta = {
  /** The whole `<title>`: "Page · Site", or the site's name alone. */
  title: string
  description: string
  applicationName: string
  /** Absolute; null on a page that has no address of its own (a 404). */
  canonical: string | null
  robots: string | null
  feeds: FeedLink[]
  openGraph: {
    type: 'website' | 'article'
    siteName: string
    locale: string
    url: string | null
    title: string
    description: string
    image: OgImage
    publishedTime: string | null
    modifiedTime: string | null
    authors: string[]
  }
  twitter: { card: 'summary_large_image'; title: string; description: string; image: OgImage }
  /** Further `<meta name content>` pairs: the TDM reservation (TDMRep). */
  other: Record<string, string>
}

/** Feed autodiscovery (`<link rel="alternate">`) for every page's head. */
export function feedLinks(site: SiteIdentity, origin: string): FeedLink[] {
  return [
    { type: 'application/rss+xml', href: absoluteUrl(machinePaths.rss, origin), title: `${site.name} (RSS)` },
    { type: 'application/atom+xml', href: absoluteUrl(machinePaths.atom, origin), title: `${site.name} (Atom)` },
    { type: 'application/feed+json', href: absoluteUrl(machinePaths.jsonFeed, origin), title: `${site.name} (JSON Feed)` },
  ]
}

function logoImage(site: SiteIdentity, origin: string): OgImage {
  return { url: absoluteUrl(site.logo.url, origin), width: site.logo.width, height: site.logo.height, alt: `${site.name} logo` }
}

/** "Page · Site"; a page titled with the site's own name (the front page) keeps it alone. */
function documentTitle(title: string, site: SiteIdentity): string {
  return title === site.name ? title : `${title} · ${site.name}`
}

type Extra = { type?: 'website' | 'article'; image?: OgImage; publishedTime?: string | null; modifiedTime?: string | null; authors?: string[]; robots?: string; feeds?: FeedLink[] }

function toMeta(page: { title: string; description: string; url: string | null }, site: SiteIdentity, origin: string, extra: Extra = {}): PageMeta {
  const image = extra.image ?? logoImage(site, origin)
  return {
    title: documentTitle(page.title, site),
    description: page.description,
    applicationName: site.name,
    canonical: page.url,
    robots: extra.robots ?? null,
    feeds: extra.feeds ?? feedLinks(site, origin),
    openGraph: {
      type: extra.type ?? 'website',
      siteName: site.name,
      locale: site.locale,
      url: page.url,
      title: page.title,
      description: page.description,
      image,
      publishedTime: extra.publishedTime ?? null,
      modifiedTime: extra.modifiedTime ?? null,
      authors: extra.authors ?? [],
    },
    twitter: { card: 'summary_large_image', title: page.title, description: page.description, image },
    other: tdmHeaders(site),
  }
}

/** A plain page of the site (front page, credits, lists): its own title and URL, the logo as image; a section or author adds its own feeds. */
export function toPageMeta(page: Page, site: SiteIdentity, origin: string, extra: Pick<Extra, 'feeds' | 'image' | 'robots'> = {}): PageMeta {
  return toMeta({ title: page.title, description: page.description, url: absoluteUrl(page.path, origin) }, site, origin, extra)
}

/** A section's or author's own feeds first (for feed readers that take the first), then the site's. */
export function scopedFeedLinks(name: string, homePath: string, site: SiteIdentity, origin: string): FeedLink[] {
  return [
    { type: 'application/rss+xml', href: absoluteUrl(`${homePath}/feed.xml`, origin), title: `${name} · ${site.name} (RSS)` },
    { type: 'application/atom+xml', href: absoluteUrl(`${homePath}/atom.xml`, origin), title: `${name} · ${site.name} (Atom)` },
    { type: 'application/feed+json', href: absoluteUrl(`${homePath}/feed.json`, origin), title: `${name} · ${site.name} (JSON Feed)` },
    ...feedLinks(site, origin),
  ]
}

/** An article: its photo (with size and alt) on the cards, publication and revision times. */
export function toArticleMeta(article: ArticleView, site: SiteIdentity, origin: string): PageMeta {
  const page = { title: article.headline, description: article.standfirst ?? site.description, url: absoluteUrl(articlePath(article.slug), origin) }
  return toMeta(page, site, origin, {
    type: 'article',
    ...(article.image ? { image: { url: absoluteUrl(article.image.url, origin), width: article.image.width, height: article.image.height, alt: article.image.alt } } : {}),
    publishedTime: article.publishedAt ? new Date(article.publishedAt).toISOString() : null,
    modifiedTime: new Date(article.revisedAt ?? article.publishedAt ?? article.updatedAt).toISOString(),
    authors: article.authors.length > 0 ? article.authors.map((author) => author.name) : article.byline ? [article.byline] : [],
  })
}

/** The 404 page: the site's identity, kept out of search indexes, no address of its own. */
export function toNotFoundMeta(site: SiteIdentity, origin: string): PageMeta {
  return toMeta({ title: 'Page not found', description: site.description, url: null }, site, origin, { robots: 'noindex' })
}
