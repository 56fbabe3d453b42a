import type { FieldHook } from 'payload'

import { findScheduleFailure } from '@/domain/articles/scheduleFailure'
import type { Article } from '@/payload-types'

/** Fills the read-only notice on a draft whose scheduled publish failed; readers never trigger the lookup. */
export const showScheduleFailure: FieldHook<Article> = async ({ data, req }) => {
  if (!req.user || !data?.id || data._status === 'published') return null
  return findScheduleFailure(data.id, req)
}
