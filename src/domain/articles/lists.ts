import type { Id } from '@/lib/id'
import type { Payload, PayloadRequest, Where } from 'payload'

import { zonedMonthRange } from '@/lib/timeZone'


/** The lists readers browse: everything, a section, an author, a month (in the publication's time zone), an image's uses. */
export type ArticleList =
  | { kind: 'all' }
  | { kind: 'section'; id: Id }
  | { kind: 'author'; id: Id }
  | { kind: 'month'; month: string; timeZone: string }
  /** The articles showing one image: its credits page. */
  | { kind: 'image'; id: Id }

/** Names a list in cache tags (ASCII, no spaces). */
export function listKey(list: ArticleList): string {
  switch (list.kind) {
    case 'all':
      return 'all'
    case 'section':
      return `section-${list.id}`
    case 'author':
      return `author-${list.id}`
    case 'month':
      return `month-${list.month}`
    case 'image':
      return `image-${list.id}`
  }
}

/** Which articles a list holds (access rules add "published" for readers; hooks add it themselves). */
export function listWhere(list: ArticleList): Where {
  const dated: Where = { publishedAt: { exists: true } }
  switch (list.kind) {
    case 'all':
      return dated
    case 'section':
      return { and: [dated, { section: { equals: list.id } }] }
    case 'author':
      return { and: [dated, { authors: { in: [list.id] } }] }
    case 'month': {
      const { start, end } = zonedMonthRange(list.month, list.timeZone)
      return { and: [{ publishedAt: { greater_than_equal: start.toISOString() } }, { publishedAt: { less_than: end.toISOString() } }] }
    }
    case 'image':
      return { and: [dated, { or: [{ heroImage: { equals: list.id } }, { bodyImages: { in: [list.id] } }] }] }
  }
}

/**
 * Above this many articles showing one image, its list is read with `listWhere`'s OR (slower, but
 * clear of SQLite's limit on bound values); an image is rarely in more than a few hundred.
 */
export const IMAGE_USES_BY_ID_MAX = 5000

/**
 * `listWhere` as the lists read it. An image's uses are "the lead image OR placed in the body": an
 * OR across a column of `articles` and a join to `articles_rels`, which no index answers, so SQLite
 * walks every article (~300 ms a count at 100,000). Each half alone is indexed, so the articles
 * showing the image are found first by two indexed reads, and the list (count, pages, order) then
 * goes by id.
 */
export async function resolveListWhere(list: ArticleList, payload: Payload, req?: PayloadRequest): Promise<Where> {
  if (list.kind !== 'image') return listWhere(list)
  const idsWhere = async (where: Where) =>
    (await payload.find({ collection: 'articles', where, select: {}, depth: 0, limit: IMAGE_USES_BY_ID_MAX + 1, pagination: false, overrideAccess: true, req })).docs.map((doc) => doc.id)
  const [lead, body] = await Promise.all([idsWhere({ heroImage: { equals: list.id } }), idsWhere({ bodyImages: { in: [list.id] } })])
  const ids = [...new Set([...lead, ...body])]
  if (lead.length > IMAGE_USES_BY_ID_MAX || body.length > IMAGE_USES_BY_ID_MAX || ids.length > IMAGE_USES_BY_ID_MAX) return listWhere(list)
  return { and: [{ publishedAt: { exists: true } }, { id: { in: ids } }] }
}
