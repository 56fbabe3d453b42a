import type { PayloadRequest, Where } from 'payload'

import { getSettings } from '@/config/settings'
import { tagsForListPositions, type ListPosition } from '@/lib/cache/changeTags'
import { cacheTags } from '@/lib/cache/tags'
import { toSiteIdentity } from '@/lib/site'
import { zonedMonthOf } from '@/lib/timeZone'
import { listKey, resolveListWhere, type ArticleList } from './lists'
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

const yearOf = (month: string) => month.slice(0, 4)

/**
 * Each month archive links the nearest months with articles around it, and each year's page its
 * months and the years around it, so a month that gains its first article or loses its last
 * changes its neighbours' pages: those of the months the article was and is in, read after the
 * change (two indexed reads a month), are purged whole, with the year pages of all of them.
 */
async function dateArchiveTags(months: readonly string[], timeZone: string, req: PayloadRequest): Promise<string[]> {
  const around = await Promise.all(months.map((month) => findMonthNeighbours(req.payload, month, timeZone, req)))
  const neighbours = around.flatMap(({ earlier, later }) => [earlier, later]).filter((month): month is string => month !== null)
  return [
    ...neighbours.flatMap((month) => {
      const key = listKey({ kind: 'month', month, timeZone })
      return [cacheTags.listHead(key), cacheTags.listPages(key)]
    }),
    ...[...months, ...neighbours].map((month) => cacheTags.archiveYear(yearOf(month))),
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
  const months = [...new Set(states.map((state) => zonedMonthOf(state.publishedAt, timeZone)))]
  return [...new Set([...tagsForListPositions(positions, getSettings().listPageSize), ...(await dateArchiveTags(months, timeZone, req))])]
}
