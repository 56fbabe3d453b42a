import type { FeedChannel, FeedImage, FeedItem } from './types'

export const JSON_FEED_CONTENT_TYPE = 'application/feed+json; charset=utf-8'
const JSON_FEED_VERSION = 'https://jsonfeed.org/version/1.1'
const TDMREP_SPEC = 'https://www.w3.org/community/reports/tdmrep/CG-FINAL-tdmrep-20240510/'

/** JSON Feed extension objects start with "_"; `about` says where they are described. */
function imageCredit(image: FeedImage, aboutUrl: string): Record<string, unknown> {
  return {
    about: aboutUrl,
    url: image.url,
    credit_text: image.creditText,
    creator: image.creator,
    license: image.licenseName ? { name: image.licenseName, url: image.licenseUrl } : null,
    copyright: image.copyright,
    alt: image.alt,
    caption: image.caption,
    width: image.width,
    height: image.height,
  }
}

function toJsonItem(item: FeedItem, creditAbout: string): Record<string, unknown> {
  const [lead] = item.images
  return {
    id: item.url,
    url: item.url,
    title: item.title,
    ...(item.contentHtml ? { content_html: item.contentHtml } : { content_text: item.summary ?? item.title }),
    ...(item.summary ? { summary: item.summary } : {}),
    date_published: item.published.toISOString(),
    date_modified: item.updated.toISOString(),
    ...(item.author ? { authors: [{ name: item.author }] } : {}),
    ...(lead
      ? {
          image: lead.url,
          attachments: item.images.map((image) => ({ url: image.url, mime_type: image.mimeType, ...(image.filesize ? { size_in_bytes: image.filesize } : {}) })),
          // The lead image's credit, and every image's (lead and body) by URL.
          _image_credit: imageCredit(lead, creditAbout),
          _image_credits: item.images.map((image) => imageCredit(image, creditAbout)),
        }
      : {}),
  }
}

/** JSON Feed 1.1; each image's credit in the `_image_credit` extension, the TDM terms in `_tdm`. */
export function toJsonFeed(feed: FeedChannel, { creditAbout }: { creditAbout: string }): Record<string, unknown> {
  return {
    version: JSON_FEED_VERSION,
    title: feed.title,
    home_page_url: feed.homeUrl,
    feed_url: feed.urls.json,
    description: feed.description,
    icon: feed.logoUrl,
    language: feed.language,
    authors: [{ name: feed.title, url: feed.homeUrl }],
    ...(feed.tdmPolicyUrl ? { _tdm: { about: TDMREP_SPEC, reservation: 1, policy: feed.tdmPolicyUrl } } : {}),
    items: feed.items.map((item) => toJsonItem(item, creditAbout)),
  }
}
