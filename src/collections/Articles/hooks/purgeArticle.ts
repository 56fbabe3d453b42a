import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, CollectionBeforeChangeHook, PayloadRequest } from 'payload'

import { tagsForListChange } from '@/domain/articles/listTags'
import { readLiveArticle, toLiveArticle, type LiveArticle } from '@/domain/articles/liveArticles'
import { tagsForArticleChange } from '@/lib/cache/changeTags'
import { purgeChange } from '@/lib/cache/purge'
import type { Id } from '@/lib/id'
import type { Article } from '@/payload-types'

const beforeKey = (id: Id) => `liveArticleBefore:${id}`

/** Notes what readers see before the save, to compare with what they see after it. */
export const rememberLiveArticle: CollectionBeforeChangeHook<Article> = async ({ operation, originalDoc, req }) => {
  if (operation !== 'update' || !originalDoc) return
  // Read first: a nested Local API call replaces req.context with a copy.
  const before = await readLiveArticle(originalDoc.id, req)
  req.context[beforeKey(originalDoc.id)] = before
}

async function purge(before: LiveArticle | null, after: LiveArticle | null, req: PayloadRequest): Promise<void> {
  const tags = tagsForArticleChange(before, after)
  if (tags.length === 0) return
  await purgeChange(req, [...tags, ...(await tagsForListChange(before, after, req))])
}

/** Publish, unpublish, a published edit, a scheduled publish: purged before the API call returns; a draft save purges nothing. */
export const purgeArticleAfterChange: CollectionAfterChangeHook<Article> = async ({ doc, operation, req }) => {
  await purge(liveArticleBefore(doc.id, operation, req), await readLiveArticle(doc.id, req), req)
  return doc
}

/** What readers saw before this change, as `rememberLiveArticle` noted it. */
export function liveArticleBefore(id: number | string, operation: 'create' | 'update', req: PayloadRequest): LiveArticle | null {
  return operation === 'update' ? ((req.context[beforeKey(id)] as LiveArticle | null | undefined) ?? null) : null
}

export const purgeArticleAfterDelete: CollectionAfterDeleteHook<Article> = async ({ doc, req }) => {
  await purge(toLiveArticle(doc), null, req)
  return doc
}
