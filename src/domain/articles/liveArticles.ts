import type { PayloadRequest } from 'payload'

import type { Id } from '@/lib/id'
import type { Article } from '@/payload-types'
import { idOf } from '../media/license'
import { imageIdsOf } from './articleImages'

/** What readers see of an article: its published row (null while it is not published), with the images it shows (lead and body), its date and its lists. */
export type LiveArticle = { slug: string; images: readonly Id[]; updatedAt: string; publishedAt: string | null; section: Id | null; authors: Id[] }

export function toLiveArticle(
  article: Pick<Article, '_status' | 'slug' | 'heroImage' | 'bodyImages' | 'updatedAt' | 'publishedAt' | 'section' | 'authors'> | null | undefined,
): LiveArticle | null {
  if (!article || article._status !== 'published') return null
  return {
    slug: article.slug,
    images: imageIdsOf(article),
    updatedAt: article.updatedAt,
    publishedAt: article.publishedAt ?? null,
    section: idOf(article.section),
    authors: (article.authors ?? []).flatMap((author) => idOf(author) ?? []),
  }
}

/**
 * The article as readers see it now. Draft saves write versions only and leave this row alone,
 * which is how a hook tells a draft save (nothing public changed) from an unpublish.
 */
export async function readLiveArticle(id: Id, req: PayloadRequest): Promise<LiveArticle | null> {
  const row = await req.payload.db.findOne<Article>({ collection: 'articles', where: { id: { equals: id } }, req })
  return toLiveArticle(row)
}

/** Published articles showing any of these images, as the lead image or in the body. */
export async function findLiveArticlesShowing(mediaIds: readonly Id[], req: PayloadRequest): Promise<Array<Pick<Article, 'id' | 'slug' | 'headline'>>> {
  if (mediaIds.length === 0) return []
  const { docs } = await req.payload.find({
    collection: 'articles',
    where: { and: [{ or: [{ heroImage: { in: [...mediaIds] } }, { bodyImages: { in: [...mediaIds] } }] }, { _status: { equals: 'published' } }] },
    draft: false,
    select: { slug: true, headline: true },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  return docs
}
