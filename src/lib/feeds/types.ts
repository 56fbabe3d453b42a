import type { ImageFile } from '@/lib/seo/imageFile'

/** An image in a feed item: an absolute file URL and its credit, as the page shows it. */
export type FeedImage = ImageFile & {
  alt: string
  caption: string | null
  creator: string | null
  /** The whole credit line (TASL), as under the photo. */
  creditText: string
  licenseName: string | null
  licenseUrl: string | null
  copyright: string | null
}

export type FeedItem = {
  /** Absolute article URL; also the item's permanent id. */
  url: string
  title: string
  summary: string | null
  /** Full text as HTML when the site publishes full-text feeds. */
  contentHtml: string | null
  published: Date
  /** The last material revision readers were told about ("Updated"). */
  updated: Date
  author: string | null
  /** The lead image first, then the images in the body; each is credited alike. */
  images: FeedImage[]
}

export type FeedChannel = {
  title: string
  description: string
  language: string
  homeUrl: string
  logoUrl: string
  urls: { rss: string; atom: string; json: string }
  /** The newest item's revision date (stable between requests, unlike "now"). */
  updated: Date
  /** Present only when text and data mining is reserved: where the policy is. */
  tdmPolicyUrl: string | null
  items: FeedItem[]
}
