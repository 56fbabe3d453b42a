import type { CollectionBeforeChangeHook } from 'payload'

import type { Article } from '@/payload-types'

/** A new article belongs to whoever creates it, unless an editor chose someone. */
export const setAuthor: CollectionBeforeChangeHook<Article> = ({ data, operation, req }) => {
  if (operation === 'create' && !data.author && req.user?.collection === 'users') return { ...data, author: req.user.id }
  return data
}
