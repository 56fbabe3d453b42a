import type { PayloadRequest, Where } from 'payload'

import { getSettings } from '@/config/settings'
import { tagsForListPositions, type ListPosition } from '@/lib/cache/changeTags'
import { cacheTags } from '@/lib/cache/tags'
import { toSiteIdentity } from '@/lib/site'
import { yearOfMonth, zonedMonthOf } from '@/lib/timeZone'
import { listKey, listWhere, resolveListWhere, type ArticleList } from './lists'
import type { LiveArticle } from './liveArticles'
import { findMonthNeighbours } from './monthNeighbours'

/** The lists a published article is in: everything, its section, each author, its month, the uses of each image it shows. */
export function listsOf(article: LiveArticle, timeZone: string): ArticleList[] {
  if (!article.publishedAt) return []
  return [
    { kind: 'all' },
    ...(article.section !== null ? [{ kind: 'section' as const, id: article.section }] : []),
    ...article.authors.map((id) => ({ kind: 'author' as const, id })),
    { kind: 'month', month: zonedMonthOf(article.publishedAt, timeZone), timeZone },
    ...article.images.map((id) => ({ kind: 'image' as const, id })),
  ]
}

/**
 * Where the article sits in a list. An article that stays (same list, same date) changes only its
 * own page; one that comes or goes moves every later page, and the list may have held one more.
 */
async function positionIn(list: ArticleList, publishedAt: string, stays: boolean, req: PayloadRequest): Promise<ListPosition> {
  const published: Where = { and: [await resolveListWhere(list, req.payload, req), { _status: { equals: 'published' } }] }
  const count = async (where: Where) => (await req.payload.count({ collection: 'articles', where, overrideAccess: true, req })).totalDocs
  const position = await count({ and: [published, { publishedAt: { less_than: publishedAt } }] })
  return { key: listKey(list), position, total: stays ? position + 1 : (await count(published)) + 1 }
}

/**
 * The months this change started (its first article) or emptied (its last): the only changes
 * that alter the date archive's links. An edit that keeps its month reads nothing here; a
 * publish, unpublish or new date counts the articles of the month it left and the one it joined.
 */
async function monthsStartedOrEmptied(before: LiveArticle | null, after: LiveArticle | null, timeZone: string, req: PayloadRequest): Promise<string[]> {
  const monthOf = (state: LiveArticle | null) => (state?.publishedAt ? zonedMonthOf(state.publishedAt, timeZone) : null)
  const [left, joined] = [monthOf(before), monthOf(after)]
  if (left === joined) return []
  const publishedIn = async (month: string) =>
    (await req.payload.count({ collection: 'articles', where: { and: [listWhere({ kind: 'month', month, timeZone }), { _status: { equals: 'published' } }] }, overrideAccess: true, req })).totalDocs
  const [leftCount, joinedCount] = await Promise.all([left ? publishedIn(left) : null, joined ? publishedIn(joined) : null])
  return [...(left && leftCount === 0 ? [left] : []), ...(joined && joinedCount === 1 ? [joined] : [])]
}

/**
 * Each month archive links the nearest months with articles around it, and each year's page its
 * months and the years around it, so a month that starts or empties changes its neighbours'
 * pages: those are found after the change (two indexed reads a month) and purged whole, with the
 * year pages of all of them.
 */
async function dateArchiveTags(months: readonly string[], timeZone: string, req: PayloadRequest): Promise<string[]> {
  const around = await Promise.all(months.map((month) => findMonthNeighbours(req.payload, month, timeZone, req)))
  const neighbours = around.flatMap(({ earlier, later }) => [earlier, later]).filter((month): month is string => month !== null)
  return [
    ...neighbours.flatMap((month) => {
      const key = listKey({ kind: 'month', month, timeZone })
      return [cacheTags.listHead(key), cacheTags.listPages(key)]
    }),
    ...[...months, ...neighbours].map((month) => cacheTags.archiveYear(yearOfMonth(month))),
  ]
}

/**
 * The list pages an article's change makes stale, before and after it: one or two indexed counts
 * per list, so a publish purges a handful of pages whatever the archive holds.
 */
export async function tagsForListChange(before: LiveArticle | null, after: LiveArticle | null, req: PayloadRequest): Promise<string[]> {
  const states = [before, after].filter((state): state is LiveArticle & { publishedAt: string } => state?.publishedAt != null)
  if (states.length === 0) return []
  const { timeZone } = toSiteIdentity(await req.payload.findGlobal({ slug: 'site-settings', depth: 0, overrideAccess: true, req }))
  const keysOf = (state: LiveArticle | null) => new Set(state ? listsOf(state, timeZone).map(listKey) : [])
  const [keysBefore, keysAfter] = [keysOf(before), keysOf(after)]
  const sameDate = before?.publishedAt === after?.publishedAt
  const positions = await Promise.all(
    states.flatMap((state) =>
      listsOf(state, timeZone).map((list) => positionIn(list, state.publishedAt, sameDate && keysBefore.has(listKey(list)) && keysAfter.has(listKey(list)), req)),
    ),
  )
  const months = await monthsStartedOrEmptied(before, after, timeZone, req)
  return [...new Set([...tagsForListPositions(positions, getSettings().listPageSize), ...(await dateArchiveTags(months, timeZone, req))])]
}
