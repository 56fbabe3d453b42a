import type { CollectionBeforeChangeHook } from 'payload'

import { findBodyImageIds } from '@/domain/articles/bodyImages'
import type { Article } from '@/payload-types'

/**
 * Keeps `bodyImages` equal to the images placed in the body, so the licensing rules, the
 * release on publish and the purge queries find body images with a plain `where` on any
 * database. Runs first: the hooks after it read the field.
 */
export const setBodyImages: CollectionBeforeChangeHook<Article> = async ({ data, originalDoc, req }) => {
  // A partial update (a scheduled publish sends only `_status`) keeps the stored body.
  const body = data.body === undefined ? originalDoc?.body : data.body
  return { ...data, bodyImages: await findBodyImageIds(body, req.payload, req) }
}
