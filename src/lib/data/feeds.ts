import { getSettings } from '@/config/settings'
import { bodyToFeedHtml } from '@/lib/feeds/bodyHtml'
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
    toFeedItem(article, { origin, bodyHtml: site.feedContent === 'full' ? bodyToFeedHtml(article.body, origin) : null }),
  )
  return toFeedChannel({ site, origin, items })
}
