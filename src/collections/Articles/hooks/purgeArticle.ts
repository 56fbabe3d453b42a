import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, CollectionBeforeChangeHook, PayloadRequest } from 'payload'

import { readLiveArticle, toLiveArticle } from '@/domain/articles/liveArticles'
import { tagsForArticleChange, type LiveArticle } from '@/lib/cache/changeTags'
import { purgeChange } from '@/lib/cache/purge'
import type { Article } from '@/payload-types'

const beforeKey = (id: number | string) => `liveArticleBefore:${id}`

/** Notes what readers see before the save, to compare with what they see after it. */
export const rememberLiveArticle: CollectionBeforeChangeHook<Article> = async ({ operation, originalDoc, req }) => {
  if (operation !== 'update' || !originalDoc) return
  // Read first: a nested Local API call replaces req.context with a copy.
  const before = await readLiveArticle(originalDoc.id, req)
  req.context[beforeKey(originalDoc.id)] = before
}

async function purge(before: LiveArticle | null, after: LiveArticle | null, req: PayloadRequest): Promise<void> {
  await purgeChange(req, tagsForArticleChange(before, after))
}

/** Publish, unpublish, a published edit, a scheduled publish: purged before the API call returns; a draft save purges nothing. */
export const purgeArticleAfterChange: CollectionAfterChangeHook<Article> = async ({ doc, operation, req }) => {
  const before = operation === 'update' ? ((req.context[beforeKey(doc.id)] as LiveArticle | null | undefined) ?? null) : null
  await purge(before, await readLiveArticle(doc.id, req), req)
  return doc
}

export const purgeArticleAfterDelete: CollectionAfterDeleteHook<Article> = async ({ doc, req }) => {
  await purge(toLiveArticle(doc), null, req)
  return doc
}
