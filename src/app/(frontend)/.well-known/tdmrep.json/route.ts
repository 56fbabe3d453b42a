import { cacheTags } from '@/lib/cache/tags'
import { getSiteIdentity } from '@/lib/data/site'
import { publicDocument } from '@/lib/seo/responses'
import { toTdmRepJson } from '@/lib/seo/tdm'

export const dynamic = 'force-dynamic'

/** TDMRep's site-wide declaration: whether text and data mining is reserved, and the policy. */
export async function GET(): Promise<Response> {
  const body = JSON.stringify(toTdmRepJson(await getSiteIdentity()), null, 2)
  return publicDocument(body, 'application/json; charset=utf-8', [cacheTags.site])
}
