import type { PayloadRequest } from 'payload'

import { findLiveArticlesShowing } from '@/domain/articles/liveArticles'
import { tagsForMediaChange } from './changeTags'

type Id = number | string

/** Tags of these images and of every published page showing them (pages, lists, credits, API). */
export async function tagsForArticlesUsingMedia(mediaIds: Id[], req: PayloadRequest): Promise<string[]> {
  return tagsForMediaChange(mediaIds, await findLiveArticlesShowing(mediaIds, req))
}
