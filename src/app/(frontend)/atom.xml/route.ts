import { ATOM_CONTENT_TYPE, renderAtom } from '@/lib/feeds/atom'
import { getFeedChannel } from '@/lib/data/feeds'
import { feedResponse } from '@/lib/feeds/response'

// Read from the database per request (the response cache in front keeps it); never at build time.
export const dynamic = 'force-dynamic'

export async function GET(): Promise<Response> {
  return feedResponse(renderAtom(await getFeedChannel()), ATOM_CONTENT_TYPE)
}
