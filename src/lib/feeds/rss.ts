import { create } from 'xmlbuilder2'

import { appendMediaContent, type XmlNode } from './mediaRss'
import { ATOM_NS, CONTENT_NS, DC_NS, MEDIA_RSS_NS } from './namespaces'
import type { FeedChannel, FeedItem } from './types'

export const RSS_CONTENT_TYPE = 'application/rss+xml; charset=utf-8'

/** RSS dates are RFC 822 (RFC 1123 form), always in GMT. */
const rfc822 = (date: Date): string => date.toUTCString()

function appendItem(channel: XmlNode, item: FeedItem): void {
  const node = channel.ele('item')
  node.ele('title').txt(item.title)
  node.ele('link').txt(item.url)
  node.ele('guid', { isPermaLink: 'true' }).txt(item.url)
  node.ele('pubDate').txt(rfc822(item.published))
  if (item.author) node.ele('dc:creator').txt(item.author)
  if (item.summary) node.ele('description').txt(item.summary)
  if (item.contentHtml) node.ele('content:encoded').dat(item.contentHtml)
  const [lead] = item.images
  // RSS allows one enclosure, what plain RSS readers show; Media RSS carries every image with its size and credit.
  if (lead) node.ele('enclosure', { url: lead.url, type: lead.mimeType, length: String(lead.filesize ?? 0) })
  for (const image of item.images) appendMediaContent(node, image)
}

/** RSS 2.0 with Media RSS, Atom self link, Dublin Core creators and full text as content:encoded. */
export function renderRss(feed: FeedChannel): string {
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele('rss', {
    version: '2.0',
    'xmlns:atom': ATOM_NS,
    'xmlns:media': MEDIA_RSS_NS,
    'xmlns:content': CONTENT_NS,
    'xmlns:dc': DC_NS,
  })
  const channel = root.ele('channel')
  channel.ele('title').txt(feed.title)
  channel.ele('link').txt(feed.homeUrl)
  channel.ele('description').txt(feed.description)
  channel.ele('language').txt(feed.language)
  channel.ele('lastBuildDate').txt(rfc822(feed.updated))
  channel.ele('atom:link', { href: feed.urls.rss, rel: 'self', type: 'application/rss+xml' })
  if (feed.tdmPolicyUrl) {
    channel.ele('atom:link', { href: feed.tdmPolicyUrl, rel: 'license' })
    channel.ele('copyright').txt(`Text and data mining and AI training reserved (TDMRep); terms: ${feed.tdmPolicyUrl}`)
  }
  const image = channel.ele('image')
  image.ele('url').txt(feed.logoUrl)
  image.ele('title').txt(feed.title)
  image.ele('link').txt(feed.homeUrl)
  for (const item of feed.items) appendItem(channel, item)
  return root.end({ prettyPrint: true })
}
