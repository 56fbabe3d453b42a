import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, CollectionBeforeDeleteHook } from 'payload'

import { findLiveArticlesShowing } from '@/domain/articles/liveArticles'
import { tagsForSiteLogo } from '@/domain/media/siteLogo'
import { tagsForArticlesUsingMedia } from '@/lib/cache/affectedArticles'
import { tagsForMediaChange } from '@/lib/cache/changeTags'
import { purgeChange } from '@/lib/cache/purge'
import type { Media } from '@/payload-types'

type Id = number | string
type Shown = Array<{ slug: string }>

const shownKey = (id: Id) => `mediaShownIn:${id}`
const logoKey = (id: Id) => `mediaSiteLogoTags:${id}`

/** A new file, alt text, credit or release must show on every page using the image (every page, for the logo). */
export const purgeMediaAfterChange: CollectionAfterChangeHook<Media> = async ({ doc, req }) => {
  await purgeChange(req, [...(await tagsForArticlesUsingMedia([doc.id], req)), ...(await tagsForSiteLogo([doc.id], req))])
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
