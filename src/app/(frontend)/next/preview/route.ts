import { draftMode } from 'next/headers'
import { redirect } from 'next/navigation'

import { getPayloadClient } from '@/lib/data/payload'
import { isPreviewablePath, isValidPreviewToken, previewPagePath } from '@/lib/preview'

/** Turns on Next's draft mode for a logged-in user holding a valid link, then opens the draft. */
export async function GET(request: Request): Promise<Response> {
  const params = new URL(request.url).searchParams
  const path = params.get('path')
  const payload = await getPayloadClient()
  if (!isPreviewablePath(path) || !isValidPreviewToken(payload.config.secret, path, params.get('token'))) {
    return new Response('This preview link is not valid. Open the preview from the article in the admin.', { status: 403 })
  }
  const { user } = await payload.auth({ headers: request.headers })
  if (!user) {
    return new Response('Log in to the admin to preview drafts.', { status: 401 })
  }
  ;(await draftMode()).enable()
  redirect(previewPagePath(path))
}
