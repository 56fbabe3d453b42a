import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, CollectionBeforeDeleteHook, PayloadRequest } from 'payload'

import { findLiveArticlesShowing } from '@/domain/articles/liveArticles'
import { tagsForSiteLogo } from '@/domain/media/siteLogo'
import { tagsForMediaChange } from '@/lib/cache/changeTags'
import { purgeChange } from '@/lib/cache/purge'
import type { Id } from '@/lib/id'
import type { Media } from '@/payload-types'

type Shown = Array<{ slug: string }>

const shownKey = (id: Id) => `mediaShownIn:${id}`
const logoKey = (id: Id) => `mediaSiteLogoTags:${id}`

/** Purges these images and every published page showing them (pages, lists, credits, API; every page, for the logo). */
export async function purgeMediaAndPagesShowing(mediaIds: Id[], req: PayloadRequest): Promise<void> {
  await purgeChange(req, [...tagsForMediaChange(mediaIds, await findLiveArticlesShowing(mediaIds, req)), ...(await tagsForSiteLogo(mediaIds, req))])
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
  const logoTags = await tagsForSiteLogo([id], req)
  req.context[shownKey(id)] = shownIn
  req.context[logoKey(id)] = logoTags
}

export const purgeMediaAfterDelete: CollectionAfterDeleteHook<Media> = async ({ id, doc, req }) => {
  await purgeChange(req, [...tagsForMediaChange([doc.id], (req.context[shownKey(id)] as Shown | undefined) ?? []), ...((req.context[logoKey(id)] as string[] | undefined) ?? [])])
  return doc
}
