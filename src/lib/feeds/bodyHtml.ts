import { convertLexicalToHTML, LinkHTMLConverter, type HTMLConvertersFunction } from '@payloadcms/richtext-lexical/html'

import { toImageView } from '@/lib/data/views'
import { pickImageFile } from '@/lib/seo/imageFile'
import { linkedArticle } from '@/lib/richText'
import { absoluteUrl } from '@/lib/urls'
import { renderCreditHtml } from '@/licensing'
import { escapeHtml } from '@/licensing/escape'
import type { Article, Media } from '@/payload-types'
import { FEED_IMAGE_MIN_WIDTH } from './feedItem'

/**
 * The body as HTML for full-text feeds. Feed readers show it away from the site, so every URL is
 * absolute; an image carries its caption and credit as on the page; a link to an article is a
 * link only while that article is published (plain text otherwise, nothing of it leaks).
 */
function feedConverters(origin: string): HTMLConvertersFunction {
  return ({ defaultConverters }) => {
    const links = LinkHTMLConverter({ internalDocToHref: ({ linkNode }) => absoluteUrl(linkedArticle(linkNode.fields.doc)?.path ?? '/', origin) })
    return {
      ...defaultConverters,
      ...links,
      link: (args) => {
        const { node, nodesToHTML } = args
        if (node.fields.linkType === 'internal' && !linkedArticle(node.fields.doc)) return nodesToHTML({ nodes: node.children }).join('')
        return typeof links.link === 'function' ? links.link(args) : ''
      },
      relationship: ({ node }) => {
        const article = linkedArticle(node)
        return article ? `<p><a href="${escapeHtml(absoluteUrl(article.path, origin))}">${escapeHtml(article.headline)}</a></p>` : ''
      },
      upload: ({ node }) => {
        const media = node.relationTo === 'media' ? (node.value as Media | number | null) : null
        const image = toImageView(media)
        const file = image && typeof media === 'object' && media !== null ? pickImageFile(media, FEED_IMAGE_MIN_WIDTH) : null
        if (!image || !file) return ''
        const caption = image.caption ? `<span>${escapeHtml(image.caption)}</span> ` : ''
        // The model escapes every value of the credit, as under the photo on the page.
        const credit = renderCreditHtml(image.credit, { imageUrl: absoluteUrl(image.url, origin) })
        return `<figure><img src="${escapeHtml(absoluteUrl(file.url, origin))}" alt="${escapeHtml(image.alt)}" width="${file.width}" height="${file.height}"><figcaption>${caption}${credit}</figcaption></figure>`
      },
    }
  }
}

export function bodyToFeedHtml(body: Article['body'], origin: string): string {
  return convertLexicalToHTML({ data: body, converters: feedConverters(origin) })
}
