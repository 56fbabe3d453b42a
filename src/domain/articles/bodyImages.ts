import type { Id } from '@/lib/id'
import type { Payload, PayloadRequest } from 'payload'

import { uploadIdsOf } from '@/lib/richText'
import type { Article } from '@/payload-types'


/**
 * The images a body shows, as `bodyImages` keeps them: each once, in reading order, leaving out
 * an image since deleted (the body still names it; the database would refuse a dangling id).
 */
export async function findBodyImageIds(body: unknown, payload: Payload, req: PayloadRequest): Promise<Id[]> {
  const ids = uploadIdsOf(body, 'media')
  if (ids.length === 0) return []
  // The database adapter directly: existence is all that is asked, no hooks or credits needed.
  const { docs } = await payload.db.find<{ id: Id }>({ collection: 'media', where: { id: { in: ids } }, limit: 0, pagination: false, req })
  const found = new Map(docs.map((doc) => [String(doc.id), doc.id]))
  return ids.flatMap((id) => found.get(String(id)) ?? [])
}

/** Fills `bodyImages` of the articles stored before the field existed (their published rows; later saves keep it). */
export async function backfillBodyImages(payload: Payload, req: PayloadRequest): Promise<void> {
  const { docs } = await payload.db.find<Article>({ collection: 'articles', limit: 0, pagination: false, req })
  for (const article of docs) {
    const bodyImages = await findBodyImageIds(article.body, payload, req)
    if (bodyImages.length > 0) await payload.db.updateOne({ collection: 'articles', id: article.id, data: { bodyImages }, returning: false, req })
  }
}
