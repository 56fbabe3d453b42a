import { create } from 'xmlbuilder2'

import { appendMediaContent, type XmlNode } from './mediaRss'
import { ATOM_NS, MEDIA_RSS_NS } from './namespaces'
import type { FeedChannel, FeedItem } from './types'

export const ATOM_CONTENT_TYPE = 'application/atom+xml; charset=utf-8'

function appendEntry(feed: XmlNode, item: FeedItem): void {
  const entry = feed.ele('entry')
  entry.ele('id').txt(item.url)
  entry.ele('title', { type: 'text' }).txt(item.title)
  entry.ele('link', { rel: 'alternate', type: 'text/html', href: item.url })
  entry.ele('published').txt(item.published.toISOString())
  entry.ele('updated').txt(item.updated.toISOString())
  if (item.author) entry.ele('author').ele('name').txt(item.author)
  if (item.summary) entry.ele('summary', { type: 'text' }).txt(item.summary)
  if (item.contentHtml) entry.ele('content', { type: 'html' }).txt(item.contentHtml)
  for (const image of item.images) {
    entry.ele('link', { rel: 'enclosure', type: image.mimeType, href: image.url, ...(image.filesize ? { length: String(image.filesize) } : {}) })
    appendMediaContent(entry, image)
  }
}

/** Atom 1.0 (RFC 4287) with Media RSS; the TDM policy as a license link (RFC 4946). */
export function renderAtom(feed: FeedChannel): string {
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele('feed', { xmlns: ATOM_NS, 'xmlns:media': MEDIA_RSS_NS, 'xml:lang': feed.language })
  root.ele('id').txt(feed.homeUrl)
  root.ele('title').txt(feed.title)
  root.ele('subtitle').txt(feed.description)
  root.ele('updated').txt(feed.updated.toISOString())
  root.ele('link', { rel: 'self', type: 'application/atom+xml', href: feed.urls.atom })
  root.ele('link', { rel: 'alternate', type: 'text/html', href: feed.homeUrl })
  if (feed.tdmPolicyUrl) root.ele('link', { rel: 'license', href: feed.tdmPolicyUrl })
  root.ele('author').ele('name').txt(feed.title)
  root.ele('logo').txt(feed.logoUrl)
  for (const item of feed.items) appendEntry(root, item)
  return root.end({ prettyPrint: true })
}
