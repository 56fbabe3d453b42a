import { APIError, type CollectionBeforeChangeHook } from 'payload'

import { hasRole } from '@/access/roles'
import type { Article } from '@/payload-types'

/**
 * Contributors save drafts; publishing (directly, or by a schedule they set) is an editor's
 * decision. Checked on every write path: admin, REST, GraphQL and scheduled jobs.
 */
export const preventContributorPublishing: CollectionBeforeChangeHook<Article> = ({ data, req }) => {
  if (data._status === 'published' && hasRole(req.user, 'contributor')) {
    throw new APIError('Contributors can save drafts; an editor or admin publishes them.', 403, null, true)
  }
  return data
}
