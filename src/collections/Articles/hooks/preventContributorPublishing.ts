import { APIError, type CollectionBeforeChangeHook } from 'payload'

import { hasRole } from '@/access/roles'
import type { Article } from '@/payload-types'

/**
 * Contributors save drafts; publishing (directly, or by a schedule they set) is an editor's
 * decision. Access rules already refuse it (src/access/articleAccess.ts); this also covers
 * server-side writes that skip access but carry the contributor as the user.
 */
export const preventContributorPublishing: CollectionBeforeChangeHook<Article> = ({ data, req }) => {
  if (data._status === 'published' && hasRole(req.user, 'contributor')) {
    throw new APIError('Contributors can save drafts; an editor or admin publishes them.', 403, null, true)
  }
  return data
}
