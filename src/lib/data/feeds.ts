import { convertLexicalToHTML } from '@payloadcms/richtext-lexical/html'

import { getSettings } from '@/config/settings'
import { FEED_SIZE, toFeedChannel, toFeedItem } from '@/lib/feeds/feedItem'
import type { FeedChannel } from '@/lib/feeds/types'
import { getPayloadClient } from './payload'
import { getSiteIdentity } from './site'

/** The newest published articles as a feed, read as an anonymous reader. Tags: article list, site. */
export async function getFeedChannel(): Promise<FeedChannel> {
  const payload = await getPayloadClient()
  const [site, { docs }] = await Promise.all([
    getSiteIdentity(),
    payload.find({ collection: 'articles', draft: false, overrideAccess: false, depth: 2, limit: FEED_SIZE, sort: '-publishedAt' }),
  ])
  const origin = getSettings().serverUrl
  const items = docs.map((article) =>
    toFeedItem(article, { origin, bodyHtml: site.feedContent === 'full' ? convertLexicalToHTML({ data: article.body }) : null }),
  )
  return toFeedChannel({ site, origin, items })
}
