import { NotFound, type Access } from 'payload'

import { isPublicMediaFile, PUBLIC_MEDIA } from '@/domain/media/visibility'
import { hasRole } from './roles'

/**
 * The newsroom sees every image; readers only public ones (src/domain/media/visibility.ts).
 * A private file answers 404 like a missing one, so its name reveals nothing.
 */
export const canReadMedia: Access = async ({ req, isReadingStaticFile, data }) => {
  if (hasRole(req.user, 'contributor', 'editor', 'admin')) return true
  if (!isReadingStaticFile) return PUBLIC_MEDIA
  const filename = (data as { filename?: unknown } | undefined)?.filename
  if (typeof filename === 'string' && (await isPublicMediaFile(req.payload, filename, req))) return true
  throw new NotFound(req.t)
}
