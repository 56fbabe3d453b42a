import type { CollectionSlug, SelectType, Where } from 'payload'

import { landingPages, pageCount } from '@/lib/pagination'
import { getPayloadClient } from './payload'

/**
 * Reads one stable page (src/lib/pagination.ts) of any public list, as an anonymous reader:
 * one indexed count and one read of at most two pages, whatever the collection holds.
 */
export type StableQuery<T> = {
  collection: CollectionSlug
  where: Where
  /** The date field pages are ordered by (oldest first for numbering, ties broken by id). */
  dateField: string
  /** Only the fields the view shows; unset: the whole document (an image needs all of its sizes). */
  select?: SelectType
  depth: number
  size: number
  toView: (doc: never) => T
}

export type StablePage<T> = { items: T[]; page: number; pages: number; total: number }
export type StableLanding<T> = { items: T[]; total: number; pages: number; older: number | null }

/** Page `page` counted from the oldest, newest first on the page; null past the last page. */
export async function findStablePage<T>(query: StableQuery<T>, page: number): Promise<StablePage<T> | null> {
  const payload = await getPayloadClient()
  const found = await payload.find({
    collection: query.collection,
    draft: false,
    overrideAccess: false,
    depth: query.depth,
    where: query.where,
    sort: [query.dateField, 'id'],
    limit: query.size,
    page,
    ...(query.select ? { select: query.select } : {}),
  })
  const pages = pageCount(found.totalDocs, query.size)
  if (page > pages) return null
  return { items: (found.docs.reverse() as never[]).map(query.toView), page, pages, total: found.totalDocs }
}

/** A landing page: the two newest pages, and which page is older than them. */
export async function findStableLanding<T>(query: StableQuery<T>): Promise<StableLanding<T>> {
  const payload = await getPayloadClient()
  const { totalDocs: total } = await payload.count({ collection: query.collection, overrideAccess: false, where: query.where })
  const { pages, older } = landingPages(total, query.size)
  const shown = total - (Math.min(...pages) - 1) * query.size
  const docs =
    shown > 0
      ? (
          await payload.find({
            collection: query.collection,
            draft: false,
            overrideAccess: false,
            depth: query.depth,
            where: query.where,
            sort: [`-${query.dateField}`, '-id'],
            limit: shown,
            pagination: false,
            ...(query.select ? { select: query.select } : {}),
          })
        ).docs
      : []
  return { items: (docs as never[]).map(query.toView), total, pages: pageCount(total, query.size), older }
}
