import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { revalidateTags } from '@/lib/cache/revalidate'
import { cacheTags } from '@/lib/cache/tags'
import type { Article } from '@/payload-types'

function tagsFor(...docs: Array<Pick<Article, 'slug'> | undefined>): string[] {
  return [cacheTags.articleList, ...docs.flatMap((doc) => (doc?.slug ? [cacheTags.article(doc.slug)] : []))]
}

/**
 * Every save of an existing article expires its pages: a hook cannot tell an unpublish from a
 * draft save (both leave a draft behind), and a needless expiry costs one re-render. A new draft
 * changes nothing public (and the admin creates one while rendering, where Next forbids it).
 */
export const revalidateArticleAfterChange: CollectionAfterChangeHook<Article> = async ({ doc, previousDoc, operation, req, context }) => {
  if (context.skipRevalidation || (operation === 'create' && doc._status !== 'published')) return doc
  await revalidateTags(tagsFor(doc, previousDoc), req.payload.logger)
  return doc
}

export const revalidateArticleAfterDelete: CollectionAfterDeleteHook<Article> = async ({ doc, req, context }) => {
  if (!context.skipRevalidation) await revalidateTags(tagsFor(doc), req.payload.logger)
  return doc
}
