import { toImageObject } from '@/licensing/imageObject'
import { imagesOf, type ArticleView } from './data/views'
import type { SiteIdentity } from './site'
import { absoluteUrl, articlePath, authorPath } from './urls'

type Site = Pick<SiteIdentity, 'name' | 'description' | 'locale' | 'logo'>

/** The publisher, with the logo Google's Article rich result asks for; one @id site-wide. */
function toOrganization(site: Site, origin: string): Record<string, unknown> {
  const url = absoluteUrl('/', origin)
  return {
    '@type': 'Organization',
    '@id': `${url}#organization`,
    name: site.name,
    url,
    logo: { '@type': 'ImageObject', url: absoluteUrl(site.logo.url, origin), width: site.logo.width, height: site.logo.height },
  }
}

/** The front page's WebSite and Organization (publisher of the site and of every article). */
export function toFrontPageJsonLd({ origin, site }: { origin: string; site: Site }): Record<string, unknown> {
  const url = absoluteUrl('/', origin)
  const organization = toOrganization(site, origin)
  return {
    '@context': 'https://schema.org',
    '@graph': [
      { '@type': 'WebSite', '@id': `${url}#website`, name: site.name, url, description: site.description, inLanguage: site.locale, publisher: { '@id': organization['@id'] } },
      { ...organization, description: site.description },
    ],
  }
}

/**
 * schema.org NewsArticle for an article page, with each image (lead first, then the body's) as an ImageObject carrying its
 * license (Google's "Licensable" fields) from the same attribution model as the visible credit.
 */
export function toNewsArticleJsonLd(article: ArticleView, { origin, site }: { origin: string; site: Site }): Record<string, unknown> {
  const url = absoluteUrl(articlePath(article.slug), origin)
  const publisher = toOrganization(site, origin)
  const images = imagesOf(article).map((image) => {
    const { '@context': _nested, ...imageObject } = toImageObject(image.credit, {
      contentUrl: absoluteUrl(image.url, origin),
      width: image.width,
      height: image.height,
      caption: image.caption,
    })
    return imageObject
  })
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.headline,
    ...(article.standfirst ? { description: article.standfirst } : {}),
    url,
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    inLanguage: site.locale,
    ...(article.publishedAt ? { datePublished: new Date(article.publishedAt).toISOString() } : {}),
    // The last material revision readers were told about, not every save of the record.
    dateModified: new Date(article.revisedAt ?? article.publishedAt ?? article.updatedAt).toISOString(),
    author: articleAuthors(article, origin, publisher),
    ...(article.section ? { articleSection: article.section.name } : {}),
    publisher,
    ...(images.length > 0 ? { image: images } : {}),
  }
}

/** Profiles as people with their pages; else the free-text byline; else the publication itself. */
function articleAuthors(article: ArticleView, origin: string, publisher: object): object[] {
  if (article.authors.length > 0) return article.authors.map((author) => ({ '@type': 'Person', name: author.name, url: absoluteUrl(authorPath(author.slug), origin) }))
  return article.byline ? [{ '@type': 'Person', name: article.byline }] : [publisher]
}

/** JSON for a <script> element: nothing in the data can close the element or break the page. */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029')
}

/** A step of the trail from the front page to a page: its name and site path. */
export type Crumb = { name: string; path: string }

/** schema.org BreadcrumbList: the front page first, the page itself last. */
export function toBreadcrumbJsonLd(trail: readonly Crumb[], origin: string): Record<string, unknown> {
  return {
    '@type': 'BreadcrumbList',
    itemListElement: trail.map((crumb, index) => ({ '@type': 'ListItem', position: index + 1, name: crumb.name, item: absoluteUrl(crumb.path, origin) })),
  }
}

/**
 * A list page (section, month, page of the archive) as a CollectionPage, or an author's page as a
 * ProfilePage about a Person; both with their breadcrumbs and the articles they show.
 */
export function toListPageJsonLd(
  page: { kind: 'collection' | 'profile'; name: string; description: string | null; path: string; trail: readonly Crumb[]; articles: ReadonlyArray<{ slug: string; headline: string }> },
  { origin, site }: { origin: string; site: Site },
): Record<string, unknown> {
  const url = absoluteUrl(page.path, origin)
  const about = page.kind === 'profile' ? { mainEntity: { '@type': 'Person', name: page.name, url, ...(page.description ? { description: page.description } : {}) } } : {}
  return {
    '@context': 'https://schema.org',
    '@type': page.kind === 'profile' ? 'ProfilePage' : 'CollectionPage',
    '@id': url,
    url,
    name: page.name,
    ...(page.description ? { description: page.description } : {}),
    inLanguage: site.locale,
    isPartOf: { '@type': 'WebSite', name: site.name, url: absoluteUrl('/', origin) },
    ...about,
    breadcrumb: toBreadcrumbJsonLd(page.trail, origin),
    hasPart: page.articles.map((article) => ({ '@type': 'NewsArticle', headline: article.headline, url: absoluteUrl(articlePath(article.slug), origin) })),
  }
}
