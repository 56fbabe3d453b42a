import type { CollectionAfterChangeHook } from 'payload'

import { recordSlugMove, releaseAddress } from '@/domain/redirects/slugMoves'
import { slugPaths, type SluggedCollection } from '@/lib/urls'

/**
 * A section's or author's new slug: the old address answers 301 to the new one. A new document
 * takes its address back from any redirect.
 */
export function redirectOldSlug(collection: Exclude<SluggedCollection, 'articles'>): CollectionAfterChangeHook<{ id: number | string; slug: string }> {
  return async ({ doc, previousDoc, operation, req }) => {
    if (operation === 'create') await releaseAddress(slugPaths[collection](doc.slug), req)
    else if (previousDoc?.slug && previousDoc.slug !== doc.slug) await recordSlugMove(collection, doc.id, previousDoc.slug, doc.slug, req)
    return doc
  }
}
