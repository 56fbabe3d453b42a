import { toImageObject } from '@/licensing/imageObject'
import type { ArticleView } from './data/views'
import { absoluteUrl, articlePath } from './urls'

type Site = { name: string; locale: string }

/**
 * schema.org NewsArticle for an article page, with the image as an ImageObject carrying its
 * license (Google's "Licensable" fields) from the same attribution model as the visible credit.
 */
export function toNewsArticleJsonLd(article: ArticleView, { origin, site }: { origin: string; site: Site }): Record<string, unknown> {
  const url = absoluteUrl(articlePath(article.slug), origin)
  const publisher = { '@type': 'Organization', name: site.name, url: absoluteUrl('/', origin) }
  const image = article.image
    ? toImageObject(article.image.credit, {
        contentUrl: absoluteUrl(article.image.url, origin),
        width: article.image.width,
        height: article.image.height,
        caption: article.image.caption,
      })
    : undefined
  const { '@context': _nested, ...imageObject } = image ?? {}
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
    author: article.byline ? [{ '@type': 'Person', name: article.byline }] : [publisher],
    publisher,
    ...(image ? { image: [imageObject] } : {}),
  }
}

/** JSON for a <script> element: nothing in the data can close the element or break the page. */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029')
}
