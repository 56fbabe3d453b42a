import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { tagsForProfileChange } from '@/lib/cache/changeTags'
import { purgeChange } from '@/lib/cache/purge'
import type { Author } from '@/payload-types'

/** A profile appears on its own page and feed, and in the bylines of its articles. */
export const purgeAuthor: CollectionAfterChangeHook<Author> & CollectionAfterDeleteHook<Author> = async ({ doc, req }) => {
  await purgeChange(req, tagsForProfileChange('author', doc.id))
  return doc
}
