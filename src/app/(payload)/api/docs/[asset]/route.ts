import { readFile } from 'node:fs/promises'
import path from 'node:path'

import { cacheTags } from '@/lib/cache/tags'
import { DOCS_ASSETS, DOCS_INIT_SCRIPT, isDocsAsset } from '@/lib/openapi/docsPage'
import { publicDocument } from '@/lib/seo/responses'

export const dynamic = 'force-dynamic'

/* Resolved from the working directory (the server runs from the project root): Next's bundle moves
 * import.meta.url, and only the names listed in DOCS_ASSETS are ever read. */
const SWAGGER_UI_DIR = path.join(process.cwd(), 'node_modules', 'swagger-ui-dist')

export async function GET(_request: Request, { params }: { params: Promise<{ asset: string }> }): Promise<Response> {
  const { asset } = await params
  if (!isDocsAsset(asset)) return Response.json({ errors: [{ message: `No API docs file named "${asset}".` }] }, { status: 404 })
  const body = asset === 'init.js' ? DOCS_INIT_SCRIPT : await readFile(path.join(SWAGGER_UI_DIR, asset), 'utf8')
  // Tagged like the page: they change only with a deploy, which starts with an empty cache.
  return publicDocument(body, DOCS_ASSETS[asset], [cacheTags.site])
}
