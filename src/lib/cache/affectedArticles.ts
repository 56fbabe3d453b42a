import type { Payload, PayloadRequest } from 'payload'

import { cacheTags } from './tags'

type Id = number | string

/** Tags of every article page that shows one of these images, plus the article lists. */
export async function tagsForArticlesUsingMedia(payload: Payload, mediaIds: Id[], req: PayloadRequest): Promise<string[]> {
  if (mediaIds.length === 0) return [cacheTags.articleList]
  const { docs } = await payload.find({
    collection: 'articles',
    where: { heroImage: { in: mediaIds } },
    select: { slug: true },
    depth: 0,
    pagination: false,
    req,
  })
  return [cacheTags.articleList, ...docs.flatMap((doc) => (doc.slug ? [cacheTags.article(doc.slug)] : []))]
}
