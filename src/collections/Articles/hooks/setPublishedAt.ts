import type { CollectionBeforeChangeHook } from 'payload'

import type { Article } from '@/payload-types'

/** The first publish stamps the date unless the editor chose one. */
export const setPublishedAt: CollectionBeforeChangeHook<Article> = ({ data, originalDoc }) => {
  // A partial update (a scheduled publish sends only `_status`) keeps the stored date.
  const chosen = data.publishedAt === undefined ? originalDoc?.publishedAt : data.publishedAt
  if (data._status === 'published' && !chosen) {
    return { ...data, publishedAt: new Date().toISOString() }
  }
  return data
}
