import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, CollectionBeforeDeleteHook } from 'payload'

import { findLiveArticlesShowing } from '@/domain/articles/liveArticles'
import { tagsForArticlesUsingMedia } from '@/lib/cache/affectedArticles'
import { tagsForMediaChange } from '@/lib/cache/changeTags'
import { purgeChange } from '@/lib/cache/purge'
import type { Media } from '@/payload-types'

type Id = number | string
type Shown = Array<{ slug: string }>

const shownKey = (id: Id) => `mediaShownIn:${id}`

/** A new file, alt text, credit or release must show on every page using the image. */
export const purgeMediaAfterChange: CollectionAfterChangeHook<Media> = async ({ doc, req }) => {
  await purgeChange(req, await tagsForArticlesUsingMedia([doc.id], req))
  return doc
}

/** The pages showing an image are found before it goes (deleting it clears their references). */
export const rememberPagesShowingMedia: CollectionBeforeDeleteHook = async ({ id, req }) => {
  // Read first: a nested Local API call replaces req.context with a copy.
  const shownIn = await findLiveArticlesShowing([id], req)
  req.context[shownKey(id)] = shownIn
}

export const purgeMediaAfterDelete: CollectionAfterDeleteHook<Media> = async ({ id, doc, req }) => {
  await purgeChange(req, tagsForMediaChange([doc.id], (req.context[shownKey(id)] as Shown | undefined) ?? []))
  return doc
}
