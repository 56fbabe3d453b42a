import type { create } from 'xmlbuilder2'

import type { FeedImage } from './types'

export type XmlNode = ReturnType<typeof create>

/**
 * Media RSS (`media:` namespace) for an item's image, in RSS and Atom alike: the file with its
 * size and type, what it shows, who made it, and the license with its deed. The same credit as
 * under the photo on the page.
 */
export function appendMediaContent(parent: XmlNode, image: FeedImage): void {
  const content = parent.ele('media:content', {
    url: image.url,
    medium: 'image',
    type: image.mimeType,
    width: String(image.width),
    height: String(image.height),
    ...(image.filesize ? { fileSize: String(image.filesize) } : {}),
  })
  content.ele('media:description', { type: 'plain' }).txt(image.caption ?? image.alt)
  if (image.creator) content.ele('media:credit').txt(image.creator)
  if (image.copyright) content.ele('media:copyright', image.licenseUrl ? { url: image.licenseUrl } : {}).txt(image.copyright)
  if (image.licenseName) content.ele('media:license', { type: 'text/html', ...(image.licenseUrl ? { href: image.licenseUrl } : {}) }).txt(image.licenseName)
}
