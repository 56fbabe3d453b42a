import { cacheTags } from '@/lib/cache/tags'
import { getSiteIdentity } from '@/lib/data/site'
import { renderDocsPage } from '@/lib/openapi/docsPage'
import { publicDocument } from '@/lib/seo/responses'

// More specific than Payload's /api/[...slug], so Next routes /api/docs here.
export const dynamic = 'force-dynamic'

export async function GET(): Promise<Response> {
  const { name } = await getSiteIdentity()
  return publicDocument(renderDocsPage(name), 'text/html; charset=utf-8', [cacheTags.site])
}
