import type { CollectionBeforeChangeHook } from 'payload'

import { uploadIdsOf } from '@/lib/richText'
import type { Article } from '@/payload-types'

/**
 * Keeps `bodyImages` equal to the images placed in the body, so the licensing rules, the
 * release on publish and the purge queries find body images with a plain `where` on any
 * database. Runs first: the hooks after it read the field. An image since deleted is left out.
 */
export const setBodyImages: CollectionBeforeChangeHook<Article> = async ({ data, originalDoc, req }) => {
  // A partial update (a scheduled publish sends only `_status`) keeps the stored body.
  const ids = uploadIdsOf(data.body === undefined ? originalDoc?.body : data.body, 'media')
  if (ids.length === 0) return { ...data, bodyImages: [] }
  // The database adapter directly: existence is all that is asked, no hooks or credits needed.
  const { docs } = await req.payload.db.find<{ id: number | string }>({ collection: 'media', where: { id: { in: ids } }, limit: 0, pagination: false, req })
  const found = new Map(docs.map((doc) => [String(doc.id), doc.id]))
  return { ...data, bodyImages: ids.flatMap((id) => found.get(String(id)) ?? []) }
}
