import { getFeedChannel } from '@/lib/data/feeds'
import { feedResponse } from '@/lib/feeds/response'
import { RSS_CONTENT_TYPE, renderRss } from '@/lib/feeds/rss'

// Read from the database per request (the response cache in front keeps it); never at build time.
export const dynamic = 'force-dynamic'

export async function GET(): Promise<Response> {
  return feedResponse(renderRss(await getFeedChannel()), RSS_CONTENT_TYPE)
}
