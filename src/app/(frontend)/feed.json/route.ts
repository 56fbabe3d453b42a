import { getSettings } from '@/config/settings'
import { getFeedChannel } from '@/lib/data/feeds'
import { JSON_FEED_CONTENT_TYPE, toJsonFeed } from '@/lib/feeds/jsonFeed'
import { feedResponse } from '@/lib/feeds/response'
import { absoluteUrl, machinePaths } from '@/lib/urls'

// Read from the database per request (the response cache in front keeps it); never at build time.
export const dynamic = 'force-dynamic'

export async function GET(): Promise<Response> {
  const creditAbout = absoluteUrl(machinePaths.credits, getSettings().serverUrl)
  return feedResponse(JSON.stringify(toJsonFeed(await getFeedChannel(), { creditAbout }), null, 2), JSON_FEED_CONTENT_TYPE)
}
