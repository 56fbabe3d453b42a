import { cacheTags } from '@/lib/cache/tags'
import { getOpenApiDocument } from '@/lib/data/openapi'
import { publicDocument } from '@/lib/seo/responses'

// More specific than Payload's /api/[...slug], so Next routes /api/openapi.json here.
export const dynamic = 'force-dynamic'

/** Changes with the code (a deploy) or Site settings (its title and terms). */
export async function GET(): Promise<Response> {
  return publicDocument(JSON.stringify(await getOpenApiDocument(), null, 2), 'application/json; charset=utf-8', [cacheTags.site])
}
