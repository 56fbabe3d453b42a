import type { CollectionBeforeChangeHook } from 'payload'

import type { Article } from '@/payload-types'

/** The first publish stamps the date unless the editor chose one. */
export const setPublishedAt: CollectionBeforeChangeHook<Article> = ({ data }) => {
  if (data._status === 'published' && !data.publishedAt) {
    return { ...data, publishedAt: new Date().toISOString() }
  }
  return data
}
