import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { revalidateTags } from '@/lib/cache/revalidate'
import { cacheTags } from '@/lib/cache/tags'
import type { Article } from '@/payload-types'

function tagsFor(...docs: Array<Pick<Article, 'slug'> | undefined>): string[] {
  return [cacheTags.articleList, ...docs.flatMap((doc) => (doc?.slug ? [cacheTags.article(doc.slug)] : []))]
}

/** A save touches readers only when the document is, or was, published. */
export const revalidateArticleAfterChange: CollectionAfterChangeHook<Article> = async ({ doc, previousDoc, req, context }) => {
  if (context.skipRevalidation) return doc
  const wasOrIsPublished = doc._status === 'published' || previousDoc?._status === 'published'
  if (wasOrIsPublished) await revalidateTags(tagsFor(doc, previousDoc), req.payload.logger)
  return doc
}

export const revalidateArticleAfterDelete: CollectionAfterDeleteHook<Article> = async ({ doc, req, context }) => {
  if (!context.skipRevalidation) await revalidateTags(tagsFor(doc), req.payload.logger)
  return doc
}
