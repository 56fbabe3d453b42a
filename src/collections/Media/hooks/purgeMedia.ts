import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, CollectionBeforeDeleteHook, PayloadRequest } from 'payload'

import { findLiveArticlesShowing } from '@/domain/articles/liveArticles'
import { tagsForMediaChange } from '@/lib/cache/changeTags'
import { purgeTags } from '@/lib/cache/purge'
import type { Id } from '@/lib/id'
import type { Media } from '@/payload-types'

type Shown = Array<{ slug: string }>

const shownKey = (id: Id) => `mediaShownIn:${id}`

/** Purges these images and every published page showing them (pages, lists, credits, API). */
export async function purgeMediaAndPagesShowing(mediaIds: Id[], req: PayloadRequest): Promise<void> {
  await purgeTags(tagsForMediaChange(mediaIds, await findLiveArticlesShowing(mediaIds, req)), req.payload.logger)
}

/** A new file, alt text, credit or release must show on every page using the image. */
export const purgeMediaAfterChange: CollectionAfterChangeHook<Media> = async ({ doc, req }) => {
  await purgeMediaAndPagesShowing([doc.id], req)
  return doc
}

/** The pages showing an image are found before it goes (deleting it clears their references). */
export const rememberPagesShowingMedia: CollectionBeforeDeleteHook = async ({ id, req }) => {
  // Read first: a nested Local API call replaces req.context with a copy.
  const shownIn = await findLiveArticlesShowing([id], req)
  req.context[shownKey(id)] = shownIn
}

export const purgeMediaAfterDelete: CollectionAfterDeleteHook<Media> = async ({ id, doc, req }) => {
  await purgeTags(tagsForMediaChange([doc.id], (req.context[shownKey(id)] as Shown | undefined) ?? []), req.payload.logger)
  return doc
}
