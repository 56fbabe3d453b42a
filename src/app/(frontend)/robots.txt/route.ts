import { getSettings } from '@/config/settings'
import { cacheTags } from '@/lib/cache/tags'
import { getSiteIdentity } from '@/lib/data/site'
import { publicDocument } from '@/lib/seo/responses'
import { renderRobots } from '@/lib/seo/robots'

// A route handler rather than Next's robots.ts: it reads Site settings and sets cache headers.
export const dynamic = 'force-dynamic'

export async function GET(): Promise<Response> {
  const body = renderRobots(await getSiteIdentity(), getSettings().serverUrl)
  return publicDocument(body, 'text/plain; charset=utf-8', [cacheTags.site])
}
