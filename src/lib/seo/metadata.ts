import type { Metadata } from 'next'

import type { ArticleView } from '@/lib/data/views'
import type { SiteIdentity } from '@/lib/site'
import { absoluteUrl, articlePath, machinePaths } from '@/lib/urls'
import { tdmHeaders } from './tdm'

/*
 * Next merges metadata from layout and page shallowly: a page that sets `openGraph` or
 * `alternates` replaces the layout's whole object. So every builder here returns complete
 * objects (feeds, site name, image), and pages use these builders rather than their own.
 */

type Page = { title: string; description: string; path: string }
type OgImage = { url: string; width: number; height: number; alt: string }

/** Feed autodiscovery (`<link rel="alternate">`) for every page's head; links stay relative. */
export function feedAlternates(site: SiteIdentity): NonNullable<Metadata['alternates']>['types'] {
  return {
    'application/rss+xml': [{ url: machinePaths.rss, title: `${site.name} (RSS)` }],
    'application/atom+xml': [{ url: machinePaths.atom, title: `${site.name} (Atom)` }],
    'application/feed+json': [{ url: machinePaths.jsonFeed, title: `${site.name} (JSON Feed)` }],
  }
}

function logoImage(site: SiteIdentity, origin: string): OgImage {
  return { url: absoluteUrl(site.logo.url, origin), width: site.logo.width, height: site.logo.height, alt: `${site.name} logo` }
}

function cards(page: Page, image: OgImage): Pick<Metadata, 'twitter'> {
  return { twitter: { card: 'summary_large_image', title: page.title, description: page.description, images: [{ url: image.url, alt: image.alt }] } }
}

/** The layout's metadata: identity, feeds, default cards with the logo, the TDM reservation. */
export function toSiteMetadata(site: SiteIdentity, origin: string): Metadata {
  const home: Page = { title: site.name, description: site.description, path: '/' }
  const logo = logoImage(site, origin)
  return {
    metadataBase: new URL(origin),
    title: { default: site.name, template: `%s · ${site.name}` },
    description: site.description,
    applicationName: site.name,
    alternates: { types: feedAlternates(site) },
    openGraph: { type: 'website', siteName: site.name, locale: site.locale, title: home.title, description: home.description, images: [logo] },
    ...cards(home, logo),
    other: tdmHeaders(site),
  }
}

/** A plain page of the site (credits, front page): its own title and URL, the logo as image. */
export function toPageMetadata(page: Page, site: SiteIdentity, origin: string): Metadata {
  const url = absoluteUrl(page.path, origin)
  const logo = logoImage(site, origin)
  return {
    title: page.title,
    description: page.description,
    alternates: { canonical: page.path, types: feedAlternates(site) },
    openGraph: { type: 'website', siteName: site.name, locale: site.locale, url, title: page.title, description: page.description, images: [logo] },
    ...cards(page, logo),
  }
}

/** An article: its photo (with size and alt) on the cards, publication and revision times. */
export function toArticleMetadata(article: ArticleView, site: SiteIdentity, origin: string): Metadata {
  const page: Page = { title: article.headline, description: article.standfirst ?? site.description, path: articlePath(article.slug) }
  const image = article.image
    ? { url: absoluteUrl(article.image.url, origin), width: article.image.width, height: article.image.height, alt: article.image.alt }
    : logoImage(site, origin)
  return {
    title: page.title,
    description: page.description,
    alternates: { canonical: page.path, types: feedAlternates(site) },
    openGraph: {
      type: 'article',
      siteName: site.name,
      locale: site.locale,
      url: absoluteUrl(page.path, origin),
      title: page.title,
      description: page.description,
      ...(article.publishedAt ? { publishedTime: new Date(article.publishedAt).toISOString() } : {}),
      modifiedTime: new Date(article.revisedAt ?? article.publishedAt ?? article.updatedAt).toISOString(),
      ...(article.byline ? { authors: [article.byline] } : {}),
      images: [image],
    },
    ...cards(page, image),
  }
}
