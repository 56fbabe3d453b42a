import { getSettings } from '@/config/settings'
import { listWhere, type ArticleList } from '@/domain/articles/lists'
import { bodyToFeedHtml } from '@/lib/feeds/bodyHtml'
import { FEED_SIZE, SITE_FEED_SCOPE, toFeedChannel, toFeedItem, type FeedScope } from '@/lib/feeds/feedItem'
import type { FeedChannel } from '@/lib/feeds/types'
import { getPayloadClient } from './payload'
import { getSiteIdentity } from './site'

/** What a feed item shows (src/lib/feeds/feedItem.ts), and nothing else: not the search text, the versions' fields, authors or section. */
const FEED_SELECT = { slug: true, headline: true, standfirst: true, body: true, heroImage: true, byline: true, publishedAt: true, revisedAt: true, createdAt: true } as const

/** The newest published articles of a list as a feed, read as an anonymous reader. */
export async function getFeedChannel(list: ArticleList = { kind: 'all' }, scope: FeedScope = SITE_FEED_SCOPE): Promise<FeedChannel> {
  const payload = await getPayloadClient()
  const [site, { docs }] = await Promise.all([
    getSiteIdentity(),
    payload.find({ collection: 'articles', draft: false, overrideAccess: false, depth: 2, where: listWhere(list), limit: FEED_SIZE, pagination: false, sort: ['-publishedAt', '-id'], select: FEED_SELECT }),
  ])
  const origin = getSettings().serverUrl
  const items = docs.map((article) =>
    toFeedItem(article, { origin, bodyHtml: site.feedContent === 'full' ? bodyToFeedHtml(article.body, origin) : null }),
  )
  return toFeedChannel({ site, origin, items, scope })
}
